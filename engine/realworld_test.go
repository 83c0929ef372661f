package engine_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/internal/corpus"
	"github.com/stepstudio/stepstudio/schema"
)

// TestRealWorldDefinitionsRun runs every real-world definition of the
// corpus that validates (placeholders allowed), with every task answered
// by an echo of its input, and checks that each run ends by itself, with
// no engine crash: the definitions people ship must not hang or break the
// engine, whatever their data does.
func TestRealWorldDefinitionsRun(t *testing.T) {
	root := corpus.Dir(t, "realworld")
	var files []string
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".manifest.json") {
			files = append(files, p)
		}
		return nil
	})
	echo := engine.InvokerFunc(func(ctx context.Context, req engine.TaskRequest) (any, error) {
		return req.Input, nil
	})
	ran, statuses := 0, map[string]int{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res := schema.Validate(f, src, schema.Options{Placeholders: true})
		if !res.Valid() || res.Document == nil {
			continue
		}
		m, err := engine.Compile(res.Document)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		r, err := m.Run(ctx, map[string]any{}, engine.WithInvoker(echo), engine.WithMaxTransitions(2000), engine.WithoutHistory())
		cancel()
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		ran++
		statuses[r.Status]++
		if r.Cause != nil && strings.Contains(*r.Cause, "internal error in the engine") {
			t.Errorf("%s: engine crash: %s", filepath.Base(f), *r.Cause)
		}
		if r.Status == engine.StatusAborted {
			t.Errorf("%s: did not end within 10 s", filepath.Base(f))
		}
	}
	t.Logf("ran %d real-world definitions: %v", ran, statuses)
	if ran == 0 {
		t.Fatal("no real-world definition validated")
	}
}
