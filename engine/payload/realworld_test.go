package payload_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine/jsonata"
	"github.com/stepstudio/stepstudio/engine/jsonpath"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
	"github.com/stepstudio/stepstudio/engine/payload"
	"github.com/stepstudio/stepstudio/internal/corpus"
	"gopkg.in/yaml.v3"
)

// TestRealworldExpressionsCompile compiles every path, intrinsic call and
// JSONata expression in the real definitions of the corpus, which AWS
// accepts: each must compile here too. Values with IaC placeholders
// (${Name}) are skipped, since they only become valid once substituted.
func TestRealworldExpressionsCompile(t *testing.T) {
	dir := corpus.Dir(t, "realworld")
	files, exprs := 0, 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.Contains(filepath.Base(path), ".asl") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		def, err := decode(data)
		if err != nil {
			return nil // the corpus keeps one invalid JSON file on purpose
		}
		files++
		rel, _ := filepath.Rel(dir, path)
		walkFields(def, "", func(ptr, key string, v any) {
			s, ok := v.(string)
			if !ok || strings.Contains(s, "${") {
				return
			}
			var err error
			switch {
			case strings.HasSuffix(key, ".$"):
				_, err = payload.Compile(map[string]any{key: s})
			case jsonata.IsExpr(s):
				_, err = jsonata.Compile(s)
			case isPathField(key) && strings.HasPrefix(s, "$"):
				_, err = jsonpath.Compile(s)
			default:
				return
			}
			exprs++
			if err != nil {
				t.Errorf("%s %s: %q: %v", rel, ptr, s, err)
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d expressions in %d real definitions compile", exprs, files)
}

// decode reads a definition written in JSON or YAML.
func decode(data []byte) (any, error) {
	if v, err := jsonvalue.Unmarshal(data); err == nil {
		return v, nil
	}
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	return jsonvalue.Normalize(v)
}

// isPathField reports fields whose value is a path: InputPath, ItemsPath,
// ResultPath, SecondsPath, ... and a Choice rule's Variable.
func isPathField(key string) bool {
	return strings.HasSuffix(key, "Path") || key == "Variable"
}

func walkFields(v any, ptr string, fn func(ptr, key string, v any)) {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			p := ptr + "/" + k
			fn(p, k, e)
			walkFields(e, p, fn)
		}
	case []any:
		for i, e := range v {
			walkFields(e, ptr+"/"+strconv.Itoa(i), fn)
		}
	}
}
