package intrinsic

import (
	"strconv"
	"strings"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// format is States.Format: each unescaped {} takes the next argument,
// printed as Java's toString prints it (strings bare, objects {k=v}).
func format(in *invocation) (any, error) {
	tmpl, err := in.str(0)
	if err != nil {
		return nil, err
	}
	// A literal template keeps its escapes, so \{ is a brace, not a
	// placeholder; a template read from a path has no escapes.
	escaped := false
	if len(in.call.args) > 0 {
		if l, ok := in.call.args[0].(*literal); ok && l.isString {
			tmpl, escaped = l.raw, true
		}
	}
	var b strings.Builder
	b.Grow(len(tmpl) + 8*(len(in.args)-1))
	next := 1
	for i := 0; i < len(tmpl); i++ {
		c := tmpl[i]
		switch {
		case escaped && c == '\\' && i+1 < len(tmpl):
			i++
			b.WriteByte(tmpl[i])
		case c == '{' && i+1 < len(tmpl) && tmpl[i+1] == '}':
			if next >= len(in.args) {
				return nil, errFormatArgs
			}
			writeJava(&b, in.args[next])
			next++
			i++
		default:
			b.WriteByte(c)
		}
	}
	if next != len(in.args) {
		return nil, errFormatArgs
	}
	return b.String(), nil
}

// errFormatArgs is the text other emulators agree AWS gives.
var errFormatArgs = fault.New(fault.IntrinsicFailure, "Invalid arguments in States.Format: number of arguments do not match the occurrences of {}.")

// writeJava prints v as Java's String.valueOf prints the Jackson-converted
// value: "null", 1, 1.1, true, bare strings, [a, b], {k=v, k2=v2}.
func writeJava(b *strings.Builder, v any) {
	switch v := v.(type) {
	case string:
		b.WriteString(v)
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case int64:
		var buf [20]byte
		b.Write(strconv.AppendInt(buf[:0], v, 10))
	case []any:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			writeJava(b, e)
		}
		b.WriteByte(']')
	case map[string]any:
		b.WriteByte('{')
		for i, k := range jsonvalue.Keys(v) {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(k)
			b.WriteByte('=')
			writeJava(b, v[k])
		}
		b.WriteByte('}')
	default:
		b.WriteString(jsonvalue.String(v))
	}
}
