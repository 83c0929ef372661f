package schema

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stepstudio/stepstudio/engine/asl"
)

func (c *checker) mapState(s *asl.State, ptr string) {
	if !s.Node.Has("ItemProcessor") && !s.Node.Has("Iterator") {
		c.errorKey(ptr, CodeSchema, "Map state %q needs an ItemProcessor (StartAt and States) to run for each item. Add one.", s.Name)
	}
	if s.ItemProcessor != nil && !s.Distributed() {
		for _, f := range tableRules().distributedOnly {
			if fld := s.Node.Field(f); fld != nil {
				c.report(Error, asl.Append(ptr, f), fld.KeyRange, CodeSchema,
					"Map state %q uses %q, which only a Distributed Map has. Set \"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\"} in the ItemProcessor, or remove the field.", s.Name, f)
			}
		}
		for _, f := range tableRules().distributedIgnored {
			if fld := s.Node.Field(f); fld != nil {
				c.report(Warning, asl.Append(ptr, f), fld.KeyRange, CodeIgnoredField,
					"Map state %q sets %q, which only a Distributed Map uses; this inline Map ignores it. Set \"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\"} or remove the field.", s.Name, f)
			}
		}
	}
	if s.Distributed() {
		for _, nc := range tableRules().distributedChecks {
			keys := nc.keys
			obj := getPath(s.Node, keys)
			for _, f := range nc.fields {
				if obj.Is(asl.KindObject) && !obj.Has(f) {
					c.errorKey(asl.Append(ptr, keys...), CodeSchema,
						"Map state %q runs in DISTRIBUTED mode, so its %s needs %q (STANDARD or EXPRESS child runs). Add it.", s.Name, keys[len(keys)-1], f)
				}
			}
		}
	}
	if v := s.Field("Label"); v.Is(asl.KindString) {
		c.label(s, asl.Append(ptr, "Label"), v)
	}
}

// label checks a Distributed Map's Label against the table's rule: its
// length and the characters AWS refuses.
func (c *checker) label(s *asl.State, ptr string, v *asl.Node) {
	rule := tableRules().label
	switch n := utf8.RuneCountInString(v.Str); {
	case n < rule.Min:
		c.errorAt(ptr, v, CodeSchema, "Map state %q: Label is empty. Remove it or give it a name.", s.Name)
		return
	case n > rule.Max:
		c.errorAt(ptr, v, CodeSchema, "Map state %q: Label is %d characters long; the limit is %d.", s.Name, n, rule.Max)
		return
	}
	for _, r := range v.Str {
		if unicode.IsControl(r) || rule.NoSpace && (unicode.IsSpace(r) || r >= 0x7f && r <= 0x9f || r == utf8.RuneError) || strings.ContainsRune(rule.Forbidden, r) {
			c.errorAt(ptr, v, CodeSchema,
				"Map state %q: Label contains the character %U, which is not allowed. Use letters, digits, '-', '_' and '.'.", s.Name, r)
			return
		}
	}
}
