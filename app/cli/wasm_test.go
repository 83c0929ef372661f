package cli_test

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/goccy/go-graphviz"

	"github.com/stepstudio/stepstudio/app/cli"
)

// Graphviz's WASM module costs ~40 ms and ~37 MiB to instantiate, so the
// headless commands that draw nothing must not: third_party/go-graphviz
// instantiates it on first use instead of in its package init. Each
// command runs in a process of its own (this test binary, running only
// TestWASMChild), since a process instantiates the module at most once.
func TestOnlyGraphStartsGraphviz(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		code    int
		started bool
	}{
		{[]string{"version"}, cli.ExitOK, false},
		{[]string{"help"}, cli.ExitOK, false},
		{[]string{"validate", "testdata/validate/good.asl.json", "testdata/validate/good.asl.yaml"}, cli.ExitOK, false},
		// one of the template's two machines is invalid on purpose
		{[]string{"validate", "testdata/iac/template.yaml"}, cli.ExitFail, false},
		{[]string{"run", "testdata/run/pass.asl.json", "--input", "testdata/run/name.json"}, cli.ExitOK, false},
		{[]string{"export", "--to", "asl-yaml", "testdata/validate/good.asl.json"}, cli.ExitOK, false},
		{[]string{"export", "--to", "sam", "testdata/validate/good.asl.json"}, cli.ExitOK, false},
		{[]string{"graph", orderProcess}, cli.ExitOK, true},
		{[]string{"graph", "--format", "svg", orderProcess}, cli.ExitOK, true},
	} {
		name := strings.Join(tc.args, " ")
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestWASMChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), wasmChildEnv+"="+strings.Join(tc.args, "\n"))
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			m := childResult.FindSubmatch(out)
			if m == nil {
				t.Fatalf("child printed no result:\n%s", out)
			}
			if code := string(m[1]); code != strconv.Itoa(tc.code) {
				t.Fatalf("exit %s, want %d:\n%s", code, tc.code, out)
			}
			n, _ := strconv.Atoi(string(m[2]))
			if tc.started && n == 0 {
				t.Errorf("instantiated the WASM module %d times, want at least once", n)
			}
			if !tc.started && n != 0 {
				t.Errorf("instantiated the WASM module %d times, want none", n)
			}
		})
	}
}

const wasmChildEnv = "STEPSTUDIO_TEST_WASM_CHILD"

var childResult = regexp.MustCompile(`(?m)^wasm-child: exit=(\d+) instantiations=(\d+)$`)

// TestWASMChild runs one command for TestOnlyGraphStartsGraphviz, in the
// process that test started, and prints its exit code and how many times
// the process (its package inits included) instantiated the module.
func TestWASMChild(t *testing.T) {
	args := os.Getenv(wasmChildEnv)
	if args == "" {
		t.Skip("run by TestOnlyGraphStartsGraphviz, in a process of its own")
	}
	code, _, errs := runCLI(strings.Split(args, "\n")...)
	fmt.Print(errs)
	fmt.Printf("wasm-child: exit=%d instantiations=%d\n", code, graphviz.WASMInstantiations())
}
