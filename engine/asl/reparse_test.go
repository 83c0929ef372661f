package asl

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
)

// reparseBases are the texts the random edits start from: a machine with
// Parallel and Map states (nested machines), the same on one line (an
// edit moves the columns of everything after it), and one with
// multi-byte text and CRLF line ends.
func reparseBases(t *testing.T) map[string][]byte {
	t.Helper()
	example, err := os.ReadFile("../../app/examples/order-process.asl.json")
	if err != nil {
		t.Fatal(err)
	}
	var line bytes.Buffer
	if err := json.Compact(&line, example); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("{\r\n \"Comment\": \"état\",\r\n \"StartAt\": \"S0\",\r\n \"States\": {\r\n")
	for i := range 12 {
		fmt.Fprintf(&b, "  \"S%d\": {\"Type\": \"Pass\", \"Comment\": \"ça · %d\", \"Result\": {\"k\": [%d, \"é\"]}, \"Next\": \"S%d\"},\r\n", i, i, i, i+1)
	}
	b.WriteString("  \"S12\": {\"Type\": \"Succeed\"}\r\n }\r\n}\r\n")
	return map[string][]byte{"example": example, "one line": line.Bytes(), "crlf": []byte(b.String())}
}

// TestReparseAgreesWithParse makes random edits (inserting, deleting and
// replacing a few bytes anywhere) and checks that whenever Reparse updates
// a document in place, the result is exactly what Parse gives for the
// edited text, positions and decoded model included; and that when it
// declines, the document is left as it was.
func TestReparseAgreesWithParse(t *testing.T) {
	snippets := []string{`"x"`, `1`, `, "Extra": 1`, "\n", "é", " ", `}`, `{`, `"`, `"Seconds": 5, `, `ab`, `$.a`, `[1]`}
	for name, base := range reparseBases(t) {
		t.Run(name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, uint64(len(base))))
			reparsed := 0
			const edits = 600
			for k := range edits {
				at := r.IntN(len(base))
				cut := min(len(base)-at, r.IntN(4))
				if r.IntN(3) == 0 {
					cut = 0
				}
				ins := ""
				if r.IntN(4) != 0 {
					ins = snippets[r.IntN(len(snippets))]
				}
				src := append(append(append([]byte{}, base[:at]...), ins...), base[at+cut:]...)
				doc, err := Parse("t.asl.json", base)
				if err != nil {
					t.Fatal(err)
				}
				if !Reparse(doc, base, src) {
					again, _ := Parse("t.asl.json", base)
					if !reflect.DeepEqual(doc, again) {
						t.Fatalf("edit %d: declined but changed the document", k)
					}
					continue
				}
				reparsed++
				want, err := Parse("t.asl.json", src)
				if err != nil {
					t.Fatalf("edit %d (at %d, cut %d, insert %q): reparsed a text Parse refuses: %v", k, at, cut, ins, err)
				}
				if !reflect.DeepEqual(doc, want) {
					t.Fatalf("edit %d (at %d, cut %d, insert %q): the reparsed document differs from Parse's\n%s", k, at, cut, ins, firstDifference(doc.Root, want.Root, ""))
				}
			}
			// Most edits land inside some state's braces; far fewer
			// would mean Reparse declines what it could do.
			if reparsed < edits/4 {
				t.Errorf("only %d of %d edits reparsed", reparsed, edits)
			}
			t.Logf("%d of %d edits reparsed in place", reparsed, edits)
		})
	}
}

// firstDifference names the first node whose range or value differs.
func firstDifference(a, b *Node, path string) string {
	if a == nil || b == nil {
		return fmt.Sprintf("%s: %v vs %v", path, a, b)
	}
	if a.Range != b.Range || a.Kind != b.Kind || a.Str != b.Str || a.Num != b.Num || len(a.Fields) != len(b.Fields) || len(a.Items) != len(b.Items) {
		return fmt.Sprintf("%s: %+v vs %+v", path, a.Range, b.Range)
	}
	for i := range a.Fields {
		if a.Fields[i].Key != b.Fields[i].Key || a.Fields[i].KeyRange != b.Fields[i].KeyRange {
			return fmt.Sprintf("%s/%s key: %+v vs %+v", path, a.Fields[i].Key, a.Fields[i].KeyRange, b.Fields[i].KeyRange)
		}
		if d := firstDifference(a.Fields[i].Value, b.Fields[i].Value, path+"/"+a.Fields[i].Key); d != "" {
			return d
		}
	}
	for i := range a.Items {
		if d := firstDifference(a.Items[i], b.Items[i], fmt.Sprintf("%s/%d", path, i)); d != "" {
			return d
		}
	}
	return ""
}

// A second edit of the same document goes on from the first's result.
func TestReparseTwice(t *testing.T) {
	base := reparseBases(t)["example"]
	doc, err := Parse("t.asl.json", base)
	if err != nil {
		t.Fatal(err)
	}
	first := bytes.Replace(base, []byte(`"Payload.$": "$"`), []byte(`"Payload.$": "$.order"`), 1)
	second := bytes.Replace(first, []byte(`"Type": "Pass"`), []byte("\"Type\":\n  \"Pass\""), 1)
	if bytes.Equal(first, base) || bytes.Equal(second, first) {
		t.Fatal("the example changed: fix the test's edits")
	}
	if !Reparse(doc, base, first) || !Reparse(doc, first, second) {
		t.Fatal("an edit inside one state was not reparsed")
	}
	want, err := Parse("t.asl.json", second)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(doc, want) {
		t.Fatalf("after two edits: %s", firstDifference(doc.Root, want.Root, ""))
	}
}
