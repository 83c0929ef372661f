package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/cli"
)

// doc writes NAME.md with its two pictures into a folder, or one HTML
// file; the sidecar and the mock file beside the flow are read.
func TestDocWritesHandbook(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(orderProcess)
	if err != nil {
		t.Fatal(err)
	}
	flow := filepath.Join(dir, "order.asl.json")
	must(t, os.WriteFile(flow, src, 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "order.studio.json"), []byte(`{"version":1,"workflow":{"description":"How an order is taken."}}`), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "order.mocks.json"), []byte(`{"StateMachines":{"order":{"TestCases":{"Invalid":{"Validate order":"Bad"}}}},
		"MockedResponses":{"Bad":{"0":{"Return":{"StatusCode":200,"Payload":{"valid":false,"total":5}}}}}}`), 0o644))

	out := filepath.Join(dir, "docs")
	code, stdout, stderr := runCLI("doc", flow, "--format", "md", "--out", out)
	if code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, name := range []string{"order.md", "order.svg", "order.resources.svg"} {
		if !strings.Contains(stdout, filepath.Join(out, name)) {
			t.Errorf("%s not reported written: %s", name, stdout)
		}
	}
	md, err := os.ReadFile(filepath.Join(out, "order.md"))
	must(t, err)
	for _, want := range []string{"How an order is taken.", "![Diagram of order](order.svg)", "(order.resources.svg)", "### Invalid — fails", "Error: `OrderInvalid`"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("order.md lacks %q:\n%s", want, md)
		}
	}

	page := filepath.Join(dir, "page.html")
	if code, _, stderr := runCLI("doc", flow, "--out", page); code != cli.ExitOK {
		t.Fatalf("html: exit %d: %s", code, stderr)
	}
	html, err := os.ReadFile(page)
	must(t, err)
	if !strings.Contains(string(html), "<svg") || strings.Contains(string(html), "<script") {
		t.Errorf("page.html is not the self-contained page")
	}
	if code, _, _ := runCLI("doc", flow, "--out", dir); code != cli.ExitOK {
		t.Fatal("html into a folder failed")
	}
	if _, err := os.Stat(filepath.Join(dir, "order.html")); err != nil {
		t.Error(err)
	}
}

func TestDocExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.asl.json")
	must(t, os.WriteFile(bad, []byte(`{"StartAt": `), 0o644))
	badMocks := filepath.Join(dir, "m.json")
	must(t, os.WriteFile(badMocks, []byte(`{`), 0o644))
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"doc", "--help"}, cli.ExitOK},
		{[]string{"doc", bad, "--out", dir}, cli.ExitFail},
		{[]string{"doc", filepath.Join(dir, "missing.asl.json")}, cli.ExitUsage},
		{[]string{"doc", orderProcess, "--format", "pdf"}, cli.ExitUsage},
		{[]string{"doc", orderProcess, "--format", "md", "--out", "-"}, cli.ExitUsage},
		{[]string{"doc"}, cli.ExitUsage},
		{[]string{"doc", orderProcess, "--mock-config", badMocks, "--out", dir}, cli.ExitUsage},
	} {
		if code, _, stderr := runCLI(c.args...); code != c.want {
			t.Errorf("%v: exit %d, want %d (%s)", c.args, code, c.want, stderr)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// A definition with validation errors still gets its handbook, and its
// test cases are not run (as `run` refuses it), which the handbook says.
func TestDocInvalidDefinitionSkipsScenarios(t *testing.T) {
	dir := t.TempDir()
	flow := filepath.Join(dir, "f.asl.json")
	must(t, os.WriteFile(flow, []byte(`{"StartAt":"A","States":{"A":{"Type":"Pass","End":true},"Lost":{"Type":"Pass","End":true}}}`), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "f.mocks.json"), []byte(`{"StateMachines":{"f":{"TestCases":{"T":{}}}},"MockedResponses":{}}`), 0o644))
	code, _, stderr := runCLI("doc", flow, "--format", "md", "--out", dir)
	if code != cli.ExitOK || !strings.Contains(stderr, "validation error") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	md, err := os.ReadFile(filepath.Join(dir, "f.md"))
	must(t, err)
	if !strings.Contains(string(md), "The test cases were not run") || !strings.Contains(string(md), "No path from the start leads to this step.") {
		t.Errorf("f.md:\n%s", md)
	}
}
