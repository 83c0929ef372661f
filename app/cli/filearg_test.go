package cli_test

import (
	"path/filepath"
	"testing"

	"github.com/stepstudio/stepstudio/app/cli"
)

// `stepstudio flow.asl.json` opens the window on the file; command names,
// Wails flags and names of missing files keep their old meaning.
func TestFileArgOpensTheWindow(t *testing.T) {
	existing := filepath.Join("testdata", "graph", "invalid.asl.json")
	tests := []struct {
		args    []string
		file    string
		command bool
	}{
		{nil, "", false},
		{[]string{existing}, existing, false},
		{[]string{"-devserver", "127.0.0.1:1"}, "", false},
		{[]string{"graph", existing}, "", true},
		{[]string{"missing.asl.json"}, "", true}, // reported as an unknown command, exit 2
		{[]string{"testdata"}, "", true},         // a folder is not a file to open
	}
	for _, tc := range tests {
		if got := cli.FileArg(tc.args); got != tc.file {
			t.Errorf("FileArg(%q) = %q, want %q", tc.args, got, tc.file)
		}
		if got := cli.IsCommand(tc.args); got != tc.command {
			t.Errorf("IsCommand(%q) = %v, want %v", tc.args, got, tc.command)
		}
	}
}
