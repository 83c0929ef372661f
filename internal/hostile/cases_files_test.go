//go:build linux

package hostile

import "testing"

// fileCases: paths that are not regular files of a sane size. Each is
// refused at once with a message that names it; validate still reports
// every other file (exit 1, FILE_UNREADABLE), run and graph exit 2.
func fileCases() []hostileCase {
	const big = 11 << 20 // over the 10 MB definition cap
	good := map[string]string{"good.asl.json": pass}
	c := func(name string, setup func(*testing.T, string), args []string, exit int, want string) hostileCase {
		return hostileCase{class: "files: not a regular file", name: name, files: good, setup: setup, args: args, exit: exit, want: want, maxSeconds: 5}
	}
	fifo := mkfifo("fifo.asl.json")
	zero := symlink("/dev/zero", "zero.asl.json")
	loop := steps(symlink("{dir}/b.asl.json", "a.asl.json"), symlink("{dir}/a.asl.json", "b.asl.json"))
	huge := bigFile("huge.asl.json", `{"Comment": "`, "x", `", "StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}`, big)
	return []hostileCase{
		c("validate a FIFO among good files", fifo, []string{"validate", "good.asl.json", "fifo.asl.json"}, fail, `(?s)good.asl.json: valid.*FILE_UNREADABLE`),
		c("validate /dev/zero", zero, []string{"validate", "--format", "json", "good.asl.json", "zero.asl.json"}, fail, `(?s)"valid": true.*FILE_UNREADABLE`),
		c("validate a symlink loop", loop, []string{"validate", "a.asl.json", "good.asl.json"}, fail, `(?s)FILE_UNREADABLE.*good.asl.json: valid`),
		c("validate an 11 MB definition", huge, []string{"validate", "huge.asl.json", "good.asl.json"}, fail, `(?s)FILE_UNREADABLE.*10 MiB`),
		c("validate a missing file", nil, []string{"validate", "nope.asl.json", "good.asl.json"}, fail, `(?s)FILE_UNREADABLE.*good.asl.json: valid`),
		c("validate a directory of FIFOs", steps(mkfifo("sub/x.asl.json")), []string{"validate", "sub"}, fail, "FILE_UNREADABLE"),
		c("run a FIFO", fifo, []string{"run", "fifo.asl.json"}, usage, "regular file"),
		c("run /dev/zero", zero, []string{"run", "zero.asl.json"}, usage, "regular file"),
		c("run a directory", nil, []string{"run", "."}, usage, "folder|directory"),
		c("run an 11 MB definition", huge, []string{"run", "huge.asl.json"}, usage, "10 MiB"),
		c("run a symlink loop", loop, []string{"run", "a.asl.json"}, usage, "a.asl.json"),
		c("graph a FIFO", fifo, []string{"graph", "fifo.asl.json"}, usage, "regular file"),
		c("export a FIFO", fifo, []string{"export", "--to", "sam", "fifo.asl.json"}, usage, "regular file"),
		c("doc a FIFO", fifo, []string{"doc", "fifo.asl.json"}, usage, "regular file"),
		c("doc with a FIFO as its notes", mkfifo("good.studio.json"), []string{"doc", "good.asl.json"}, usage, "regular file"),
		c("doc with a FIFO as its mock file", mkfifo("good.mocks.json"), []string{"doc", "good.asl.json"}, usage, "regular file"),
		c("doc with /dev/zero as --mock-config", zero, []string{"doc", "--mock-config", "zero.asl.json", "good.asl.json"}, usage, "regular file"),
		{class: "files: not a regular file", name: "validate endless stdin", args: []string{"validate", "-"}, stdinFile: "/dev/zero", exit: fail, want: "10 MiB", maxSeconds: 5},
		{class: "files: not a regular file", name: "graph endless stdin definition", args: []string{"graph", "-"}, stdinFile: "/dev/zero", exit: usage, want: "10 MiB", maxSeconds: 5},
	}
}
