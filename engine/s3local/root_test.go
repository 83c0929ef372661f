package s3local_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stepstudio/stepstudio/engine/s3local"
)

func TestRootConfinesPaths(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "b"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "b", "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "lb")); err != nil {
		t.Fatal(err)
	}
	r, err := s3local.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ bucket, key string }{
		{"..", "x"},
		{"b", "../../etc/passwd"},
		{"b", "/etc/passwd"},
		{"b/../..", "x"},
		{"b", `..\x`},
		{"b", "link/secret.txt"},
		{"lb", "secret.txt"},
		{"", "x"},
	}
	for _, c := range cases {
		if _, err := r.Read(c.bucket, c.key); !errors.Is(err, s3local.ErrOutsideRoot) {
			t.Errorf("Read(%q, %q) = %v, want ErrOutsideRoot", c.bucket, c.key, err)
		}
		if err := r.Write(c.bucket, c.key, []byte("y")); !errors.Is(err, s3local.ErrOutsideRoot) {
			t.Errorf("Write(%q, %q) = %v, want ErrOutsideRoot", c.bucket, c.key, err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(outside, "secret.txt")); string(b) != "x" {
		t.Errorf("a file outside the root changed: %q", b)
	}
}

func TestRootReadWriteList(t *testing.T) {
	r, err := s3local.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"in/b.csv", "in/a.csv", "out/x.json"} {
		if err := r.Write("bk", k, []byte(k)); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Write("bk", "in/a.csv", []byte("again")); err != nil { // replaces
		t.Fatal(err)
	}
	b, err := r.Read("bk", "in/a.csv")
	if err != nil || string(b) != "again" {
		t.Fatalf("Read = %q %v", b, err)
	}
	if _, err := r.Read("bk", "none"); !errors.Is(err, s3local.ErrNoSuchKey) {
		t.Errorf("missing key: %v", err)
	}
	objs, err := r.List("bk", "in/")
	if err != nil || len(objs) != 2 || objs[0].Key != "in/a.csv" || objs[1].Key != "in/b.csv" || objs[0].Size != 5 {
		t.Fatalf("List = %+v %v", objs, err)
	}
	entries, _ := os.ReadDir(filepath.Join(r.Dir(), "bk", "in"))
	if len(entries) != 2 {
		t.Errorf("temp files left behind: %v", entries)
	}
	if objs, err := r.List("nobucket", ""); err != nil || len(objs) != 0 {
		t.Errorf("List of a missing bucket = %v %v", objs, err)
	}
}
