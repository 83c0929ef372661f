package teststate

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden responses in testdata/golden")

// TestGolden answers each testdata/golden/NAME.request.json and compares
// the answer (a response, or the error AWS would give) with
// NAME.response.json (as JSON). go test ./app/teststate -run TestGolden -update
// rewrites them; read the diff before committing.
func TestGolden(t *testing.T) {
	reqs, err := filepath.Glob("testdata/golden/*.request.json")
	if err != nil || len(reqs) == 0 {
		t.Fatalf("no golden requests: %v", err)
	}
	for _, path := range reqs {
		name := strings.TrimSuffix(filepath.Base(path), ".request.json")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var req Request
			if err := json.Unmarshal(b, &req); err != nil {
				t.Fatal(err)
			}
			resp, err := Run(context.Background(), req)
			var got any = resp
			if err != nil {
				got = map[string]any{"Error": err}
			}
			var buf bytes.Buffer
			e := json.NewEncoder(&buf)
			e.SetEscapeHTML(false)
			e.SetIndent("", "  ")
			if err := e.Encode(got); err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(path, ".request.json") + ".response.json"
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			// Compared as JSON, documents inside strings too: the key order
			// of objects the engine builds from JSONata templates depends on
			// what ran before in the process (its shape registry), so a
			// byte comparison would pass or fail with the test order.
			var w, g any
			if err := json.Unmarshal(want, &w); err != nil {
				t.Fatal(err)
			}
			_ = json.Unmarshal(buf.Bytes(), &g)
			if !reflect.DeepEqual(normalize(w), normalize(g)) {
				t.Errorf("response differs from %s\ngot:\n%s", golden, buf.String())
			}
		})
	}
}
