//go:build linux

package hostile

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hostileCase is one crafted input. Args may use {dir}, the case's own
// folder, where files are written and setup runs first.
type hostileCase struct {
	class string // what kind of attack, for the summary
	name  string
	files map[string]string
	setup func(t *testing.T, dir string)
	args  []string
	stdin string
	// stdinFile, when set, is opened as standard input ({dir} allowed).
	stdinFile string
	exit      int
	// want matches stdout+stderr; empty means no check.
	want string
	// post checks the folder afterwards (nothing written outside, old
	// file intact...).
	post func(dir string) error
	// Limits, defaults below: a case past them fails.
	maxMB      int
	maxSeconds float64
}

const (
	defaultMaxMB      = 256
	defaultMaxSeconds = 20
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "stepstudio-hostile-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "stepstudio")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Dir = moduleRoot()
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building stepstudio: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func moduleRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

type outcome struct {
	class, name string
	exit        int
	seconds     float64
	peakMB      float64
}

// TestHostileInputs runs every case of the catalogue (cases_*.go) and
// prints a summary per class: how many, the slowest and the largest.
func TestHostileInputs(t *testing.T) {
	cases := catalogue()
	if len(cases) < 150 {
		t.Errorf("the catalogue has %d cases; keep at least 150", len(cases))
	}
	seen := map[string]bool{}
	var results []outcome
	for _, c := range cases {
		key := c.class + "/" + c.name
		if seen[key] {
			t.Fatalf("two cases named %s", key)
		}
		seen[key] = true
		t.Run(key, func(t *testing.T) {
			results = append(results, runCase(t, c))
		})
	}
	summarize(t, results)
}

func runCase(t *testing.T, c hostileCase) outcome {
	dir := t.TempDir()
	for name, content := range c.files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if c.setup != nil {
		c.setup(t, dir)
	}
	maxSeconds, maxMB := c.maxSeconds, c.maxMB
	if maxSeconds == 0 {
		maxSeconds = defaultMaxSeconds
	}
	if maxMB == 0 {
		maxMB = defaultMaxMB
	}
	args := make([]string, len(c.args))
	for i, a := range c.args {
		args[i] = strings.ReplaceAll(a, "{dir}", dir)
	}
	// Twice the time limit before the kill, so a slow case is measured and
	// reported rather than cut off.
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(2*maxSeconds*float64(time.Second)))
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(c.stdin)
	if c.stdinFile != "" {
		f, err := os.Open(strings.ReplaceAll(c.stdinFile, "{dir}", dir))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		cmd.Stdin = f
	}
	cmd.Env = append(os.Environ(), "STEPSTUDIO_CONFIG_DIR="+filepath.Join(dir, ".config"))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start).Seconds()
	res := outcome{class: c.class, name: c.name, exit: -1, seconds: elapsed}
	if cmd.ProcessState != nil {
		res.exit = cmd.ProcessState.ExitCode()
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			res.peakMB = float64(ru.Maxrss) / 1024 // kilobytes on Linux
		}
	}
	text := out.String()
	if len(text) > 2000 {
		text = text[:2000] + "…"
	}
	switch {
	case ctx.Err() != nil:
		t.Errorf("killed after %.0f s (limit %.0f s); output:\n%s", elapsed, maxSeconds, text)
	case err != nil && res.exit < 0:
		t.Errorf("did not run: %v", err)
	case strings.Contains(out.String(), "panic:") || strings.Contains(out.String(), "goroutine "):
		t.Errorf("crashed:\n%s", text)
	}
	if res.exit != c.exit {
		t.Errorf("exit %d, want %d; output:\n%s", res.exit, c.exit, text)
	}
	if c.want != "" && !regexp.MustCompile(c.want).MatchString(out.String()) {
		t.Errorf("output does not match %q:\n%s", c.want, text)
	}
	if elapsed > maxSeconds {
		t.Errorf("took %.1f s, limit %.0f s", elapsed, maxSeconds)
	}
	if res.peakMB > float64(maxMB) {
		t.Errorf("peak memory %.0f MB, limit %d MB", res.peakMB, maxMB)
	}
	if c.post != nil {
		if err := c.post(dir); err != nil {
			t.Error(err)
		}
	}
	return res
}

func summarize(t *testing.T, results []outcome) {
	byClass := map[string][]outcome{}
	for _, r := range results {
		byClass[r.class] = append(byClass[r.class], r)
	}
	classes := make([]string, 0, len(byClass))
	for c := range byClass {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	var b strings.Builder
	fmt.Fprintf(&b, "%d hostile cases\n%-28s %5s %22s %22s\n", len(results), "class", "cases", "slowest", "largest (peak RSS)")
	for _, c := range classes {
		rs := byClass[c]
		slow, big := rs[0], rs[0]
		for _, r := range rs {
			if r.seconds > slow.seconds {
				slow = r
			}
			if r.peakMB > big.peakMB {
				big = r
			}
		}
		fmt.Fprintf(&b, "%-28s %5d %8.2f s %-12.12s %7.0f MB %-12.12s\n", c, len(rs), slow.seconds, slow.name, big.peakMB, big.name)
	}
	fmt.Fprintf(&b, "(a child's peak includes this test process's own, %.0f MB: they share memory until exec)\n", selfPeakMB())
	t.Log("\n" + b.String())
}

// selfPeakMB is this process's peak resident size (VmHWM).
func selfPeakMB() float64 {
	data, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			var kb float64
			fmt.Sscan(f[1], &kb)
			return kb / 1024
		}
	}
	return 0
}
