package endpoint

import (
	"fmt"
	"strings"
	"unicode"
)

// jacksonDiagnostic is ValidateStateMachineDefinition's answer to a
// definition that is not JSON, for the bare word Jackson reports with its
// place: the message ends "\n at [Source: ...]" and the location is that
// [Source: ...] text. Other syntax errors keep the studio's message.
func jacksonDiagnostic(def, fallback string) (string, string) {
	t := strings.TrimLeft(def, " \t\r\n")
	msg := jacksonMessage(def, "")
	if msg == "" || !strings.HasPrefix(msg, "Unrecognized token '") {
		return fallback, ""
	}
	word := strings.TrimSuffix(strings.TrimPrefix(msg, "Unrecognized token '"), "': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')")
	lead := def[:len(def)-len(t)]
	line := 1 + strings.Count(lead, "\n")
	col := len(lead) - strings.LastIndex(lead, "\n") + len(word)
	src := fmt.Sprintf("[Source: (String)\"%s\"; line: %d, column: %d]", def, line, col) // Jackson shows the text as it is
	return msg + "\n at " + src, src
}

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
