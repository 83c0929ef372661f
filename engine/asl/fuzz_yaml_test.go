package asl_test

import (
	"os"
	"testing"
	"unicode/utf8"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// FuzzParseYAML checks that every position the YAML reader reports is
// consistent: the line and column it gives are those of its byte offset,
// and every range lies inside the text, start before end.
func FuzzParseYAML(f *testing.F) {
	if src, err := os.ReadFile("testdata/machine.asl.yaml"); err == nil {
		f.Add(src)
	}
	for _, s := range []string{"a: 1\nb: [x, {y: z}]\n", `{"é": "ü", "k": ['a', "b"]}`, "a: &x {b: 1}\nc: *x\n", "- |\n  text\n- 'q''s'\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := asl.ParseFormat("f.yaml", src, asl.YAML)
		if err != nil {
			return
		}
		var walk func(n *asl.Node)
		check := func(p asl.Pos, what string) {
			if p.Offset < 0 || p.Offset > len(src) {
				t.Fatalf("%s offset %d outside %d bytes", what, p.Offset, len(src))
			}
			if want := slowPos(src, p.Offset); want.Line != p.Line || want.Column != p.Column {
				t.Fatalf("%s at offset %d says %d:%d, the text says %d:%d", what, p.Offset, p.Line, p.Column, want.Line, want.Column)
			}
		}
		walk = func(n *asl.Node) {
			check(n.Range.Start, "start")
			check(n.Range.End, "end")
			if n.Range.End.Offset < n.Range.Start.Offset {
				t.Fatalf("range %v-%v ends before it starts", n.Range.Start, n.Range.End)
			}
			for _, it := range n.Items {
				walk(it)
			}
			for _, fl := range n.Fields {
				check(fl.KeyRange.Start, "key start")
				walk(fl.Value)
			}
		}
		walk(doc.Root)
	})
}

// slowPos computes line and column of an offset the obvious way.
func slowPos(src []byte, off int) asl.Pos {
	p := asl.Pos{Line: 1, Column: 1}
	for i := 0; i < off; {
		if src[i] == '\n' {
			p.Line++
			p.Column = 1
			i++
			continue
		}
		_, n := utf8.DecodeRune(src[i:])
		p.Column++
		i += n
	}
	p.Offset = off
	return p
}
