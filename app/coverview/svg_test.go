package coverview

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/diagram"
	"github.com/stepstudio/stepstudio/app/suite"
)

// The suite's test workflow with one scenario down the Default: the
// Choice's rules are drawn uncovered, the Default covered, Fetch's box
// "not reached", and the legend lists the retry that never happened.
func TestOverlay(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join("..", "suite", "testdata", "flow.asl.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "flow.asl.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := "scenarios:\n  - name: other\n    input: {kind: other}\n"
	if err := os.WriteFile(filepath.Join(dir, "flow.tests.yaml"), []byte(tests), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := suite.Load(filepath.Join(dir, "flow.tests.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	c := suite.Measure(suite.Run(context.Background(), []*suite.Suite{s}, suite.Options{}))[0]
	d, err := diagram.Build(context.Background(), c.Machine())
	if err != nil {
		t.Fatal(err)
	}
	o := Overlay(d, c)
	for id, want := range map[string]string{
		"/States/Classify":        "cov-covered",
		"/States/Reject":          "cov-covered",
		"/States/Fetch":           "cov-uncovered",
		"/States/Both/Branches/1": "cov-uncovered",
	} {
		if got := o.Nodes[id].Class; got != want {
			t.Errorf("node %s: %q, want %q", id, got, want)
		}
	}
	for id, want := range map[string]string{
		"/States/Classify/Default":        "cov-covered",
		"/States/Classify/Choices/2/Next": "cov-uncovered",
		"/States/Fetch/Catch/0/Next":      "cov-uncovered",
	} {
		if got := o.Edges[id].Class; got != want {
			t.Errorf("edge %s: %q, want %q", id, got, want)
		}
	}
	var legend []string
	for _, r := range o.Legend {
		legend = append(legend, r.Text)
	}
	text := strings.Join(legend, "\n")
	for _, want := range []string{"Test coverage: ", "Fetch: retry rule 1 never retried", "Each: no Map iteration ran"} {
		if !strings.Contains(text, want) {
			t.Errorf("legend lacks %q:\n%s", want, text)
		}
	}
	svg, err := SVG(context.Background(), c.Machine(), c)
	if err != nil || !strings.Contains(string(svg), "not reached") {
		t.Errorf("SVG: %v, badge drawn: %v", err, strings.Contains(string(svg), "not reached"))
	}
}
