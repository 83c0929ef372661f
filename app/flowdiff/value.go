package flowdiff

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// Caps on a shown value: enough for a reviewer to see what changed in a
// PR comment, short enough that one big payload does not drown the list.
const (
	maxValue   = 300
	maxJSONata = 1000
)

// isJSONata reports whether n is a "{% … %}" expression.
func isJSONata(n *asl.Node) bool {
	if !n.Is(asl.KindString) {
		return false
	}
	s := strings.TrimSpace(n.Str)
	return strings.HasPrefix(s, "{%") && strings.HasSuffix(s, "%}")
}

// show renders n for a reader: JSONata expressions as their text, every
// other value as compact JSON, objects in source order; the States of a
// nested machine are elided to a count (its states are listed on their own).
func show(n *asl.Node) string {
	if n == nil {
		return ""
	}
	if isJSONata(n) {
		return clip(n.Str, maxJSONata)
	}
	var b strings.Builder
	write(&b, n, maxValue+1)
	return clip(b.String(), maxValue)
}

// write appends compact JSON of n to b, stopping once b holds limit bytes.
func write(b *strings.Builder, n *asl.Node, limit int) {
	if b.Len() >= limit {
		return
	}
	switch n.Kind {
	case asl.KindNull:
		b.WriteString("null")
	case asl.KindBool:
		b.WriteString(strconv.FormatBool(n.Bool))
	case asl.KindNumber:
		b.WriteString(n.Num)
	case asl.KindString:
		q, _ := json.Marshal(n.Str)
		b.Write(q)
	case asl.KindArray:
		b.WriteByte('[')
		for i, it := range n.Items {
			if i > 0 {
				b.WriteByte(',')
			}
			write(b, it, limit)
		}
		b.WriteByte(']')
	case asl.KindObject:
		b.WriteByte('{')
		machine := n.Has("StartAt") && n.Get("States").Is(asl.KindObject)
		for i, f := range n.Fields {
			if i > 0 {
				b.WriteByte(',')
			}
			k, _ := json.Marshal(f.Key)
			b.Write(k)
			b.WriteByte(':')
			if machine && f.Key == "States" {
				b.WriteString(`"… ` + plural(len(f.Value.Fields), "state") + `"`)
				continue
			}
			write(b, f.Value, limit)
		}
		b.WriteByte('}')
	}
}

// clip shortens s to at most max runes, ending it with "…".
func clip(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
