package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/cli"
)

const orderProcess = "../examples/order-process.asl.json"

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = cli.Main(context.Background(), args, cli.Streams{In: strings.NewReader(""), Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

// The JSON of the example: every state once with its type, size and
// container; every transition with its kind and label.
func TestGraphJSON(t *testing.T) {
	code, out, errs := runCLI("graph", orderProcess)
	if code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var g struct {
		Width, Height float64
		Nodes         []struct {
			ID, Kind, Name, Type, Parent string
			Branch                       int
			X, Y, Width, Height          *float64
		}
		Edges []struct {
			Source, Target, SourceID, TargetID, Kind, Label *string
		}
	}
	if err := json.Unmarshal([]byte(out), &g); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	byName := map[string]int{}
	for i, n := range g.Nodes {
		if n.X == nil || n.Y == nil || n.Width == nil || n.Height == nil {
			t.Fatalf("node %s lacks a coordinate", n.ID)
		}
		if *n.X < 0 || *n.Y < 0 || *n.X+*n.Width > g.Width+0.01 || *n.Y+*n.Height > g.Height+0.01 {
			t.Errorf("node %s at %v,%v %vx%v is outside %vx%v", n.ID, *n.X, *n.Y, *n.Width, *n.Height, g.Width, g.Height)
		}
		if n.Name != "" && n.Kind != "branch" {
			byName[n.Name] = i
		}
	}
	want := []struct {
		name, typ, kind, parent string
		branch                  int
	}{
		{"Validate order", "Task", "state", "", 0},
		{"Is the order valid?", "Choice", "state", "", 0},
		{"Reserve items", "Map", "container", "", 0},
		{"Reserve stock", "Task", "state", "Reserve items", 0},
		{"Charge and notify", "Parallel", "container", "", 0},
		{"Charge card", "Task", "state", "Charge and notify", 1},
		{"Send confirmation", "Task", "state", "Charge and notify", 2},
		{"Payment declined", "Fail", "state", "", 0},
	}
	for _, w := range want {
		i, ok := byName[w.name]
		if !ok {
			t.Errorf("no node %q", w.name)
			continue
		}
		n := g.Nodes[i]
		if n.Type != w.typ || n.Kind != w.kind || n.Parent != w.parent || n.Branch != w.branch {
			t.Errorf("%s: type %s kind %s parent %q branch %d; want %s %s %q %d", w.name, n.Type, n.Kind, n.Parent, n.Branch, w.typ, w.kind, w.parent, w.branch)
		}
	}
	kinds := map[string]int{}
	labels := map[string]string{}
	for _, e := range g.Edges {
		if e.Source == nil || e.Target == nil || e.Kind == nil || e.Label == nil {
			t.Fatalf("edge lacks a field: %+v", e)
		}
		kinds[*e.Kind]++
		labels[*e.Source+">"+*e.Target] = *e.Kind + " " + *e.Label
	}
	if got := labels["Is the order valid?>Reserve items"]; got != "default Default" {
		t.Errorf("Default edge = %q", got)
	}
	if got := labels["Charge and notify>Release items"]; got != "catch PaymentDeclined" {
		t.Errorf("catch edge = %q", got)
	}
	if got := labels[">Validate order"]; got != "start " {
		t.Errorf("start edge = %q", got)
	}
	if kinds["choice"] != 1 || kinds["end"] == 0 {
		t.Errorf("edge kinds %v", kinds)
	}
}

func TestGraphFilesAndExitCodes(t *testing.T) {
	dir := t.TempDir()
	svg, pic := filepath.Join(dir, "order.svg"), filepath.Join(dir, "order.png")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"svg to a file", []string{"graph", "--format", "svg", "--out", svg, orderProcess}, cli.ExitOK, ""},
		{"png to a file, flags after", []string{"graph", orderProcess, "--format", "png", "--scale", "1", "--out", pic}, cli.ExitOK, ""},
		{"invalid but drawable", []string{"graph", "testdata/graph/invalid.asl.json"}, cli.ExitOK, "validation error(s); drawn anyway"},
		{"does not parse", []string{"graph", "testdata/graph/broken.yaml"}, cli.ExitFail, "nothing to draw"},
		{"missing file", []string{"graph", "testdata/graph/nope.json"}, cli.ExitUsage, "nope.json"},
		{"bad format", []string{"graph", "--format", "gif", orderProcess}, cli.ExitUsage, "json, svg or png"},
		{"two files", []string{"graph", orderProcess, orderProcess}, cli.ExitUsage, "exactly one FILE"},
		{"bad scale", []string{"graph", "--format", "png", "--scale", "0", orderProcess}, cli.ExitUsage, "--scale must be above 0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runCLI(tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, tc.code, tc.stderr)
			}
		})
	}
	if data, err := os.ReadFile(svg); err != nil || !bytes.Contains(data, []byte("<svg")) {
		t.Errorf("svg file: %v", err)
	}
	f, err := os.Open(pic)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil || cfg.Width < 300 || cfg.Height < 600 {
		t.Errorf("png file: %v, %dx%d", err, cfg.Width, cfg.Height)
	}
}
