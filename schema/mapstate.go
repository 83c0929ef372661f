package schema

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// maxLabel is AWS's limit on a Distributed Map Label, in characters.
const maxLabel = 40

// distributedOnly are Map fields that need ProcessorConfig Mode
// DISTRIBUTED: an inline Map cannot read, batch or write items elsewhere.
var distributedOnly = []string{"ItemReader", "ItemBatcher", "ResultWriter"}

// distributedIgnored are Distributed Map settings an inline Map accepts
// and ignores.
var distributedIgnored = []string{"ToleratedFailurePercentage", "ToleratedFailurePercentagePath",
	"ToleratedFailureCount", "ToleratedFailureCountPath", "Label"}

func (c *checker) mapState(s *asl.State, ptr string) {
	if !s.Node.Has("ItemProcessor") && !s.Node.Has("Iterator") {
		c.errorKey(ptr, CodeSchema, "Map state %q needs an ItemProcessor (StartAt and States) to run for each item. Add one.", s.Name)
	}
	if s.ItemProcessor != nil && !s.Distributed() {
		for _, f := range distributedOnly {
			if fld := s.Node.Field(f); fld != nil {
				c.report(Error, asl.Append(ptr, f), fld.KeyRange, CodeSchema,
					"Map state %q uses %q, which only a Distributed Map has. Set \"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\"} in the ItemProcessor, or remove the field.", s.Name, f)
			}
		}
		for _, f := range distributedIgnored {
			if fld := s.Node.Field(f); fld != nil {
				c.report(Warning, asl.Append(ptr, f), fld.KeyRange, CodeIgnoredField,
					"Map state %q sets %q, which only a Distributed Map uses; this inline Map ignores it. Set \"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\"} or remove the field.", s.Name, f)
			}
		}
	}
	if v := s.Field("Label"); v.Is(asl.KindString) {
		c.label(s, asl.Append(ptr, "Label"), v)
	}
}

// labelForbidden are the characters AWS refuses in a Map Label, besides
// whitespace and control characters.
const labelForbidden = "<>{}[]?*\"#%\\^|~`$&,;:/"

func (c *checker) label(s *asl.State, ptr string, v *asl.Node) {
	switch n := utf8.RuneCountInString(v.Str); {
	case n == 0:
		c.errorAt(ptr, v, CodeSchema, "Map state %q: Label is empty. Remove it or give it a name.", s.Name)
		return
	case n > maxLabel:
		c.errorAt(ptr, v, CodeSchema, "Map state %q: Label is %d characters long; the limit is %d.", s.Name, n, maxLabel)
		return
	}
	for _, r := range v.Str {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r >= 0x7f && r <= 0x9f || r == utf8.RuneError || strings.ContainsRune(labelForbidden, r) {
			c.errorAt(ptr, v, CodeSchema,
				"Map state %q: Label contains the character %U, which is not allowed. Use letters, digits, '-', '_' and '.'.", s.Name, r)
			return
		}
	}
}
