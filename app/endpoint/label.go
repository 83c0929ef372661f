package endpoint

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/schema"
)

// labelRefusal is AWS's refusal of a Distributed Map Label, which comes
// from its Python layer rather than the schema check:
// Error=ValueError Args=["Label contains invalid character: ' '"] in definition '...'.
// It returns "" when no error diagnostic is about a Label.
func labelRefusal(def string, res schema.Result) string {
	for _, d := range res.Diagnostics {
		if d.Severity != schema.Error || !strings.HasSuffix(d.Location, "/Label") {
			continue
		}
		label, ok := stringAt(def, d.Location)
		if !ok {
			return ""
		}
		var why string
		switch n := utf8.RuneCountInString(label); {
		case n == 0:
			why = "Label cannot be empty"
		case n > 40:
			why = "Label cannot exceed 40 characters"
		default:
			for _, r := range label {
				if unicode.IsSpace(r) || unicode.IsControl(r) || r >= 0x7f && r <= 0x9f || strings.ContainsRune("<>{}[]?*\"#%\\^|~`$&,;:/", r) {
					why = "Label contains invalid character: " + pyRepr(string(r))
					break
				}
			}
		}
		if why == "" {
			return ""
		}
		return fmt.Sprintf("Error=ValueError Args=[%s] in definition '%s'.", pyRepr(why), def)
	}
	return ""
}

// stringAt is the string at JSON pointer ptr in the JSON text doc.
func stringAt(doc, ptr string) (string, bool) {
	var v any
	if json.Unmarshal([]byte(doc), &v) != nil {
		return "", false
	}
	for _, seg := range asl.SplitPointer(ptr) {
		switch x := v.(type) {
		case map[string]any:
			v = x[seg]
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(x) {
				return "", false
			}
			v = x[i]
		default:
			return "", false
		}
	}
	s, ok := v.(string)
	return s, ok
}

// pyRepr is Python's repr() of a str: single quotes unless the text has
// a single quote and no double quote, backslash escapes for quotes,
// backslashes and characters Python does not print.
func pyRepr(s string) string {
	q := byte('\'')
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r >= 0x7f && r <= 0xa0:
			fmt.Fprintf(&b, `\x%02x`, r)
		case !unicode.IsPrint(r) && r > 0xff:
			if r > 0xffff {
				fmt.Fprintf(&b, `\U%08x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}
