package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// Commands return an error and Main hands it to report, the one place that
// prints errors and picks exit codes:
//
//   - nil, or flag.ErrHelp after usage was printed: exit 0;
//   - errProblems: the command ran and its own output already shows what
//     is wrong (an invalid definition, a failed run): exit 1, nothing more;
//   - a usage error (usagef): exit 2, with a pointer to the command's help;
//   - an input error (badInput): the input cannot be used at all (missing,
//     unreadable or invalid definition, malformed input): exit 2;
//   - anything else: the command ran and failed: exit 1.
var errProblems = errors.New("problems found")

type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// usagef reports a bad flag or argument.
func usagef(format string, a ...any) error {
	return &usageError{fmt.Sprintf(format, a...)}
}

type inputError struct{ err error }

func (e *inputError) Error() string { return e.err.Error() }
func (e *inputError) Unwrap() error { return e.err }

// badInput marks err as a problem with what the user gave: exit 2.
func badInput(err error) error {
	if err == nil {
		return nil
	}
	return &inputError{err}
}

// report prints err for command cmd on w and returns the exit code.
func report(w io.Writer, cmd string, err error) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.Is(err, errProblems):
		return ExitFail
	}
	prefix := "stepstudio"
	if cmd != "" {
		prefix += " " + cmd
	}
	fmt.Fprintf(w, "%s: %v\n", prefix, err)
	var u *usageError
	if errors.As(err, &u) {
		if cmd != "" {
			fmt.Fprintf(w, "Run 'stepstudio %s --help' for its flags.\n", cmd)
		} else {
			fmt.Fprintln(w, "Run 'stepstudio help' for the commands.")
		}
		return ExitUsage
	}
	var in *inputError
	if errors.As(err, &in) {
		return ExitUsage
	}
	return ExitFail
}
