package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// newFlagSet returns the flag set of command name; usage is the text shown
// above the flags by --help. Parse errors are not printed here: parseArgs
// returns them to the one printer.
func newFlagSet(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), strings.TrimSpace(usage))
		fmt.Fprintln(fs.Output(), "\nFlags:")
		fs.PrintDefaults()
	}
	return fs
}

// parseArgs parses a command's flags wherever they stand. --help (-h)
// prints the usage on out and returns flag.ErrHelp, which ends the
// command with exit 0; a bad flag is a usage error.
func parseArgs(fs *flag.FlagSet, args []string, out io.Writer) ([]string, error) {
	pos, err := parseFlagsAnywhere(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(out)
		fs.Usage()
		return nil, flag.ErrHelp
	case err != nil:
		return nil, usagef("%v", err)
	}
	return pos, nil
}

// parseFlagsAnywhere parses flags that come before, between or after the
// positional arguments (`run def.json --history`); "--" ends flag parsing.
func parseFlagsAnywhere(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// machineName names a state machine after its file: "order-process" from
// "path/order-process.asl.json", as mock files and exports name it.
func machineName(p string) string {
	base := filepath.Base(p)
	for _, ext := range []string{".json", ".yaml", ".yml", ".asl"} {
		base = strings.TrimSuffix(base, ext)
	}
	if base == "-" || base == "" {
		return "state-machine"
	}
	return base
}
