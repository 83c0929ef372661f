package schema

import (
	"github.com/stepstudio/stepstudio/engine/asl"
)

func (c *checker) wait(s *asl.State, ptr string) {
	var present []string
	for _, f := range tableRules().waitFields {
		if s.Node.Has(f) {
			present = append(present, f)
		}
	}
	switch len(present) {
	case 0:
		c.errorKey(ptr, CodeSchema, "Wait state %q needs exactly one of Seconds, SecondsPath, Timestamp or TimestampPath to say how long to wait. Add one.", s.Name)
	case 1:
	default:
		c.errorKey(asl.Append(ptr, present[1]), CodeSchema, "Wait state %q has both %q and %q; it needs exactly one duration field. Keep one.", s.Name, present[0], present[1])
	}
	if v := s.Field("Timestamp"); v.Is(asl.KindString) && !isJSONata(v.Str) && !(c.opts.Placeholders && isPlaceholder(v.Str)) {
		if _, err := parseTimestamp(v.Str); err != nil {
			hint := ""
			if looksLikePath(v.Str) {
				hint = " To read the time from the input, use TimestampPath."
			}
			c.errorAt(asl.Append(ptr, "Timestamp"), v, CodeSchema,
				"Wait state %q: Timestamp %q is not an RFC 3339 timestamp with a time zone, such as \"2026-01-31T09:30:00Z\".%s", s.Name, v.Str, hint)
		}
	}
}
