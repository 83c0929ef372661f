package cli

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/stepstudio/stepstudio/app/suite"
)

func printTests(w io.Writer, format string, results []*suite.Result, cov []*suite.Coverage, withCoverage bool) error {
	switch format {
	case "json":
		return printTestsJSON(w, results, cov)
	case "junit":
		return printJUnit(w, results)
	}
	printTestsText(w, results, cov, withCoverage)
	return nil
}

func printTestsText(w io.Writer, results []*suite.Result, cov []*suite.Coverage, withCoverage bool) {
	var last *suite.Suite
	passed, failed := 0, 0
	for _, r := range results {
		if r.Suite != last {
			fmt.Fprintf(w, "%s (%s)\n", r.Suite.File, workflowName(r.Suite.Workflow, r.Suite.MachineID))
			last = r.Suite
		}
		if r.Passed() {
			passed++
			fmt.Fprintf(w, "  PASS  %s (%s)\n", r.Scenario.Name, ms(r.Duration))
			continue
		}
		failed++
		fmt.Fprintf(w, "  FAIL  %s (%s)\n", r.Scenario.Name, ms(r.Duration))
		if r.Err != nil {
			fmt.Fprintf(w, "        %s:%d:%d: %v\n", r.Suite.File, r.Scenario.At.Line, r.Scenario.At.Column, r.Err)
		}
		for _, f := range r.Failures {
			fmt.Fprintf(w, "        %s:%d:%d: %s: %s\n", r.Suite.File, f.At.Line, f.At.Column, f.Expectation, f.Message)
			for _, d := range f.Diff {
				fmt.Fprintf(w, "          %s\n", d)
			}
		}
	}
	for _, c := range cov {
		if !withCoverage {
			break
		}
		fmt.Fprintf(w, "coverage: %s: %.1f%% (%d of %d)\n", workflowName(c.Workflow, c.MachineID), c.Percent, c.Covered, c.Total)
		for _, s := range c.States {
			if !s.Covered {
				fmt.Fprintf(w, "  never entered: %s\n", s.Name)
			}
		}
		for _, t := range c.Transitions {
			if !t.Covered {
				fmt.Fprintf(w, "  never taken: %s\n", itemText(t))
			}
		}
	}
	fmt.Fprintf(w, "%d passed, %d failed\n", passed, failed)
}

func itemText(t suite.Item) string {
	switch t.Kind {
	case suite.KindChoice:
		return fmt.Sprintf("%s: Choice rule %d → %s", t.State, *t.Index, t.Target)
	case suite.KindDefault:
		return fmt.Sprintf("%s: Default → %s", t.State, t.Target)
	case suite.KindCatch:
		return fmt.Sprintf("%s: Catch %d %v → %s", t.State, *t.Index, t.Errors, t.Target)
	case suite.KindRetry:
		return fmt.Sprintf("%s: Retry %d %v never retried", t.State, *t.Index, t.Errors)
	case suite.KindBranch:
		return fmt.Sprintf("%s: branch %d (starting at %s)", t.State, *t.Index, t.Target)
	case suite.KindProcessor:
		return fmt.Sprintf("%s: no Map iteration", t.State)
	}
	return fmt.Sprintf("%s → %s", t.State, t.Target)
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

type testReport struct {
	Suites   []suiteReport     `json:"suites"`
	Passed   int               `json:"passed"`
	Failed   int               `json:"failed"`
	Coverage []*suite.Coverage `json:"coverage"`
}

type suiteReport struct {
	File      string           `json:"file"`
	Workflow  string           `json:"workflow"`
	Machine   string           `json:"machine,omitempty"` // the LogicalId of a machine inside the template workflow
	Scenarios []scenarioReport `json:"scenarios"`
}

type scenarioReport struct {
	Name       string          `json:"name"`
	Line       int             `json:"line"`
	Passed     bool            `json:"passed"`
	DurationMs float64         `json:"durationMs"`
	Status     string          `json:"status,omitempty"`
	Error      string          `json:"error,omitempty"` // the scenario could not be judged
	Failures   []failureReport `json:"failures"`
}

type failureReport struct {
	Expectation string   `json:"expectation"`
	Line        int      `json:"line"`
	Column      int      `json:"column"`
	Message     string   `json:"message"`
	Expected    any      `json:"expected,omitempty"`
	Got         any      `json:"got,omitempty"`
	Diff        []string `json:"diff,omitempty"`
}

func printTestsJSON(w io.Writer, results []*suite.Result, cov []*suite.Coverage) error {
	rep := testReport{Suites: []suiteReport{}, Coverage: cov}
	var last *suite.Suite
	for _, r := range results {
		if r.Suite != last {
			rep.Suites = append(rep.Suites, suiteReport{File: r.Suite.File, Workflow: r.Suite.Workflow, Machine: r.Suite.MachineID})
			last = r.Suite
		}
		sr := scenarioReport{Name: r.Scenario.Name, Line: r.Scenario.At.Line, Passed: r.Passed(),
			DurationMs: float64(r.Duration.Microseconds()) / 1000, Failures: []failureReport{}}
		if r.Observed != nil {
			sr.Status = r.Observed.Result.Status
		}
		if r.Err != nil {
			sr.Error = r.Err.Error()
		}
		for _, f := range r.Failures {
			sr.Failures = append(sr.Failures, failureReport{f.Expectation, f.At.Line, f.At.Column, f.Message, f.Expected, f.Got, f.Diff})
		}
		if sr.Passed {
			rep.Passed++
		} else {
			rep.Failed++
		}
		s := &rep.Suites[len(rep.Suites)-1]
		s.Scenarios = append(s.Scenarios, sr)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// JUnit XML as Jenkins, GitLab and GitHub's test reporters read it: one
// testsuite per test file, one testcase per scenario, a failure element
// holding every failed expectation.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"` // CDATA keeps the lines readable in the raw file
}

func secs(d time.Duration) string { return fmt.Sprintf("%.3f", d.Seconds()) }

func printJUnit(w io.Writer, results []*suite.Result) error {
	var top junitSuites
	var total time.Duration
	var last *suite.Suite
	var suiteTime time.Duration
	for _, r := range results {
		if r.Suite != last {
			top.Suites = append(top.Suites, junitSuite{Name: r.Suite.File})
			last, suiteTime = r.Suite, 0
		}
		js := &top.Suites[len(top.Suites)-1]
		c := junitCase{Name: r.Scenario.Name, Classname: suiteMachineName(r.Suite.Workflow, r.Suite.MachineID), Time: secs(r.Duration)}
		switch {
		case r.Err != nil:
			c.Error = &junitProblem{Message: r.Err.Error(), Type: "error", Text: fmt.Sprintf("%s:%d:%d: %v", r.Suite.File, r.Scenario.At.Line, r.Scenario.At.Column, r.Err)}
			js.Errors++
			top.Errors++
		case len(r.Failures) > 0:
			var b strings.Builder
			for _, f := range r.Failures {
				fmt.Fprintf(&b, "%s:%d:%d: %s: %s\n", r.Suite.File, f.At.Line, f.At.Column, f.Expectation, f.Message)
				for _, d := range f.Diff {
					fmt.Fprintf(&b, "  %s\n", d)
				}
			}
			first := r.Failures[0]
			c.Failure = &junitProblem{Message: first.Expectation + ": " + first.Message, Type: "expectation", Text: b.String()}
			js.Failures++
			top.Failures++
		}
		js.Tests++
		top.Tests++
		suiteTime += r.Duration
		total += r.Duration
		js.Time = secs(suiteTime)
		js.Cases = append(js.Cases, c)
	}
	top.Time = secs(total)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(top); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// workflowName is the workflow as a report names it: the file, or the
// template and the state machine inside it.
func workflowName(workflow, machine string) string {
	if machine == "" {
		return workflow
	}
	return workflow + ", state machine " + machine
}

// suiteMachineName is the name files about the machine take: NAME of
// NAME.asl.json, or T.<LogicalId> for a machine inside template T.
func suiteMachineName(workflow, machine string) string {
	if machine == "" {
		return machineName(workflow)
	}
	base := filepath.Base(workflow)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "." + machine
}
