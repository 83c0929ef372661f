package suite

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// project copies the test workflow and its mocks into a fresh folder and
// writes the test file there; it returns the test file's path.
func project(t *testing.T, name, text string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"flow.asl.json", "flow.mocks.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// runText loads a YAML test file for the test workflow and runs it.
func runText(t *testing.T, text string) []*Result {
	t.Helper()
	s, err := Load(project(t, "flow.tests.yaml", text))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return Run(context.Background(), []*Suite{s}, Options{})
}
