//go:build linux

package hostile

import (
	"fmt"
	"strings"
	"testing"
)

// inputCases: execution inputs that are too large, endless, not files or
// not JSON. run refuses each before it starts (exit 2), naming it.
func inputCases() []hostileCase {
	const class = "run: execution input"
	files := map[string]string{"d.json": pass}
	c := func(name string, setup func(*testing.T, string), args []string, want string) hostileCase {
		return hostileCase{class: class, name: name, files: files, setup: setup,
			args: append([]string{"run", "d.json"}, args...), exit: usage, want: want, maxSeconds: 5}
	}
	over := bigFile("big.json", `{"s": "`, "x", `"}`, 256<<10+1)
	return []hostileCase{
		c("input just over 256 KiB", over, []string{"--input", "big.json"}, "256 KiB|too large"),
		c("input of 300 MB", bigFile("huge.json", `["`, strings.Repeat("x", 1023), `"]`, 300<<20), []string{"--input", "huge.json"}, "256 KiB|too large"),
		c("input /dev/zero", symlink("/dev/zero", "zero.json"), []string{"--input", "zero.json"}, "regular file"),
		c("input FIFO", mkfifo("fifo.json"), []string{"--input", "fifo.json"}, "regular file"),
		c("input a folder", nil, []string{"--input", "."}, "folder|directory|regular"),
		c("input missing", nil, []string{"--input", "nope.json"}, "nope.json"),
		c("input not JSON", func(t *testing.T, dir string) { writeFile(t, dir, "bad.json", "{nope") }, []string{"--input", "bad.json"}, "bad.json"),
		c("input nested a million deep", func(t *testing.T, dir string) { writeFile(t, dir, "deep.json", strings.Repeat("[", 200000)) }, []string{"--input", "deep.json"}, "deep.json"),
		c("input two documents", func(t *testing.T, dir string) { writeFile(t, dir, "two.json", "{} {}") }, []string{"--input", "two.json"}, "two.json"),
		{class: class, name: "input endless on stdin", files: files, args: []string{"run", "d.json", "--input", "-"}, stdinFile: "/dev/zero", exit: usage, want: "256 KiB|too large", maxSeconds: 5},
		{class: class, name: "input over 256 KiB on stdin", files: files, args: []string{"run", "d.json", "--input", "-"},
			stdin: fmt.Sprintf(`{"s": %q}`, strings.Repeat("y", 300<<10)), exit: usage, want: "256 KiB|too large", maxSeconds: 5},
		{class: class, name: "input just under 256 KiB", files: files, setup: bigFile("fits.json", `{"s": "`, "x", `"}`, 256<<10-64),
			args: []string{"run", "d.json", "--input", "fits.json"}, exit: ok, want: "SUCCEEDED"},
	}
}
