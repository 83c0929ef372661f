package iac

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// normalize is what a region keeps of a text: no CR, no trailing newlines
// (embedded), white-space-only lines empty (re-indenting drops them).
func normalize(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r", ""), "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			lines[i] = ""
		}
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

// FuzzLinesSplice: saving any text into an indented region reads back as
// that text, and the bytes around the region never change.
func FuzzLinesSplice(f *testing.F) {
	f.Add("{\n  \"StartAt\": \"A\"\n}", "{\n  \"StartAt\": \"B\",\n  \"Comment\": \"x\"\n}", uint8(4))
	f.Add("StartAt: A\nStates:\n  A:\n    Type: Pass", "StartAt: A", uint8(8))
	f.Add("a\n\nb", "\n\nz\n", uint8(0))
	f.Add("one", "zero\none", uint8(2))
	f.Fuzz(func(t *testing.T, old, text string, n uint8) {
		if strings.ContainsAny(old+text, "\r") || !utf8.ValidString(old+text) || strings.TrimSpace(text) == "" || strings.TrimSpace(old) == "" {
			return
		}
		old = normalize(old)
		indent := strings.Repeat(" ", int(n%12))
		prefix, suffix := "key:\n"+indent, "\nnext: 1\n"
		var body strings.Builder
		for i, l := range strings.Split(old, "\n") {
			if i > 0 {
				body.WriteString("\n")
				if l != "" {
					body.WriteString(indent)
				}
			}
			body.WriteString(l)
		}
		src := []byte(prefix + body.String() + suffix)
		r := region{Start: len(prefix), End: len(prefix) + body.Len(), Codec: codecLines, Indent: indent, Embedded: true}
		got, err := r.decode(src)
		if err != nil || normalize(got) != old {
			t.Fatalf("decode: %q, want %q (%v)", got, old, err)
		}
		out, end, err := r.splice(src, got, text)
		if err != nil {
			t.Fatal(err)
		}
		if string(out[:r.Start]) != prefix || string(out[end:]) != suffix {
			t.Fatalf("bytes around the region changed:\n%q", out)
		}
		r.End = end
		back, _ := r.decode(out)
		if normalize(back) != normalize(text) {
			t.Fatalf("read back %q, want %q", back, text)
		}
	})
}

// FuzzJSONStringSplice: any text saved into a JSON string reads back as
// that text, and the string stays a valid literal.
func FuzzJSONStringSplice(f *testing.F) {
	f.Add(`{\"StartAt\":\"A\"}`, "{\"StartAt\":\"B\"}\n\t\\ é 😀")
	f.Add(`caf\u00e9 \ud83d\ude00`, "café 😀!")
	f.Fuzz(func(t *testing.T, raw, text string) {
		old, _, err := decodeJSONString(raw)
		if err != nil || !utf8.ValidString(text) || !utf8.ValidString(old) || strings.TrimSpace(text) == "" {
			return
		}
		src := []byte(`{"DefinitionString": "` + raw + `"}`)
		start := len(`{"DefinitionString": "`)
		r := region{Start: start, End: start + len(raw), Codec: codecJSONString}
		out, end, err := r.splice(src, old, text)
		if err != nil {
			t.Fatal(err)
		}
		if string(out[:start]) != string(src[:start]) || string(out[end:]) != `"}` {
			t.Fatalf("bytes around the string changed: %q", out)
		}
		back, _, err := decodeJSONString(string(out[start:end]))
		if err != nil || back != text {
			t.Fatalf("read back %q (%v), want %q", back, err, text)
		}
	})
}
