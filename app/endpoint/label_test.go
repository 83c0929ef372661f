package endpoint

import (
	"strings"
	"testing"
)

// The texts AWS recorded for refused Map Labels (test_sfn_api_map_run).
func TestLabelRefusal(t *testing.T) {
	cases := []struct{ label, args string }{
		{"label_ ", `["Label contains invalid character: ' '"]`},
		{`label_\`, `["Label contains invalid character: '\\\\'"]`},
		{`label_"`, `['Label contains invalid character: \'"\'']`},
		{"label_\x00", `["Label contains invalid character: '\\x00'"]`},
		{"label_\t", `["Label contains invalid character: '\\t'"]`},
		{"label_\u0080", `["Label contains invalid character: '\\x80'"]`},
		{"", `['Label cannot be empty']`},
		{"12345678901234567890123456789012345678901", `['Label cannot exceed 40 characters']`},
	}
	s := newTestServer(t, Options{})
	for _, c := range cases {
		def := `{"StartAt":"MapState","States":{"MapState":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"Label":` + jsonString(c.label) + `,"End":true}}}`
		a := call(t, s, "CreateStateMachine", map[string]any{"name": "m", "definition": def, "roleArn": role})
		want := "Error=ValueError Args=" + c.args + " in definition '" + def + "'."
		if a.errType() != errInvalidDefinition || a.str("message") != want {
			t.Errorf("%q:\n got %s %s\nwant %s", c.label, a.errType(), a.str("message"), want)
		}
	}
	if !strings.Contains(pyRepr("it's"), `"it's"`) {
		t.Error(pyRepr("it's"))
	}
}

func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r >= 0x7f && r <= 0x9f:
			b.WriteString(`\u00`)
			b.WriteString(strings.ToLower(string("0123456789ABCDEF"[r>>4]) + string("0123456789ABCDEF"[r&15])))
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
