package files_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stepstudio/stepstudio/app/files"
)

func names(list []files.RecentFile) []string {
	out := make([]string, len(list))
	for i, f := range list {
		out[i] = f.Name
	}
	return out
}

func touch(t *testing.T, dir, name string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRecentOrderMovePruneAndPersist(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "config", "recent.json")
	a, b, c := touch(t, dir, "a.json"), touch(t, dir, "b.json"), touch(t, dir, "c.json")

	r := files.NewRecent(store)
	if list, err := r.List(); err != nil || len(list) != 0 {
		t.Fatalf("fresh list = %v, %v; want empty", list, err)
	}
	for _, p := range []string{a, b, c, a} {
		if _, err := r.Add(p); err != nil {
			t.Fatal(err)
		}
	}
	// A second instance reads what the first stored.
	list, err := files.NewRecent(store).List()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(names(list)), "[a.json c.json b.json]"; got != want {
		t.Errorf("after adding a b c a: %s, want %s", got, want)
	}
	os.Remove(c)
	list, _ = r.List()
	if got, want := fmt.Sprint(names(list)), "[a.json b.json]"; got != want {
		t.Errorf("after deleting c: %s, want %s", got, want)
	}
	os.WriteFile(c, []byte("{}"), 0o644) // back again, but forgotten for good
	list, _ = r.List()
	if got, want := fmt.Sprint(names(list)), "[a.json b.json]"; got != want {
		t.Errorf("a pruned entry came back: %s", got)
	}
}

func TestRecentKeepsTheNewest(t *testing.T) {
	dir := t.TempDir()
	r := files.NewRecent(filepath.Join(dir, "recent.json"))
	for i := range files.MaxRecent + 3 {
		if _, err := r.Add(touch(t, dir, fmt.Sprintf("f%02d.json", i))); err != nil {
			t.Fatal(err)
		}
	}
	list, _ := r.List()
	if len(list) != files.MaxRecent {
		t.Fatalf("%d entries, want %d", len(list), files.MaxRecent)
	}
	if list[0].Name != fmt.Sprintf("f%02d.json", files.MaxRecent+2) {
		t.Errorf("newest = %s", list[0].Name)
	}
}

func TestRecentSurvivesADamagedStore(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "recent.json")
	os.WriteFile(store, []byte("{not json"), 0o644)
	r := files.NewRecent(store)
	if list, err := r.List(); err != nil || len(list) != 0 {
		t.Errorf("damaged store: %v, %v; want empty, nil", list, err)
	}
	if list, err := r.Add(touch(t, dir, "a.json")); err != nil || len(list) != 1 {
		t.Errorf("add over a damaged store: %v, %v", list, err)
	}
}
