package endpoint

import (
	"fmt"
	"strings"
	"unicode"
)

// jacksonMessage words a JSON syntax error in an execution input as AWS
// does (its parser is Java's Jackson), for the mistakes people make most:
// a bare word, and single quotes or no quotes around a field name. Other
// mistakes keep the engine's own message.
func jacksonMessage(text string, fallback string) string {
	t := strings.TrimSpace(text)
	if t == "" {
		return "Invalid execution input."
	}
	r := rune(t[0])
	if unicode.IsLetter(r) || r == '\'' {
		word := t
		if i := strings.IndexFunc(t, func(r rune) bool { return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') }); i > 0 {
			word = t[:i]
		} else if i == 0 {
			return fmt.Sprintf("Unexpected character ('%c' (code %d)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", r, r)
		}
		switch word {
		case "true", "false", "null":
		default:
			return fmt.Sprintf("Unrecognized token '%s': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", word)
		}
	}
	if r == '{' {
		rest := strings.TrimSpace(t[1:])
		if rest != "" && rest[0] != '"' && rest[0] != '}' {
			c := rune(rest[0])
			return fmt.Sprintf("Unexpected character ('%c' (code %d)): was expecting double-quote to start field name", c, c)
		}
	}
	return fallback
}
