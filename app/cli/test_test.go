package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testProject copies the suite package's test workflow into a temporary
// folder with the given test files.
func testProject(t *testing.T, tests map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"flow.asl.json", "flow.mocks.json"} {
		b, err := os.ReadFile(filepath.Join("..", "suite", "testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range tests {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runMain(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Main(context.Background(), args, Streams{In: strings.NewReader(""), Out: &out, Err: &errOut})
	return code, out.String(), errOut.String()
}

const (
	passing = `
scenarios:
  - name: rejected
    input: {kind: odd}
    expect: {status: FAILED, error: Rejected}
`
	failing = `
scenarios:
  - name: rejected
    input: {kind: odd}
    expect: {status: SUCCEEDED}
  - name: big
    input: {kind: big, items: []}
    testCase: ok
`
)

func TestTestExitCodes(t *testing.T) {
	pass := testProject(t, map[string]string{"flow.tests.yaml": passing})
	fail := testProject(t, map[string]string{"flow.tests.yaml": failing})
	bad := testProject(t, map[string]string{"flow.tests.yaml": "scenarios:\n  - name: a\n    expect: {stauts: FAILED}\n"})
	for _, tc := range []struct {
		name    string
		args    []string
		code    int
		out     []string
		errText []string
	}{
		{"all pass", []string{"test", pass}, ExitOK, []string{"PASS  rejected", "1 passed, 0 failed"}, nil},
		{"a failure", []string{"test", fail}, ExitFail, []string{"FAIL  rejected", "flow.tests.yaml:5:22: status: expected the run to end SUCCEEDED, but it ended FAILED with Rejected: not wanted", "PASS  big", "1 passed, 1 failed"}, nil},
		{"--run picks", []string{"test", fail, "--run", "^big$"}, ExitOK, []string{"1 passed, 0 failed"}, nil},
		{"--run matches nothing", []string{"test", fail, "--run", "nothing"}, ExitUsage, nil, []string{"no scenario matches"}},
		{"bad test file", []string{"test", bad}, ExitUsage, nil, []string{`flow.tests.yaml:3:14: unknown key "stauts"`, `did you mean "status"?`}},
		{"no scenarios", []string{"test", testProject(t, map[string]string{"flow.tests.yaml": "scenarios: []\n"})}, ExitUsage, nil, []string{"the test files hold no scenarios"}},
		{"no test files", []string{"test", t.TempDir()}, ExitUsage, nil, []string{"no test files"}},
		{"not a test file", []string{"test", filepath.Join(pass, "flow.asl.json")}, ExitUsage, nil, []string{"is not a test file"}},
		{"bad format", []string{"test", pass, "--format", "xml"}, ExitUsage, nil, []string{"--format must be text, json or junit"}},
		{"bad min coverage", []string{"test", pass, "--min-coverage", "101"}, ExitUsage, nil, []string{"--min-coverage must be a percentage"}},
		{"below min coverage", []string{"test", pass, "--min-coverage", "50"}, ExitFail, nil, []string{"is below --min-coverage 50%"}},
		{"help", []string{"test", "--help"}, ExitOK, []string{"Usage: stepstudio test"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errText := runMain(tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, out, errText)
			}
			for _, w := range tc.out {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tc.errText {
				if !strings.Contains(errText, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errText)
				}
			}
		})
	}
}

// The JUnit report is XML CI systems read: one testsuite per file, one
// testcase per scenario, failures counted and explained.
func TestTestJUnit(t *testing.T) {
	dir := testProject(t, map[string]string{"flow.tests.yaml": failing})
	code, out, _ := runMain("test", dir, "--format", "junit")
	if code != ExitFail {
		t.Errorf("exit %d", code)
	}
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Message string `xml:"message,attr"`
					Text    string `xml:",chardata"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out)
	}
	if doc.Tests != 2 || doc.Failures != 1 || len(doc.Suites) != 1 || len(doc.Suites[0].Cases) != 2 {
		t.Fatalf("report: %+v", doc)
	}
	c := doc.Suites[0].Cases[0]
	if c.Name != "rejected" || c.Failure == nil || !strings.HasPrefix(c.Failure.Message, "status: expected the run to end SUCCEEDED") {
		t.Errorf("first case: %+v", c)
	}
	if doc.Suites[0].Cases[1].Failure != nil {
		t.Errorf("the passing case has a failure")
	}
}

// --coverage writes JSON naming uncovered items by index, and the SVG.
func TestTestCoverageFiles(t *testing.T) {
	dir := testProject(t, map[string]string{"flow.tests.yaml": passing})
	cov := filepath.Join(dir, "cov.json")
	code, out, errText := runMain("test", dir, "--coverage", cov, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errText)
	}
	var rep testReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Passed != 1 {
		t.Fatalf("json report: %v %+v", err, rep)
	}
	b, err := os.ReadFile(cov)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"kind": "choice"`, `"index": 2`, `"kind": "default"`, `"covered": false`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("coverage JSON lacks %s", want)
		}
	}
	svg, err := os.ReadFile(filepath.Join(dir, "cov.flow.svg"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(svg), "cov-uncovered") || !strings.Contains(string(svg), "cov-covered") {
		t.Errorf("the SVG does not draw covered and uncovered items")
	}
}

// --update fixes the expectations, says what changed, and the run passes.
func TestTestUpdate(t *testing.T) {
	dir := testProject(t, map[string]string{"flow.tests.json": `{"scenarios": [{"name": "rejected", "input": {"kind": "odd"}, "expect": {"status": "SUCCEEDED"}}]}`})
	code, out, errText := runMain("test", dir, "--update")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errText)
	}
	if !strings.Contains(errText, `rejected: status: "SUCCEEDED" → "FAILED"`) {
		t.Errorf("stderr does not show the change:\n%s", errText)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "flow.tests.json"))
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Errorf("not JSON after update: %v\n%s", err, b)
	}
	if code, _, _ := runMain("test", dir); code != ExitOK {
		t.Errorf("fails after update")
	}
}

// TestTestTemplateMachines: suites named T.<LogicalId>.tests.yaml run
// against the machines inside template T, each with its own coverage
// diagram named T.<LogicalId>.
func TestTestTemplateMachines(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("..", "suite", "testdata", "template")
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	cov := filepath.Join(dir, "cov.json")
	code, out, errOut := runMain("test", "--coverage", cov, dir)
	if code != 0 {
		t.Fatalf("exit %d, want 0\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"orders.yaml, state machine CheckOrder", "orders.yaml, state machine ShipOrder", "3 passed, 0 failed"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, f := range []string{"cov.orders.CheckOrder.svg", "cov.orders.ShipOrder.svg"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("coverage diagram %s: %v", f, err)
		}
	}
}
