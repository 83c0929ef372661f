package versions_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/flowdiff"
	"github.com/stepstudio/stepstudio/app/versions"
	"github.com/stepstudio/stepstudio/internal/gittest"
)

func example(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../examples/order-process.asl.json")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// edited is the example with the four edits the browser test makes too:
// a step renamed, a retry's MaxAttempts changed, a step removed, one added.
func edited(t *testing.T, src string) string {
	t.Helper()
	r := strings.NewReplacer(
		`"Reject order"`, `"Reject the order"`,
		`"MaxAttempts": 3,`, `"MaxAttempts": 5,`,
		`"Next": "Release items"`, `"Next": "Payment declined"`,
		`"Next": "Order complete"`, `"Next": "Audit"`,
	)
	out := r.Replace(src)
	start := strings.Index(out, `    "Release items": {`)
	end := strings.Index(out, `    "Payment declined": {`)
	if start < 0 || end < 0 {
		t.Fatal("the example changed: the test's edits no longer apply")
	}
	out = out[:start] + `    "Audit": { "Type": "Pass", "Next": "Order complete" },` + "\n" + out[end:]
	return out
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// statuses is "status name" (with "← old" for renames) per state, in order.
func statuses(r *flowdiff.Result) []string {
	var out []string
	for _, s := range r.States {
		line := string(s.Status) + " " + s.Name
		if s.OldName != "" {
			line += " ← " + s.OldName
		}
		out = append(out, line)
	}
	return out
}

func TestCompareWithSavedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "order.asl.json")
	src := example(t)
	write(t, path, src)
	// Pinned in both; moved in the saved notes only for "Order complete".
	write(t, filepath.Join(dir, "order.studio.json"), `{"version":1,"workflow":{},"states":{"Order complete":{"position":{"x":10,"y":20}}}}`)

	saved, err := versions.File(path, "the last saved version")
	if err != nil {
		t.Fatal(err)
	}
	if saved.Text != src || saved.Label != "the last saved version" || saved.Pins["Order complete"].Y != 20 {
		t.Fatalf("saved side: %+v", saved)
	}
	cur, err := versions.Current("order.asl.json", edited(t, src), path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := versions.Compare(saved, cur)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(statuses(c.Result), "\n")
	want := strings.Join([]string{
		"changed Validate order",
		"renamed Reject the order ← Reject order",
		"changed Charge and notify",
		"added Audit",
		"removed Release items",
	}, "\n")
	if got != want {
		t.Errorf("states:\n%s\nwant:\n%s", got, want)
	}
	var retry *flowdiff.Change
	for _, s := range c.Result.States {
		for i, ch := range s.Changes {
			if s.Name == "Validate order" && strings.Contains(ch.Path, "MaxAttempts") {
				retry = &s.Changes[i]
			}
		}
	}
	if retry == nil || retry.Old != "3" || retry.New != "5" {
		t.Errorf("the retry change: %+v", retry)
	}
	if c.Old.Text != src {
		t.Error("the old side's text is not returned for the view to draw removed states")
	}
}

func TestSidesRefuse(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat(" ", int(files.MaxDefinitionSize)+1)
	if _, err := versions.Current("x.asl.json", big, ""); !errors.Is(err, versions.ErrTooLarge) {
		t.Errorf("an over-size text: %v, want ErrTooLarge", err)
	}
	if _, err := versions.File(filepath.Join(dir, "gone.asl.json"), "x"); err == nil {
		t.Error("a missing file is an error")
	}
	notJSON, _ := versions.Current("x.asl.json", "{ not json", "")
	good, _ := versions.Current("y.asl.json", example(t), "")
	if _, err := versions.Compare(notJSON, good); err == nil {
		t.Error("a side that does not parse is an error")
	}
	// Notes that do not parse: the comparison goes on without pins, saying so.
	path := filepath.Join(dir, "flow.asl.json")
	write(t, path, example(t))
	write(t, filepath.Join(dir, "flow.studio.json"), "{broken")
	s, err := versions.File(path, "x")
	if err != nil || s.Note == "" || len(s.Pins) != 0 {
		t.Errorf("broken notes: err %v, note %q, pins %v", err, s.Note, s.Pins)
	}
}

func TestRevisionsOutsideGit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "flow.asl.json")
	write(t, path, example(t))
	r, err := versions.ListRevisions(path)
	if err != nil || len(r.Revisions) != 0 || !strings.Contains(r.Reason, "not in a git repository") {
		t.Errorf("outside git: %+v, %v", r, err)
	}
	r, err = versions.ListRevisions("")
	if err != nil || len(r.Revisions) != 0 || r.Reason == "" {
		t.Errorf("unsaved: %+v, %v", r, err)
	}
}

// Without the git program the picker says git is needed, in plain words,
// and comparing with a revision is an error that says the same.
func TestRevisionsWithoutGit(t *testing.T) {
	repo := gittest.New(t)
	path := repo.Write("flow.asl.json", example(t))
	repo.Commit("add", 1_700_000_000)
	t.Setenv("PATH", t.TempDir())
	r, err := versions.ListRevisions(path)
	if err != nil || len(r.Revisions) != 0 || !strings.Contains(r.Reason, "needs git installed") {
		t.Errorf("without git: %+v, %v", r, err)
	}
	if _, err := versions.Revision(path, "HEAD"); err == nil || !strings.Contains(err.Error(), "needs git installed") {
		t.Errorf("Revision without git: %v", err)
	}
}

// TestRevisions: a repository made with the git program: the file at two
// commits, its notes at the first, and a commit that touches another file
// only, which the list leaves out.
func TestRevisions(t *testing.T) {
	repo := gittest.New(t)
	repo.Author = "Ann"
	dir := repo.Dir
	path := filepath.Join(dir, "flows", "order.asl.json")
	commit := repo.Commit
	r, err := versions.ListRevisions(filepath.Join(dir, "none.asl.json"))
	if err != nil || len(r.Revisions) != 0 || r.Reason == "" {
		t.Errorf("no commit yet: %+v, %v", r, err)
	}
	src := example(t)
	write(t, path, src)
	write(t, filepath.Join(dir, "flows", "order.studio.json"), `{"version":1,"workflow":{},"states":{"Audit":{"position":{"x":1,"y":2}}}}`)
	first := commit("Add the order process\n\nlong text", 1_700_000_000)
	write(t, filepath.Join(dir, "README.md"), "other")
	commit("Unrelated", 1_700_000_100)
	write(t, path, edited(t, src))
	second := commit("Audit every order", 1_700_000_200)

	r, err = versions.ListRevisions(path)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range r.Revisions {
		got = append(got, v.Short+" "+v.Subject+" "+v.Author)
	}
	want := []string{second[:7] + " Audit every order Ann", first[:7] + " Add the order process Ann"}
	if strings.Join(got, "|") != strings.Join(want, "|") || r.Reason != "" {
		t.Errorf("revisions %q, want %q (reason %q)", got, want, r.Reason)
	}

	old, err := versions.Revision(path, first)
	if err != nil {
		t.Fatal(err)
	}
	if old.Text != src || old.Pins["Audit"].X != 1 || !strings.HasPrefix(old.Label, first[:7]+" · Add the order process (") {
		t.Errorf("the first revision: label %q, pins %v, same text %v", old.Label, old.Pins, old.Text == src)
	}
	if _, err := versions.Revision(path, "HEAD~1"); err != nil {
		t.Errorf("HEAD~1: %v", err)
	}
	if _, err := versions.Revision(path, "nope"); err == nil {
		t.Error("an unknown revision is an error")
	}
	cur, _ := versions.Current("order.asl.json", edited(t, src), path)
	c, err := versions.Compare(old, cur)
	if err != nil {
		t.Fatal(err)
	}
	if c.Result.Counts.Added != 1 || c.Result.Counts.Removed != 1 || c.Result.Counts.Renamed != 1 {
		t.Errorf("counts: %+v", c.Result.Counts)
	}
}
