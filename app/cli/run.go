package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/handler"
	"github.com/stepstudio/stepstudio/schema"
)

// runOptions are the flags of `stepstudio run`.
type runOptions struct {
	definition     string
	input          string
	mockConfig     string
	handlers       string
	testCase       string
	wait           string
	history        bool
	format         string
	maxTransitions int64
	typ            string
	s3Root         string
}

func runRun(ctx context.Context, args []string, s Streams) error {
	var o runOptions
	fs := newFlagSet("run", `
Usage: stepstudio run DEFINITION [--input FILE|-] [--mock-config FILE --test-case NAME] [--wait skip|real|scale=F] [--history] [--format text|json] [--handlers FILE] [--max-transitions N] [--type standard|express] [--s3-root DIR]
Runs a state machine locally. Exit 0 when it SUCCEEDED, 1 on any other end, 2 on a usage error or an invalid definition.`)
	fs.StringVar(&o.input, "input", "", "execution input: a JSON file, or - for stdin (default {})")
	fs.StringVar(&o.mockConfig, "mock-config", "", "AWS MockConfigFile with mocked task responses")
	fs.StringVar(&o.testCase, "test-case", "", "test case of the mock config to use")
	fs.StringVar(&o.handlers, "handlers", "", "JSON file binding states or resources to local commands, HTTP or Lambda endpoints")
	fs.StringVar(&o.wait, "wait", "skip", "waits and retry delays: skip, real, or scale=F (F times real time, from 1e-6 to 1e6)")
	fs.BoolVar(&o.history, "history", false, "print the execution history (AWS GetExecutionHistory shape)")
	fs.StringVar(&o.format, "format", "text", "output format: text or json")
	fs.Int64Var(&o.maxTransitions, "max-transitions", 1_000_000, "fail the run after this many state transitions: states entered and retry attempts (a positive number)")
	fs.StringVar(&o.typ, "type", "standard", "workflow type: standard (its history stops at AWS's 25,000 events) or express (no history limit)")
	fs.StringVar(&o.s3Root, "s3-root", "", "folder standing in for S3 in distributed Maps: s3://bucket/key is DIR/bucket/key (ItemReader reads, ResultWriter writes)")
	pos, err := parseArgs(fs, args, s.Out)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("give exactly one DEFINITION file")
	}
	o.definition = pos[0]
	if o.format != "text" && o.format != "json" {
		return usagef("--format must be text or json, not %q", o.format)
	}
	if (o.mockConfig == "") != (o.testCase == "") {
		return usagef("--mock-config and --test-case go together")
	}
	if o.maxTransitions <= 0 {
		return usagef("--max-transitions must be a positive number, not %d", o.maxTransitions)
	}
	if t := strings.ToUpper(o.typ); t != string(engine.Standard) && t != string(engine.Express) {
		return usagef("--type must be standard or express, not %q", o.typ)
	}
	if o.s3Root != "" {
		if fi, err := os.Stat(o.s3Root); err != nil || !fi.IsDir() {
			return usagef("--s3-root %s is not a folder", o.s3Root)
		}
	}
	clock, err := parseWait(o.wait)
	if err != nil {
		return usagef("%v", err)
	}
	tuneGC()
	return execute(ctx, o, clock, s)
}

// parseWait maps --wait to a clock: nil (virtual, the engine's default),
// real, or scaled.
func parseWait(w string) (engine.Clock, error) {
	switch {
	case w == "skip":
		return nil, nil
	case w == "real":
		return engine.RealClock(), nil
	case strings.HasPrefix(w, "scale="):
		// NaN, Inf and 1e300 parse (1e400 as +Inf with ErrRange);
		// CheckScale refuses them, as they overflow the clock's arithmetic.
		f, err := strconv.ParseFloat(strings.TrimPrefix(w, "scale="), 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) || engine.CheckScale(f) != nil {
			return nil, fmt.Errorf("--wait scale=F needs a number from %g to %g, not %q", engine.MinScale, engine.MaxScale, w)
		}
		return engine.ScaledClock(f), nil
	}
	return nil, fmt.Errorf("--wait must be skip, real or scale=F, not %q", w)
}

func execute(ctx context.Context, o runOptions, clock engine.Clock, s Streams) error {
	// Side by side on the machine's cores: the validator's JSON Schema is
	// prepared while the definition is read and parsed, and an input file
	// is read and decoded while the definition is validated (standard
	// input is read only once the definition is known to be valid).
	go schema.Prepare()
	type decoded struct {
		v   any
		err error
	}
	var inputCh chan decoded
	if o.input != "-" {
		inputCh = make(chan decoded, 1)
		go func() {
			v, err := readInput(o.input, s.In)
			inputCh <- decoded{v, err}
		}()
	}
	m, err := loadMachine(o.definition)
	if err != nil {
		return badInput(err)
	}
	var input any
	if inputCh != nil {
		in := <-inputCh
		input, err = in.v, in.err
	} else {
		input, err = readInput(o.input, s.In)
	}
	if err != nil {
		return badInput(fmt.Errorf("input: %w", err))
	}
	opts, err := engineOptions(o, clock)
	if err != nil {
		return badInput(err)
	}
	result, err := m.Run(ctx, input, opts...)
	if err != nil {
		// The run did not start: what was given cannot run (an input over
		// 256 KiB, a test case mocking a state the definition lacks).
		return badInput(err)
	}
	if err := printResult(s.Out, o, result); err != nil {
		return err
	}
	if result.Cause != nil && strings.Contains(*result.Cause, "has no result for resource") {
		fmt.Fprintln(s.Err, "stepstudio run: give tasks results with --mock-config FILE --test-case NAME, or --handlers FILE")
	}
	if result.Status != engine.StatusSucceeded {
		return errProblems
	}
	return nil
}

// invalidDefinition lists a definition's errors, compiler style.
type invalidDefinition struct {
	file string
	res  schema.Result
}

func (e *invalidDefinition) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s is not a valid state machine definition:", e.file)
	for _, d := range e.res.Diagnostics {
		if d.Severity == schema.Error {
			fmt.Fprintf(&b, "\n  %s:%d:%d: %s %s (%s)", e.file, d.Range.Start.Line, d.Range.Start.Column, d.Code, d.Message, d.Location)
		}
	}
	return b.String()
}

// loadMachine reads, validates and compiles the definition; an invalid one
// is refused with the validator's diagnostics.
func loadMachine(file string) (*engine.Machine, error) {
	src, err := files.ReadFile(file, files.Definitions)
	if err != nil {
		return nil, err
	}
	res := schema.Validate(file, src, schema.Options{})
	if !res.Valid() {
		return nil, &invalidDefinition{file, res}
	}
	return engine.Compile(res.Document)
}

// engineOptions turns the flags into engine options: the clock, the
// history, the cap, mocks first, then handlers.
func engineOptions(o runOptions, clock engine.Clock) ([]engine.Option, error) {
	opts := []engine.Option{engine.WithMaxTransitions(o.maxTransitions), engine.WithType(engine.StateMachineType(strings.ToUpper(o.typ)))}
	if clock != nil {
		opts = append(opts, engine.WithClock(clock))
	}
	if !o.history {
		opts = append(opts, engine.WithoutHistory())
	}
	if o.s3Root != "" {
		opts = append(opts, engine.WithS3Root(o.s3Root))
	}
	if o.mockConfig != "" {
		tc, err := loadMocks(o.mockConfig, o.testCase, machineName(o.definition))
		if err != nil {
			return nil, err
		}
		opts = append(opts, engine.WithMocks(tc))
	}
	if o.handlers != "" {
		b, err := files.ReadFile(o.handlers, files.Mocks)
		if err != nil {
			return nil, err
		}
		set, err := handler.Parse(o.handlers, b)
		if err != nil {
			return nil, err // located: "handler config FILE:LINE:COL: ..."
		}
		opts = append(opts, engine.WithInvoker(set))
	}
	return opts, nil
}

// readInput reads the execution input: a file, stdin ("-"), or {}.
func readInput(name string, stdin io.Reader) (any, error) {
	var (
		b   []byte
		err error
	)
	switch name {
	case "":
		return map[string]any{}, nil
	case "-":
		b, err = files.ReadAll(stdin, "standard input", files.Inputs)
	default:
		b, err = files.ReadFile(name, files.Inputs)
	}
	if err != nil {
		return nil, err
	}
	v, err := engine.DecodeJSON(b)
	if err != nil {
		return nil, fmt.Errorf("%s is not JSON: %w", inputName(name), err)
	}
	return v, nil
}

func inputName(n string) string {
	if n == "-" {
		return "stdin"
	}
	return n
}

// runReport is the JSON shape of a run's result.
type runReport struct {
	Status string          `json:"status"`
	Output json.RawMessage `json:"output,omitempty"`
	Error  *string         `json:"error,omitempty"`
	Cause  *string         `json:"cause,omitempty"`
	Events []engine.Event  `json:"events,omitempty"`
	// MapRuns (with --history): each distributed Map run, its counts and
	// its child executions with their own histories.
	MapRuns []engine.MapRun `json:"mapRuns,omitempty"`
}

func printResult(w io.Writer, o runOptions, r engine.Result) error {
	if o.format == "json" && !o.history {
		return writeReport(w, r)
	}
	if o.format == "json" {
		rep := runReport{Status: r.Status, Error: r.Error, Cause: r.Cause}
		if r.Status == engine.StatusSucceeded {
			rep.Output = json.RawMessage(engine.EncodeJSON(r.Output))
		}
		if o.history {
			rep.Events = r.Events
			if rep.Events == nil {
				rep.Events = []engine.Event{}
			}
			rep.MapRuns = r.MapRuns
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return enc.Encode(rep)
	}
	if o.history {
		for _, e := range r.Events {
			fmt.Fprintf(w, "%4d %s %s%s\n", e.ID, e.Timestamp.UTC().Format("2006-01-02T15:04:05.000Z"), e.Type, eventSummary(e))
		}
	}
	for _, run := range r.MapRuns {
		c := run.ItemCounts
		fmt.Fprintf(w, "map run %s: %s, %d of %d items succeeded, %d failed, %d aborted\n", run.State, run.Status, c.Succeeded, c.Total, c.Failed+c.TimedOut, c.Aborted)
	}
	fmt.Fprintf(w, "status: %s\n", r.Status)
	if r.Status == engine.StatusSucceeded {
		fmt.Fprintf(w, "output: %s\n", engine.EncodeJSON(r.Output))
	}
	if r.Error != nil {
		fmt.Fprintf(w, "error: %s\n", *r.Error)
	}
	if r.Cause != nil {
		fmt.Fprintf(w, "cause: %s\n", *r.Cause)
	}
	return nil
}

// eventSummary names the state an event is about, for the text history.
func eventSummary(e engine.Event) string {
	switch {
	case e.StateEnteredEventDetails != nil:
		return " " + e.StateEnteredEventDetails.Name
	case e.StateExitedEventDetails != nil:
		return " " + e.StateExitedEventDetails.Name
	case e.MapIterationStartedEventDetails != nil:
		return fmt.Sprintf(" %s[%d]", e.MapIterationStartedEventDetails.Name, e.MapIterationStartedEventDetails.Index)
	case e.ExecutionFailedEventDetails != nil && e.ExecutionFailedEventDetails.Error != nil:
		return " " + *e.ExecutionFailedEventDetails.Error
	}
	return ""
}

// writeReport writes runReport without events as encoding/json would, but
// puts the output in as the engine encoded it: encoding/json re-scans a
// RawMessage to compact it, 8% of a 10,000-item Map run's whole process.
func writeReport(w io.Writer, r engine.Result) error {
	str := func(s string) []byte {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(s) // a string always encodes
		return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	}
	b := append([]byte(`{"status":`), str(r.Status)...)
	if r.Status == engine.StatusSucceeded {
		b = append(b, `,"output":`...)
		b = engine.AppendJSON(b, r.Output)
	}
	if r.Error != nil {
		b = append(append(b, `,"error":`...), str(*r.Error)...)
	}
	if r.Cause != nil {
		b = append(append(b, `,"cause":`...), str(*r.Cause)...)
	}
	_, err := w.Write(append(b, "}\n"...))
	return err
}
