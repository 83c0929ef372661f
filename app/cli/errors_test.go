package cli_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/cli"
)

// Every command answers help the same three ways, on stdout with exit 0,
// and every error goes through the one printer: "stepstudio CMD: ..." on
// stderr with the documented exit code.
func TestHelpAndErrorsEverywhere(t *testing.T) {
	for _, name := range []string{"validate", "run", "graph", "export", "version"} {
		for _, args := range [][]string{{name, "--help"}, {name, "-h"}, {"help", name}} {
			var out, errb bytes.Buffer
			code := cli.Main(context.Background(), args, cli.Streams{In: strings.NewReader(""), Out: &out, Err: &errb})
			if code != cli.ExitOK || !strings.Contains(out.String(), "Usage: stepstudio "+name) || errb.Len() != 0 {
				t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out.String(), errb.String())
			}
		}
		var out, errb bytes.Buffer
		code := cli.Main(context.Background(), []string{name, "--no-such-flag"}, cli.Streams{Out: &out, Err: &errb})
		want := "stepstudio " + name + ": flag provided but not defined: -no-such-flag\nRun 'stepstudio " + name + " --help' for its flags.\n"
		if code != cli.ExitUsage || errb.String() != want || out.Len() != 0 {
			t.Errorf("%s with a bad flag: exit %d, stdout %q, stderr %q; want stderr %q", name, code, out.String(), errb.String(), want)
		}
	}
	for _, args := range [][]string{nil, {"help"}, {"--help"}, {"-h"}} {
		var out bytes.Buffer
		if code := cli.Main(context.Background(), args, cli.Streams{Out: &out, Err: &bytes.Buffer{}}); code != cli.ExitOK || !strings.Contains(out.String(), "Commands:") {
			t.Errorf("%q: exit %d, stdout %q", args, code, out.String())
		}
	}
	var errb bytes.Buffer
	if code := cli.Main(context.Background(), []string{"frobnicate"}, cli.Streams{Out: &bytes.Buffer{}, Err: &errb}); code != cli.ExitUsage ||
		errb.String() != "stepstudio: unknown command \"frobnicate\"\nRun 'stepstudio help' for the commands.\n" {
		t.Errorf("unknown command: exit %d, stderr %q", code, errb.String())
	}
}

// Help must never reach the window: main asks IsCommand first, and a build
// without GTK would otherwise print a build-tag error for --help.
func TestHelpIsACommand(t *testing.T) {
	for _, a := range []string{"help", "-h", "-help", "--help"} {
		if !cli.IsCommand([]string{a}) {
			t.Errorf("IsCommand(%q) = false", a)
		}
	}
	if cli.IsCommand([]string{"-devserver", "127.0.0.1:1"}) || cli.IsCommand(nil) {
		t.Error("the window's own flags are no command")
	}
}
