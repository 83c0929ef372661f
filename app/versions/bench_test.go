package versions_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/versions"
	"github.com/stepstudio/stepstudio/internal/gittest"
)

// BenchmarkListRevisions: the revision picker's list on a history of 300
// commits, one in ten changing the workflow (30 listed), the rest another
// file. go test -bench ListRevisions ./app/versions prints the figure.
func BenchmarkListRevisions(b *testing.B) {
	repo := gittest.New(b)
	repo.Author = "B"
	dir := repo.Dir
	path := filepath.Join(dir, "flows", "order.asl.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		b.Fatal(err)
	}
	src, err := os.ReadFile("../examples/order-process.asl.json")
	if err != nil {
		b.Fatal(err)
	}
	for i := range 300 {
		target, content := filepath.Join(dir, "notes.txt"), fmt.Sprint(i)
		if i%10 == 0 {
			target, content = path, strings.Replace(string(src), `"MaxAttempts": 3`, fmt.Sprintf(`"MaxAttempts": %d`, i+1), 1)
		}
		if err := os.WriteFile(target, []byte(content), 0o644); err != nil {
			b.Fatal(err)
		}
		repo.Commit(fmt.Sprint("commit ", i), 1_700_000_000+int64(i))
	}
	b.ResetTimer()
	for b.Loop() {
		r, err := versions.ListRevisions(path)
		if err != nil || len(r.Revisions) != 30 {
			b.Fatalf("%d revisions, %v", len(r.Revisions), err)
		}
	}
}

// BenchmarkCompareWithSaved: the whole "last saved version" compare of the
// example (read the file and its notes, parse both sides, compare).
func BenchmarkCompareWithSaved(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "order.asl.json")
	src, err := os.ReadFile("../examples/order-process.asl.json")
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		b.Fatal(err)
	}
	text := strings.Replace(string(src), `"Reject order"`, `"Reject the order"`, -1)
	for b.Loop() {
		saved, err := versions.File(path, "saved")
		if err != nil {
			b.Fatal(err)
		}
		cur, _ := versions.Current("order.asl.json", text, path)
		if _, err := versions.Compare(saved, cur); err != nil {
			b.Fatal(err)
		}
	}
}
