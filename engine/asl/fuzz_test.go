package asl_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// FuzzParseJSON checks the position-tracking JSON parser against
// encoding/json: both accept or both reject (except text that is not
// UTF-8, which only the parser rejects, at a byte that is not), accepted
// text gives the same values, and every range lies inside the text in
// order.
func FuzzParseJSON(f *testing.F) {
	for _, p := range []string{"testdata/machine.asl.json"} {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	for _, s := range []string{`{}`, `[1, -0.5e+3, "a\u00e9\ud83d\ude00", true, null]`, `{"a": {"a": 1}, "a": 2}`, `"\ud800x"`, "\"\xff\"", `01`, `1.`, `{"a" 1}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := asl.ParseFormat("f.json", src, asl.JSON)
		var want any
		stdErr := json.Unmarshal(src, &want)
		if err != nil {
			var se *asl.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %T is not a *SyntaxError: %v", err, err)
			}
			if se.Pos.Offset < 0 || se.Pos.Offset > len(src) || se.Pos.Line < 1 || se.Pos.Column < 1 {
				t.Fatalf("error position %+v outside the %d-byte input", se.Pos, len(src))
			}
			if !utf8.Valid(src) {
				if src[se.Pos.Offset] < utf8.RuneSelf && !bytes.HasPrefix(src, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
					t.Fatalf("text that is not UTF-8 rejected at %+v, not at a byte that is not", se.Pos)
				}
				return // encoding/json replaces such bytes; a definition must be UTF-8
			}
			if stdErr == nil && !strings.Contains(se.Msg, "nesting") && !bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
				t.Fatalf("rejected text encoding/json accepts: %v", err)
			}
			return
		}
		if stdErr != nil {
			if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
				return // a byte order mark, which we tolerate
			}
			t.Fatalf("accepted text encoding/json rejects (%v)", stdErr)
		}
		if got := normalise(doc.Root.Value()); !reflect.DeepEqual(got, want) {
			t.Fatalf("values differ:\n got %#v\nwant %#v", got, want)
		}
		checkRanges(t, doc.Root, len(src))
	})
}

func checkRanges(t *testing.T, n *asl.Node, size int) {
	t.Helper()
	r := n.Range
	if r.Start.Offset < 0 || r.End.Offset > size || r.Start.Offset > r.End.Offset || r.Start.Line < 1 || r.End.Line < r.Start.Line {
		t.Fatalf("bad range %+v in a %d-byte input", r, size)
	}
	for _, it := range n.Items {
		checkRanges(t, it, size)
	}
	for _, f := range n.Fields {
		if f.KeyRange.End.Offset > f.Value.Range.Start.Offset {
			t.Fatalf("key %q ends after its value starts", f.Key)
		}
		checkRanges(t, f.Value, size)
	}
}
