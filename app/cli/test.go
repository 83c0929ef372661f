package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/suite"
)

type testOptions struct {
	run         string
	format      string
	coverage    string
	minCoverage float64
	update      bool
	workers     int
}

func runTest(ctx context.Context, args []string, s Streams) error {
	var o testOptions
	fs := newFlagSet("test", `
Usage: stepstudio test [FILES|DIRS] [--run PATTERN] [--format text|json|junit] [--coverage FILE] [--min-coverage N] [--update]
Runs the scenario suites (NAME.tests.yaml, .yml or .json beside the workflow
NAME.asl.json) found in the folders given (default: the current one; hidden,
node_modules and testdata folders are skipped unless given) or named,
checks each scenario's expectations and reports every one that failed.
--coverage FILE writes which states and transitions the scenarios reached as
JSON, and beside it one SVG diagram per workflow (FILE's name, the workflow's
name, .svg) with what was never reached drawn red and dashed.
--update rewrites the exact expectations with what the runs did (showing what
changed), then runs again.
Exit 0 when every scenario passes (and coverage reaches --min-coverage), 1 when
one fails, 2 on a usage error or a test file that cannot be used.`)
	fs.StringVar(&o.run, "run", "", "run only the scenarios whose name matches this regular expression")
	fs.StringVar(&o.format, "format", "text", "output format: text, json or junit (JUnit XML for CI)")
	fs.StringVar(&o.coverage, "coverage", "", "write coverage JSON to this file (and an SVG diagram per workflow beside it)")
	fs.Float64Var(&o.minCoverage, "min-coverage", 0, "fail when a workflow's coverage is below this percentage (0-100)")
	fs.BoolVar(&o.update, "update", false, "accept the actual results as the new expectations")
	fs.IntVar(&o.workers, "workers", 0, "scenarios run at once (default: the number of CPUs)")
	paths, err := parseArgs(fs, args, s.Out)
	if err != nil {
		return err
	}
	switch o.format {
	case "text", "json", "junit":
	default:
		return usagef("--format must be text, json or junit, not %q", o.format)
	}
	if o.minCoverage < 0 || o.minCoverage > 100 {
		return usagef("--min-coverage must be a percentage from 0 to 100, not %g", o.minCoverage)
	}
	if o.workers < 0 {
		return usagef("--workers must be 0 (the CPUs) or more, not %d", o.workers)
	}
	var pattern *regexp.Regexp
	if o.run != "" {
		if pattern, err = regexp.Compile(o.run); err != nil {
			return usagef("--run is not a regular expression: %v", err)
		}
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	found, err := findSuites(paths)
	if err != nil {
		return err
	}
	suites, err := loadSuites(found)
	if err != nil {
		return err
	}
	opt := suite.Options{Workers: o.workers}
	if pattern != nil {
		opt.Select = func(_ *suite.Suite, sc *suite.Scenario) bool { return pattern.MatchString(sc.Name) }
	}
	tuneGC()
	results := suite.Run(ctx, suites, opt)
	if o.update {
		if suites, err = updateSuites(suites, results, s.Err); err != nil {
			return err
		}
		results = suite.Run(ctx, suites, opt)
	}
	if len(results) == 0 && o.run != "" {
		return usagef("no scenario matches --run %q", o.run)
	}
	if len(results) == 0 {
		return badInput(errors.New("the test files hold no scenarios"))
	}
	cov := suite.Measure(results)
	if err := printTests(s.Out, o.format, results, cov, o.coverage != ""); err != nil {
		return err
	}
	if o.coverage != "" {
		if err := writeCoverage(ctx, o.coverage, cov); err != nil {
			return err
		}
	}
	failed := slices.ContainsFunc(results, func(r *suite.Result) bool { return !r.Passed() })
	for _, c := range cov {
		if o.minCoverage > 0 && c.Percent < o.minCoverage {
			fmt.Fprintf(s.Err, "stepstudio test: %s: coverage %.1f%% is below --min-coverage %g%%\n", workflowName(c.Workflow, c.MachineID), c.Percent, o.minCoverage)
			failed = true
		}
	}
	if failed {
		return errProblems
	}
	return nil
}

// findSuites lists the test files named, and those under the folders
// named, in a stable order. Hidden folders, node_modules and testdata
// (fixtures, as the go tool treats them) are skipped unless named.
func findSuites(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, badInput(err)
		}
		if !info.IsDir() {
			if !suite.IsTestFile(p) {
				return nil, usagef("%s is not a test file: its name must end in %s", p, strings.Join(suite.Suffixes, ", "))
			}
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != p && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			if d.Type().IsRegular() && suite.IsTestFile(d.Name()) {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, badInput(err)
		}
	}
	if len(out) == 0 {
		return nil, badInput(fmt.Errorf("no test files (%s) in %s", strings.Join(suite.Suffixes, ", "), strings.Join(paths, " ")))
	}
	return out, nil
}

// loadSuites reads every test file, reporting the problems of all of them
// at once.
func loadSuites(paths []string) ([]*suite.Suite, error) {
	var (
		out  []*suite.Suite
		errs []error
	)
	for _, p := range paths {
		s, err := suite.Load(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, s)
	}
	if len(errs) > 0 {
		return nil, badInput(errors.Join(errs...))
	}
	return out, nil
}

// updateSuites writes each suite's updated expectations (atomically, in
// its own format), says what changed, and reloads the files.
func updateSuites(suites []*suite.Suite, results []*suite.Result, w io.Writer) ([]*suite.Suite, error) {
	var paths []string
	for _, s := range suites {
		paths = append(paths, s.File)
		data, changes, err := s.Update(results)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.File, err)
		}
		if len(changes) == 0 {
			fmt.Fprintf(w, "%s: no change\n", s.File)
			continue
		}
		if err := files.Write(s.File, data); err != nil {
			return nil, err
		}
		fmt.Fprintf(w, "%s: updated %d expectation(s):\n", s.File, len(changes))
		for _, c := range changes {
			fmt.Fprintf(w, "  %s\n", c)
		}
	}
	return loadSuites(paths)
}

// writeCoverage writes the JSON report to file and each workflow's SVG
// beside it.
func writeCoverage(ctx context.Context, file string, cov []*suite.Coverage) error {
	b, err := json.MarshalIndent(map[string]any{"workflows": cov}, "", "  ")
	if err != nil {
		return err
	}
	if err := files.Write(file, append(b, '\n')); err != nil {
		return badInput(fmt.Errorf("--coverage: %w", err))
	}
	base := strings.TrimSuffix(file, filepath.Ext(file))
	for _, c := range cov {
		svg, err := coverageSVG(ctx, c)
		if err != nil {
			return fmt.Errorf("coverage diagram of %s: %w", c.Workflow, err)
		}
		if err := files.Write(base+"."+suiteMachineName(c.Workflow, c.MachineID)+".svg", svg); err != nil {
			return badInput(fmt.Errorf("--coverage: %w", err))
		}
	}
	return nil
}
