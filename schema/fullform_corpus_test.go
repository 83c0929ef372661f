package schema_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xeipuuv/gojsonschema"

	"github.com/stepstudio/stepstudio/schema"
)

// TestFullFormRealworld validates every real-world JSON definition from
// the root of asl.schema.json with plain gojsonschema, as an editor
// outside the studio would: it must accept every file the studio accepts
// (a generic validator never rejects a good workflow). The studio may
// reject more, since it also checks what a schema cannot (transitions,
// paths, JSONata).
func TestFullFormRealworld(t *testing.T) {
	doc, err := os.ReadFile("asl.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	root, err := gojsonschema.NewSchema(gojsonschema.NewBytesLoader(doc))
	if err != nil {
		t.Fatal(err)
	}
	var files, accepted, bothReject, studioOnly int
	for _, f := range realworldFiles(t) {
		if !strings.HasSuffix(f, ".json") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := root.Validate(gojsonschema.NewBytesLoader(src))
		if err != nil {
			continue // not JSON: the studio reports it as a syntax error
		}
		files++
		studio := schema.Validate(f, src, schema.Options{}).Valid()
		switch {
		case studio && res.Valid():
			accepted++
		case studio:
			t.Errorf("%s: the studio accepts it, the schema's root rejects it: %v", filepath.Base(f), res.Errors())
		case res.Valid():
			studioOnly++
		default:
			bothReject++
		}
	}
	t.Logf("full form on realworld: %d files; both accept %d, both reject %d, only the studio rejects %d", files, accepted, bothReject, studioOnly)
}
