package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/app/sidecar"
)

func TestNotesService(t *testing.T) {
	dir := t.TempDir()
	n := &Notes{configDir: filepath.Join(dir, "config"), now: func() time.Time { return time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC) }}
	def := filepath.Join(dir, "order.asl.json")
	path := n.NotesPath(def, "")
	if path != filepath.Join(dir, "order.studio.json") {
		t.Fatalf("NotesPath = %s", path)
	}
	if got := n.NotesPath(filepath.Join(dir, "template.yaml"), "Flow"); got != filepath.Join(dir, "template.Flow.studio.json") {
		t.Fatalf("template NotesPath = %s", got)
	}
	if _, err := n.Load("order.studio.json", nil); err == nil {
		t.Error("a relative path was accepted")
	}
	if _, err := n.Update(def, nil, nil); err == nil {
		t.Error("Update would have written the definition file")
	}
	if err := n.SetAuthor("  Ann  "); err != nil {
		t.Fatal(err)
	}
	got, err := n.Update(path, []sidecar.Op{{Kind: sidecar.OpComment, State: "Gone", Text: "hi"}}, []string{"Charge"})
	if err != nil {
		t.Fatal(err)
	}
	if c := got.Notes.States["Gone"].Threads[0].Comments[0]; c.Author != "Ann" {
		t.Errorf("signed %q, want the name set", c.Author)
	}
	if len(got.Orphans) != 1 || got.Orphans[0] != "Gone" {
		t.Errorf("orphans = %v", got.Orphans)
	}
	to := filepath.Join(dir, "copy.asl.yaml")
	if c, err := n.Carry(def, to, false); err != nil || c.Exists {
		t.Fatalf("carry: %+v %v", c, err)
	}
	if c, err := n.Carry(def, to, false); err != nil || !c.Exists {
		t.Fatalf("carry onto existing notes: %+v %v, want Exists", c, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "copy.studio.json")); err != nil {
		t.Fatal(err)
	}
}
