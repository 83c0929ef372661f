package sidecar

import (
	"bytes"
	"testing"
	"time"
)

// FuzzParse: any bytes either parse or are refused with an error, never a
// panic; what parses writes back (unless newer) and reads the same again.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"version":1,"workflow":{},"states":{"A":{"description":"d","position":{"x":1,"y":2},"threads":[{"id":"t","comments":[{"id":"c","author":"a","time":"2026-01-01T00:00:00Z","text":"x"}]}]}},"extra":[1]}`))
	f.Add([]byte(`{"version":2}`))
	f.Add([]byte(`{"version":1,"states":{"A":null}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse(data)
		if err != nil {
			return
		}
		_ = file.Apply(Op{Kind: OpRename, State: "A", To: "B"}, time.Unix(0, 0), func() string { return "id" })
		out, err := file.Marshal()
		if err != nil {
			return // a newer version is read, never written
		}
		again, err := Parse(out)
		if err != nil {
			t.Fatalf("what was written does not parse: %v\n%s", err, out)
		}
		out2, err := again.Marshal()
		if err != nil || !bytes.Equal(out, out2) {
			t.Fatalf("a second write differs (%v):\n%s\n%s", err, out, out2)
		}
	})
}
