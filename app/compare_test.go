package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The binding is thin: the dialog starts beside the document, a cancelled
// dialog is "", and the three compares reach app/versions with the
// document as the new side.
func TestCompareBinding(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "order.asl.json")
	other := filepath.Join(dir, "other.asl.json")
	text := string(exampleDefinition)
	if err := os.WriteFile(path, exampleDefinition, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(other, []byte(strings.Replace(text, `"Reject order"`, `"Refuse order"`, -1)), 0o644); err != nil {
		t.Fatal(err)
	}
	desk := &fakeDesktop{answers: []string{other}}
	c := &Compare{ctx: context.Background(), desk: desk}
	got, err := c.ChooseOtherPath(path)
	if err != nil || got != other || desk.dirs[0] != dir {
		t.Fatalf("dialog: %q %v, started in %v", got, err, desk.dirs)
	}
	if got, _ := c.ChooseOtherPath(path); got != "" {
		t.Errorf("a cancelled dialog: %q", got)
	}

	cmp, err := c.WithFile("order.asl.json", text, path, other)
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Result.Counts.Renamed != 1 || cmp.Result.States[0].OldName != "Refuse order" || cmp.Old.Label != other {
		t.Errorf("with a file: %+v (label %q)", cmp.Result.States, cmp.Old.Label)
	}
	cmp, err = c.WithSaved("order.asl.json", text, path)
	if err != nil || !cmp.Result.Same {
		t.Errorf("with the saved file, unchanged: %v %+v", err, cmp)
	}
	if _, err := c.WithSaved("order.asl.json", text, ""); err == nil || !strings.Contains(err.Error(), "not been saved") {
		t.Errorf("unsaved: %v", err)
	}
	revs, err := c.Revisions(path)
	if err != nil || len(revs.Revisions) != 0 || revs.Reason == "" {
		t.Errorf("outside git: %+v %v", revs, err)
	}
	if _, err := c.WithRevision("order.asl.json", text, path, "HEAD"); err == nil {
		t.Error("a revision outside git is an error")
	}
	swapped, err := c.Sides(cmp.New, cmp.Old)
	if err != nil || !swapped.Result.Same {
		t.Errorf("swapped: %v", err)
	}
}
