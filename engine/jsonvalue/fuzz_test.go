package jsonvalue_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// FuzzUnmarshal checks the decoder against encoding/json: both accept the
// same documents and read the same values, and what Marshal writes reads
// back equal.
func FuzzUnmarshal(f *testing.F) {
	for _, s := range []string{`{"b":1,"a":[true,null,1.5,-2e3]}`, `"\ud83c\udd97\u00e9\/\n"`, `[]`, `{}`, `0`, `-0.0`, `"\xff"`, `[1,2,{"x":{"y":[]}}]`, `12345678901234567890`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := jsonvalue.Unmarshal(data)
		// json.Unmarshal judges validity (it refuses trailing data); the
		// decoder with UseNumber gives exact numbers.
		stdErr := json.Unmarshal(data, new(any))
		var std any
		if stdErr == nil {
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.UseNumber()
			stdErr = dec.Decode(&std)
		}
		var want any
		if stdErr == nil {
			want, stdErr = jsonvalue.Normalize(std)
		}
		if (err == nil) != (stdErr == nil) {
			t.Fatalf("%q: ours err=%v, encoding/json err=%v", data, err, stdErr)
		}
		if err != nil {
			return
		}
		if !jsonvalue.Equal(got, want) {
			t.Fatalf("%q: ours %s, encoding/json %s", data, jsonvalue.String(got), jsonvalue.String(want))
		}
		out, err := jsonvalue.Marshal(got)
		if err != nil {
			t.Fatalf("%q: Marshal: %v", data, err)
		}
		back, err := jsonvalue.Unmarshal(out)
		if err != nil || !jsonvalue.Equal(back, got) {
			t.Fatalf("%q: round trip through %s gave %v, %v", data, out, back, err)
		}
	})
}
