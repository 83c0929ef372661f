package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/stepstudio/stepstudio/app/cloud"
	"github.com/stepstudio/stepstudio/app/files"
)

const executionsUsage = `
Usage: stepstudio executions list    (--state-machine NAME|ARN | --flow FLOW | --map-run ARN) [--status S] [--name-contains T] [--max N] [--next-token T]
       stepstudio executions show    EXECUTION_ARN [--history] [--reverse] [--max N]
       stepstudio executions start   (--state-machine NAME|ARN | --flow FLOW) [--name N] [--input FILE|-] [--sync] [--wait]
       stepstudio executions stop    EXECUTION_ARN [--error E] [--cause C]
       stepstudio executions redrive EXECUTION_ARN [--wait]
Lists, shows, starts, stops and redrives executions in AWS Step Functions (or the endpoint
given with --endpoint-url, e.g. stepstudio serve). Every subcommand also takes --profile,
--region, --endpoint-url and --format text|json. --flow takes the state machine from FLOW's
NAME.studio.json, as deploy recorded it. show --history prints the events in AWS's
GetExecutionHistory shape (stepstudio run --history's), which the studio opens as a run;
--reverse puts the newest first (for long histories). Express executions have no history
in AWS: show says so. --wait polls until the execution ends.
Exit 0 on success (with --wait: the execution SUCCEEDED), 1 when AWS refused or the
execution ended otherwise, 2 on a usage error.`

func runExecutions(ctx context.Context, args []string, s Streams) error {
	if len(args) == 0 {
		return usagef("give a subcommand: list, show, start, stop or redrive")
	}
	sub, rest := args[0], args[1:]
	if isHelp(sub) {
		fs := newFlagSet("executions", executionsUsage)
		addExecutionFlags(fs, "")
		_, err := parseArgs(fs, []string{"--help"}, s.Out)
		return err
	}
	switch sub {
	case "list", "show", "start", "stop", "redrive":
	default:
		return usagef("unknown subcommand %q: list, show, start, stop or redrive", sub)
	}
	fs := newFlagSet("executions "+sub, executionsUsage)
	f := addExecutionFlags(fs, sub)
	pos, err := parseArgs(fs, rest, s.Out)
	if err != nil {
		return err
	}
	if err := f.check(); err != nil {
		return err
	}
	switch sub {
	case "list", "start":
		if len(pos) > 0 {
			return usagef("executions %s takes no arguments (the state machine is --state-machine or --flow), got %q", sub, pos[0])
		}
		given := 0
		for _, v := range []string{f.machine, f.flow, f.mapRun} {
			if v != "" {
				given++
			}
		}
		if given != 1 {
			return usagef("give the state machine: --state-machine NAME|ARN or --flow FLOW (or, to list a Map Run's child executions, --map-run ARN)")
		}
	default:
		if len(pos) != 1 || !strings.HasPrefix(pos[0], "arn:") {
			return usagef("executions %s takes one execution ARN", sub)
		}
	}
	machine := f.machine
	if f.flow != "" {
		cfg, err := deployConfig(f.flow)
		if err != nil {
			return err
		}
		if machine = cfg.StateMachineArn; machine == "" {
			machine = cfg.Name
		}
		if machine == "" {
			return badInput(fmt.Errorf("%s was never deployed from Stepstudio: give --state-machine", f.flow))
		}
	}
	var input string
	if f.input != "" {
		data, err := readInputText(f.input, s.In)
		if err != nil {
			return badInput(err)
		}
		input = string(data)
	}
	c, err := f.connect(ctx)
	if err != nil {
		return cloudFailure(f.cloudFlags, s.Out, err)
	}
	err = f.do(ctx, c, sub, machine, pos, input, s.Out)
	return cloudFailure(f.cloudFlags, s.Out, err)
}

type executionFlags struct {
	*cloudFlags
	machine, flow, status, nameContains, nextToken string
	mapRun                                         string
	max                                            int
	history, reverse, sync, wait                   bool
	name, input, errName, cause                    string
}

// addExecutionFlags adds the flags of subcommand sub ("" for all, for
// --help).
func addExecutionFlags(fs *flag.FlagSet, sub string) *executionFlags {
	f := &executionFlags{cloudFlags: addCloudFlags(fs)}
	has := func(subs ...string) bool {
		for _, x := range subs {
			if sub == "" || sub == x {
				return true
			}
		}
		return false
	}
	if has("list", "start") {
		fs.StringVar(&f.machine, "state-machine", "", "state machine name or ARN (a version's or alias's ARN to start it)")
		fs.StringVar(&f.flow, "flow", "", "workflow file whose NAME.studio.json names the deployed state machine")
	}
	if has("list") {
		fs.StringVar(&f.status, "status", "", "only RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED or PENDING_REDRIVE")
		fs.StringVar(&f.nameContains, "name-contains", "", "only executions whose name contains this (any case)")
		fs.StringVar(&f.nextToken, "next-token", "", "continue a list from the token the last one printed")
		fs.StringVar(&f.mapRun, "map-run", "", "list the child executions of this Map Run (a Distributed Map's run ARN)")
	}
	if has("list", "show") {
		fs.IntVar(&f.max, "max", 0, "how many executions (list, default 50) or events (show --history, default all)")
	}
	if has("show") {
		fs.BoolVar(&f.history, "history", false, "print the execution's events")
		fs.BoolVar(&f.reverse, "reverse", false, "newest events first")
	}
	if has("start") {
		fs.StringVar(&f.name, "name", "", "execution name (default: AWS picks one)")
		fs.StringVar(&f.input, "input", "", "input JSON file, or - for standard input (default {})")
		fs.BoolVar(&f.sync, "sync", false, "run an EXPRESS state machine to its end and print the result (StartSyncExecution)")
	}
	if has("start", "redrive") {
		fs.BoolVar(&f.wait, "wait", false, "wait until the execution ends; exit 1 unless it SUCCEEDED")
	}
	if has("stop") {
		fs.StringVar(&f.errName, "error", "", "error name recorded with the stop")
		fs.StringVar(&f.cause, "cause", "", "cause recorded with the stop")
	}
	return f
}

func (f *executionFlags) do(ctx context.Context, c *cloud.Client, sub, machine string, pos []string, input string, out io.Writer) error {
	switch sub {
	case "list":
		page, err := c.List(ctx, machine, cloud.ListFilter{Status: f.status, NameContains: f.nameContains, Max: f.max, NextToken: f.nextToken, MapRunArn: f.mapRun})
		if err != nil {
			return err
		}
		return printJSONOr(f.cloudFlags, out, page, func() string { return listText(page) })
	case "show":
		e, err := c.DescribeExecution(ctx, pos[0])
		if err != nil {
			return err
		}
		if !f.history {
			return printJSONOr(f.cloudFlags, out, e, func() string { return executionText(e) })
		}
		events, err := historyEvents(ctx, c, e, f.reverse, f.max)
		if err != nil {
			return err
		}
		if f.format == "json" {
			return writeJSON(out, struct {
				*cloud.Execution
				Events []rawJSON `json:"events"`
			}{e, events})
		}
		_, err = fmt.Fprint(out, executionText(e)+historyText(events))
		return err
	case "start":
		e, err := c.Start(ctx, machine, cloud.StartOptions{Name: f.name, Input: input, Sync: f.sync})
		if err != nil {
			return err
		}
		return f.finish(ctx, c, e, out)
	case "stop":
		if err := c.Stop(ctx, pos[0], f.errName, f.cause); err != nil {
			return err
		}
		e, err := c.DescribeExecution(ctx, pos[0])
		if err != nil {
			return err
		}
		return printJSONOr(f.cloudFlags, out, e, func() string { return executionText(e) })
	case "redrive":
		e, err := c.Redrive(ctx, pos[0])
		if err != nil {
			return err
		}
		return f.finish(ctx, c, e, out)
	}
	return nil
}

// finish prints a started or redriven execution, after waiting for its
// end with --wait (polling with back-off: 100 ms doubling to 5 s).
func (f *executionFlags) finish(ctx context.Context, c *cloud.Client, e *cloud.Execution, out io.Writer) error {
	if f.wait {
		for delay := 100 * time.Millisecond; e.Status == "RUNNING"; delay = min(2*delay, 5*time.Second) {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(delay):
			}
			var err error
			if e, err = c.DescribeExecution(ctx, e.Arn); err != nil {
				return err
			}
		}
	}
	if err := printJSONOr(f.cloudFlags, out, e, func() string { return executionText(e) }); err != nil {
		return err
	}
	if (f.wait || f.sync) && e.Status != "SUCCEEDED" {
		return errProblems
	}
	return nil
}

// historyEvents reads the history (all of it, or max events), oldest
// first unless reverse.
func historyEvents(ctx context.Context, c *cloud.Client, e *cloud.Execution, reverse bool, max int) ([]rawJSON, error) {
	var events []rawJSON
	o := cloud.HistoryOptions{Reverse: reverse}
	for {
		if max > 0 {
			o.Max = max - len(events)
		}
		page, err := c.History(ctx, e.Arn, o)
		if err != nil {
			return nil, err
		}
		events = append(events, page.Events...)
		if page.NextToken == "" || (max > 0 && len(events) >= max) {
			return events, nil
		}
		o.NextToken = page.NextToken
	}
}

func listText(p *cloud.ExecutionPage) string {
	if len(p.Executions) == 0 {
		return "No executions.\n"
	}
	var b strings.Builder
	for _, e := range p.Executions {
		fmt.Fprintf(&b, "%-16s %-26s %s\n  %s\n", e.Status, e.StartDate, e.Name, e.Arn)
	}
	if p.NextToken != "" {
		fmt.Fprintf(&b, "More: --next-token %s\n", p.NextToken)
	}
	return b.String()
}

func executionText(e *cloud.Execution) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n%s\n", e.Name, e.Status, e.Arn)
	if e.StartDate != "" {
		fmt.Fprintf(&b, "started %s", e.StartDate)
		if e.StopDate != "" {
			fmt.Fprintf(&b, ", ended %s", e.StopDate)
		}
		b.WriteString("\n")
	}
	if e.Error != "" || e.Cause != "" {
		fmt.Fprintf(&b, "error: %s\ncause: %s\n", e.Error, e.Cause)
	}
	if e.Output != "" {
		fmt.Fprintf(&b, "output: %s\n", e.Output)
	}
	if e.RedriveCount > 0 {
		fmt.Fprintf(&b, "redriven %d time(s)\n", e.RedriveCount)
	}
	if e.Status != "RUNNING" && e.Status != "SUCCEEDED" && e.RedriveStatus != "" && e.RedriveStatus != "REDRIVABLE" && e.RedriveStatusReason != "" {
		fmt.Fprintf(&b, "cannot be redriven: %s\n", e.RedriveStatusReason)
	}
	if e.HistoryNote != "" {
		fmt.Fprintf(&b, "%s\n", e.HistoryNote)
	}
	return b.String()
}

func historyText(events []rawJSON) string {
	var b strings.Builder
	for _, raw := range events {
		var e struct {
			ID        int64  `json:"id"`
			Type      string `json:"type"`
			Timestamp string `json:"timestamp"`
			Entered   *struct {
				Name string `json:"name"`
			} `json:"stateEnteredEventDetails"`
		}
		_ = json.Unmarshal(raw, &e)
		fmt.Fprintf(&b, "%4d %-26s %s", e.ID, e.Timestamp, e.Type)
		if e.Entered != nil {
			fmt.Fprintf(&b, " %q", e.Entered.Name)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// readInputText reads an execution input file (or - for standard input)
// as text: AWS takes and checks it.
func readInputText(p string, stdin io.Reader) ([]byte, error) {
	if p == "-" {
		return files.ReadAll(stdin, "standard input", files.Inputs)
	}
	return files.ReadFile(p, files.Inputs)
}
