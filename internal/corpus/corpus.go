// Package corpus locates the external yardstick corpus (../shared/corpus
// beside the checkout) for tests. Nobody here wrote it and it is never
// copied into the repository, so tests skip with a clear message where it
// is absent. STEPSTUDIO_CORPUS overrides the location.
package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the corpus sub-folder (e.g. "conformance"), or skips t with a
// message that says where the corpus was looked for.
func Dir(t testing.TB, sub ...string) string {
	t.Helper()
	root, err := Root()
	if err != nil {
		t.Skipf("external corpus not found (%v); clone shared/ beside the checkout or set STEPSTUDIO_CORPUS", err)
	}
	dir := filepath.Join(append([]string{root}, sub...)...)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("external corpus folder %s is absent: %v", dir, err)
	}
	return dir
}

// Root finds the corpus: $STEPSTUDIO_CORPUS, else ../shared/corpus beside
// the module root (the folder holding go.mod).
func Root() (string, error) {
	if env := os.Getenv("STEPSTUDIO_CORPUS"); env != "" {
		return env, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			root := filepath.Join(dir, "..", "shared", "corpus")
			if _, err := os.Stat(root); err != nil {
				return "", err
			}
			return root, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
