//go:build linux

package hostile

import "strings"

// usageCases: flags and arguments that make no sense. Each is a usage
// error (exit 2) that says what is wrong, through the one printer.
func usageCases() []hostileCase {
	const class = "cli: flags and arguments"
	files := map[string]string{"d.json": pass}
	c := func(name string, args []string, exit int, want string) hostileCase {
		return hostileCase{class: class, name: name, files: files, args: args, exit: exit, want: want, maxSeconds: 5}
	}
	return []hostileCase{
		c("unknown command", []string{"frobnicate"}, usage, `unknown command "frobnicate"`),
		c("unknown flag", []string{"run", "--frobnicate", "d.json"}, usage, "frobnicate"),
		c("max-transitions -1", []string{"run", "d.json", "--max-transitions", "-1"}, usage, "max-transitions"),
		c("max-transitions 0", []string{"run", "d.json", "--max-transitions", "0"}, usage, "max-transitions"),
		c("max-transitions not a number", []string{"run", "d.json", "--max-transitions", "lots"}, usage, "max-transitions"),
		c("wait scale NaN", []string{"run", "d.json", "--wait", "scale=NaN"}, usage, "scale"),
		c("wait scale Inf", []string{"run", "d.json", "--wait", "scale=Inf"}, usage, "scale"),
		c("wait scale 1e300", []string{"run", "d.json", "--wait", "scale=1e300"}, usage, "scale"),
		c("wait scale negative", []string{"run", "d.json", "--wait", "scale=-1"}, usage, "scale"),
		c("wait nonsense", []string{"run", "d.json", "--wait", "sometimes"}, usage, "wait"),
		c("type nonsense", []string{"run", "d.json", "--type", "turbo"}, usage, "type"),
		c("two definitions", []string{"run", "d.json", "d.json"}, usage, "one DEFINITION"),
		c("test case without mocks", []string{"run", "d.json", "--test-case", "T"}, usage, "mock-config"),
		c("format xml", []string{"validate", "--format", "xml", "d.json"}, usage, "text or json"),
		c("graph scale NaN", []string{"graph", "--format", "png", "--scale", "NaN", "d.json"}, usage, "scale"),
		c("graph scale huge", []string{"graph", "--format", "png", "--scale", "1e9", "d.json"}, usage, "scale"),
		c("export target nonsense", []string{"export", "--to", "pdf", "d.json"}, usage, "--to"),
		c("a 100 KB argument", []string{"validate", strings.Repeat("a", 100<<10)}, fail, "FILE_UNREADABLE.*name too long"),
		c("--help in every build", []string{"--help"}, ok, "Commands:"),
		c("help for a command", []string{"help", "run"}, ok, "Usage: stepstudio run"),
	}
}
