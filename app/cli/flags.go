package cli

import (
	"errors"
	"flag"
	"path/filepath"
	"strings"
)

// parseArgs is parseFlagsAnywhere for a command: when parsing ends the
// command (--help, or a bad flag the flag package has reported) ok is
// false and exit is the code to end with.
func parseArgs(fs *flag.FlagSet, args []string) (pos []string, exit int, ok bool) {
	pos, err := parseFlagsAnywhere(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return nil, ExitOK, false
	case err != nil:
		return nil, ExitUsage, false
	}
	return pos, ExitOK, true
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
