package files_test

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/stepstudio/stepstudio/app/files"
)

// The round trip a crash takes: one session autosaves, dies; the next
// session finds the copy (not its own), restores it and discards it.
func TestRecoveryRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "recovery")
	crashed := files.NewRecovery(dir)
	first := files.Snapshot{ID: "s1", Path: "/x/flow.asl.yaml", Name: "flow.asl.yaml", Format: "yaml", LineEnding: files.CRLF, Text: "StartAt: A\n"}
	if err := crashed.Save(first); err != nil {
		t.Fatal(err)
	}
	first.Text = "StartAt: B\n" // a later autosave replaces the earlier one
	if err := crashed.Save(first); err != nil {
		t.Fatal(err)
	}

	next := files.NewRecovery(dir)
	if err := next.Save(files.Snapshot{ID: "s2", Name: "untitled.asl.json", Text: "{}"}); err != nil {
		t.Fatal(err)
	}
	found, err := next.List("s2")
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 {
		t.Fatalf("found %d snapshots, want the crashed session's only", len(found))
	}
	got := found[0]
	if got.ID != "s1" || got.Text != "StartAt: B\n" || got.Path != first.Path || got.Format != "yaml" || got.LineEnding != files.CRLF {
		t.Errorf("recovered %+v", got)
	}
	if got.SavedAt == 0 {
		t.Error("snapshot has no time")
	}
	if err := next.Discard("s1"); err != nil {
		t.Fatal(err)
	}
	if err := next.Discard("s1"); err != nil {
		t.Errorf("discarding twice: %v", err)
	}
	if found, _ := next.List("s2"); len(found) != 0 {
		t.Errorf("after discard: %d left", len(found))
	}
	if all, _ := next.List(""); len(all) != 1 || all[0].ID != "s2" {
		t.Errorf("own snapshot: %+v", all)
	}
}

func TestRecoveryRejectsEscapingIDs(t *testing.T) {
	r := files.NewRecovery(t.TempDir())
	for _, id := range []string{"", "../x", "a/b", "a.b"} {
		if err := r.Save(files.Snapshot{ID: id}); !errors.Is(err, files.ErrBadID) {
			t.Errorf("Save(%q) = %v, want ErrBadID", id, err)
		}
	}
	if l, err := files.NewRecovery(filepath.Join(t.TempDir(), "none")).List(""); err != nil || len(l) != 0 {
		t.Errorf("missing folder: %v, %v", l, err)
	}
}
