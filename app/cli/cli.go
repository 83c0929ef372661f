// Package cli holds the headless subcommands of the stepstudio binary.
// It never imports Wails, so it works in a binary built without tags.
package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
)

// Streams are the standard streams a command reads and writes.
type Streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// Exit codes shared by every command.
const (
	ExitOK    = 0 // success
	ExitFail  = 1 // the command ran and found a problem (invalid definition, failed run)
	ExitUsage = 2 // bad flags or arguments
)

type command struct {
	summary string
	run     func(ctx context.Context, args []string, s Streams) error
	// brief commands read, compute and write, with nothing to end cleanly:
	// Ctrl+C simply ends the process. The others get a ctx that Ctrl+C
	// cancels (a run stops, serve closes its store), and pay for the
	// signal handler's goroutine at start (~0.2 ms).
	brief bool
}

// commands is the one table of subcommands; each lives in its own file.
var commands = map[string]command{
	"version":    {"print the version", runVersion, true},
	"graph":      {"draw a definition's diagram as JSON, SVG or PNG", runGraph, true},
	"run":        {"run a state machine locally", runRun, false},
	"validate":   {"validate ASL definitions (JSON or YAML) and the state machines of IaC templates", runValidate, true},
	"export":     {"export a definition to ASL JSON/YAML, SAM, CloudFormation, CDK or Terraform", runExport, true},
	"diff":       {"compare two versions of a workflow (files or REV:path git revisions)", runDiff, true},
	"doc":        {"write a workflow's process handbook as HTML or Markdown", runDoc, true},
	"test":       {"run scenario suites (NAME.tests.yaml) with expectations and coverage", runTest, false},
	"test-state": {"test one state as AWS's TestState API does, with a mocked task", runTestState, false},
	"serve":      {"serve the Step Functions API on this computer for the AWS CLI and SDKs", runServe, false},
	"deploy":     {"deploy a workflow to AWS Step Functions (or --endpoint-url): create or update, publish, alias, pull", runDeploy, false},
	"executions": {"list, show, start, stop and redrive executions in AWS Step Functions", runExecutions, false},
}

// IsCommand reports whether args name a subcommand (or ask for help)
// rather than starting the studio window (no arguments, only Wails' own
// -flags such as -devserver, or a definition file to open: see FileArg).
func IsCommand(args []string) bool {
	if len(args) == 0 {
		return false
	}
	if isHelp(args[0]) {
		return true
	}
	return !strings.HasPrefix(args[0], "-") && FileArg(args) == ""
}

func isHelp(arg string) bool {
	switch arg {
	case "help", "-h", "-help", "--help":
		return true
	}
	return false
}

// FileArg is the file `stepstudio path/to/flow.asl.json` asks the window to
// open: a first argument that is no command's name and names an existing
// file. "" when there is none.
func FileArg(args []string) string {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") || isHelp(args[0]) {
		return ""
	}
	if _, ok := commands[args[0]]; ok {
		return ""
	}
	if info, err := os.Stat(args[0]); err != nil || info.IsDir() {
		return ""
	}
	return args[0]
}

// Main runs the subcommand named by args[0] and returns the process exit
// code. "help" alone lists the commands; "help CMD" is "CMD --help".
func Main(ctx context.Context, args []string, s Streams) int {
	if len(args) == 0 || isHelp(args[0]) {
		if len(args) > 1 {
			if _, ok := commands[args[1]]; ok {
				return Main(ctx, []string{args[1], "--help"}, s)
			}
			return report(s.Err, "help", usagef("unknown command %q", args[1]))
		}
		printUsage(s.Out)
		return ExitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		return report(s.Err, "", usagef("unknown command %q", args[0]))
	}
	if !cmd.brief {
		var stop context.CancelFunc
		ctx, stop = signal.NotifyContext(ctx, os.Interrupt)
		defer stop()
	}
	return report(s.Err, args[0], cmd.run(ctx, args[1:], s))
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: stepstudio [COMMAND] [ARGS]")
	fmt.Fprintln(w, "\nWithout a command, opens the studio window on its welcome (new, open, recent, the example);")
	fmt.Fprintln(w, "'stepstudio FILE' opens FILE (.asl.json, .asl.yaml, ...) in the window, without the welcome.")
	fmt.Fprintln(w, "\nCommands:")
	fmt.Fprintf(w, "  %-10s %s\n", "help", "list the commands")
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-10s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(w, "\nRun 'stepstudio COMMAND --help' (or 'stepstudio help COMMAND') for a command's flags.")
}
