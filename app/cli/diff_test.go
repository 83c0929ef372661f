package cli_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/cli"
	"github.com/stepstudio/stepstudio/internal/gittest"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files under testdata")

// The two versions of the flowdiff package's golden case.
const (
	diffA = "../flowdiff/testdata/orders/a.asl.json"
	diffB = "../flowdiff/testdata/orders/b.asl.json"
)

func readTest(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeTest(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func goldenFile(t *testing.T, path, got string) {
	t.Helper()
	if *updateGolden {
		writeTest(t, path, got)
		return
	}
	if want := readTest(t, path); got != want {
		t.Errorf("%s differs (check, then run with -update):\n%s", path, got)
	}
}

func TestDiffExitCodes(t *testing.T) {
	dir := t.TempDir()
	writeTest(t, filepath.Join(dir, "array.json"), `[1]`)
	writeTest(t, filepath.Join(dir, "broken.json"), `{"StartAt": `)
	yaml := filepath.Join(dir, "same.asl.yaml")
	writeTest(t, yaml, "StartAt: A\nStates:\n  A: {Type: Pass, Result: 1.0, End: true}\n")
	json1 := filepath.Join(dir, "same.asl.json")
	writeTest(t, json1, `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": 1.0, "End": true}}}`)
	cases := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"same file", []string{diffA, diffA}, cli.ExitOK, ""},
		{"YAML and JSON of one machine", []string{yaml, json1}, cli.ExitOK, ""},
		{"different", []string{diffA, diffB}, cli.ExitFail, ""},
		{"missing file", []string{diffA, filepath.Join(dir, "nope.json")}, cli.ExitUsage, "nope.json"},
		{"not a machine", []string{diffA, filepath.Join(dir, "array.json")}, cli.ExitUsage, "not a state machine"},
		{"syntax error", []string{filepath.Join(dir, "broken.json"), diffA}, cli.ExitUsage, "broken.json"},
		{"one file", []string{diffA}, cli.ExitUsage, "two versions"},
		{"bad format", []string{"--format", "png", diffA, diffB}, cli.ExitUsage, "--format"},
		{"both stdin", []string{"-", "-"}, cli.ExitUsage, "standard input"},
		{"help", []string{"--help"}, cli.ExitOK, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, errs := runCLI(append([]string{"diff"}, c.args...)...)
			if code != c.code || !strings.Contains(errs, c.err) {
				t.Errorf("exit %d, stderr %q; want %d with %q", code, errs, c.code, c.err)
			}
		})
	}
}

func TestDiffText(t *testing.T) {
	code, out, errs := runCLI("diff", diffA, diffB)
	if code != cli.ExitFail {
		t.Fatalf("exit %d: %s", code, errs)
	}
	goldenFile(t, "testdata/diff/orders.txt", out)
}

func TestDiffJSON(t *testing.T) {
	code, out, errs := runCLI("diff", "--format", "json", diffA, diffB)
	if code != cli.ExitFail {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r struct {
		Same    bool
		Summary string
		States  []struct{ Status, Name, OldName, ID string }
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if r.Same || !strings.HasPrefix(r.Summary, "4 steps changed") || len(r.States) != 5 {
		t.Errorf("unexpected result: %+v", r)
	}
}

// A state name with markup must come out escaped in SVG and HTML, and the
// page must load nothing from anywhere.
func TestDiffSVGAndHTML(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.asl.json")
	b := filepath.Join(dir, "b.asl.json")
	writeTest(t, a, `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Gone"}, "Gone": {"Type": "Pass", "Comment": "old", "End": true}}}`)
	writeTest(t, b, `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": 2, "Next": "<b>&\"x</b>"}, "<b>&\"x</b>": {"Type": "Succeed"}}}`)
	code, svg, errs := runCLI("diff", "--format", "svg", a, b)
	if code != cli.ExitFail {
		t.Fatalf("svg: exit %d: %s", code, errs)
	}
	for _, want := range []string{`class="node state diff-changed"`, `class="node state diff-added"`, "What changed", "Removed steps", "Gone (Pass)", "&lt;b&gt;&amp;&quot;x&lt;/b&gt;"} {
		if !strings.Contains(svg, want) {
			t.Errorf("svg lacks %q", want)
		}
	}
	if strings.Contains(svg, "<b>") {
		t.Error("svg holds the state name unescaped")
	}
	out := filepath.Join(dir, "diff.html")
	if code, _, errs := runCLI("diff", "--format", "html", "--out", out, a, b); code != cli.ExitFail {
		t.Fatalf("html: exit %d: %s", code, errs)
	}
	page := readTest(t, out)
	for _, bad := range []string{"<b>", "<script", "src=", "href=", "url(", "@import", "<?xml"} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds %q", bad)
		}
	}
	for _, want := range []string{"<svg", "Gone", "Result", "removed"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// Pinned positions come from the sidecars beside each file.
func TestDiffLayoutOnly(t *testing.T) {
	dir := t.TempDir()
	def := `{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}`
	writeTest(t, filepath.Join(dir, "old", "flow.asl.json"), def)
	writeTest(t, filepath.Join(dir, "new", "flow.asl.json"), def)
	writeTest(t, filepath.Join(dir, "old", "flow.studio.json"), `{"version": 1, "workflow": {}, "states": {"A": {"position": {"x": 10, "y": 20}}}}`)
	writeTest(t, filepath.Join(dir, "new", "flow.studio.json"), `{"version": 1, "workflow": {}, "states": {"A": {"position": {"x": 50, "y": 20}}}}`)
	code, out, errs := runCLI("diff", filepath.Join(dir, "old", "flow.asl.json"), filepath.Join(dir, "new", "flow.asl.json"))
	if code != cli.ExitFail || !strings.Contains(out, "1 step moved on the diagram only") || !strings.Contains(out, "position: (10, 20) → (50, 20)") {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
	// The picture is laid out with B's pins, as the studio shows it: A's
	// box at x 50 (plus the 16px margin), marked as moved.
	_, svg, _ := runCLI("diff", "--format", "svg", filepath.Join(dir, "old", "flow.asl.json"), filepath.Join(dir, "new", "flow.asl.json"))
	if !strings.Contains(svg, `diff-moved`) || !strings.Contains(svg, `<rect x="66" y=`) {
		t.Errorf("svg does not show A moved to its pin:\n%s", svg)
	}
}

// REV:path reads from a repository made with the git program in the test;
// the sidecar at that revision is read too.
func TestDiffRevisions(t *testing.T) {
	repo := gittest.New(t)
	dir := repo.Dir
	flow := filepath.Join(dir, "flows", "flow.asl.json")
	writeTest(t, flow, readTest(t, diffA))
	writeTest(t, filepath.Join(dir, "flows", "flow.studio.json"), `{"version": 1, "workflow": {}, "states": {"Done": {"position": {"x": 1, "y": 2}}}}`)
	repo.Commit("first", 1_700_000_000)
	writeTest(t, flow, readTest(t, diffB))
	writeTest(t, filepath.Join(dir, "flows", "flow.studio.json"), `{"version": 1, "workflow": {}, "states": {"Done": {"position": {"x": 5, "y": 2}}}}`)
	want := strings.Replace(readTest(t, "testdata/diff/orders.txt"), "\nConnections:", "  · moved    Done (Succeed)\n      position: (1, 2) → (5, 2)\n\nConnections:", 1)
	want = strings.Replace(want, "1 renamed;", "1 renamed, 1 moved on the diagram only;", 1)

	t.Chdir(filepath.Join(dir, "flows"))
	code, out, errs := runCLI("diff", "HEAD:flow.asl.json", "flow.asl.json")
	if code != cli.ExitFail || out != want {
		t.Errorf("HEAD vs work tree: exit %d, stderr %s\n%s\nwant\n%s", code, errs, out, want)
	}
	if code, _, errs := runCLI("diff", "HEAD:flow.asl.json", "HEAD:../flows/flow.asl.json"); code != cli.ExitOK {
		t.Errorf("HEAD vs HEAD: exit %d: %s", code, errs)
	}
	for _, c := range []struct{ arg, says string }{
		{"HEAD~3:flow.asl.json", "no such revision"},
		{"nosuch:flow.asl.json", "no such revision"},
		{"HEAD:missing.asl.json", "missing.asl.json"},
	} {
		if code, _, errs := runCLI("diff", c.arg, "flow.asl.json"); code != cli.ExitUsage || !strings.Contains(errs, c.says) {
			t.Errorf("%s: exit %d, stderr %q; want 2 saying %q", c.arg, code, errs, c.says)
		}
	}

	// Without the git program, REV:path says git is needed.
	path := os.Getenv("PATH")
	t.Setenv("PATH", t.TempDir())
	if code, _, errs := runCLI("diff", "HEAD:flow.asl.json", "flow.asl.json"); code != cli.ExitUsage || !strings.Contains(errs, "needs git installed") {
		t.Errorf("without git: exit %d, stderr %q", code, errs)
	}
	t.Setenv("PATH", path)

	// Outside any work tree, REV:path is an error, not a silent file miss.
	t.Chdir(t.TempDir())
	if code, _, errs := runCLI("diff", "HEAD:flow.asl.json", flow); code != cli.ExitUsage || !strings.Contains(errs, "git work tree") {
		t.Errorf("outside a work tree: exit %d, stderr %q", code, errs)
	}
}
