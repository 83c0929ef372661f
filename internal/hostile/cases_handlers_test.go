//go:build linux

package hostile

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// handlerCases: handler files that are broken or misspelt, and commands
// that outlive their timeout, flood their output or never answer.
func handlerCases() []hostileCase {
	const class = "run: handlers"
	def := machine("Charge", fmt.Sprintf(`{"Charge": {"Type": "Task", "Resource": %q, "End": true}}`, lambdaArn))
	c := func(name, h string, exit int, want string) hostileCase {
		return hostileCase{class: class, name: name, files: map[string]string{"d.json": def, "h.json": h},
			args: []string{"run", "d.json", "--handlers", "h.json"}, exit: exit, want: want, maxSeconds: 10}
	}
	bind := func(fields string) string {
		return fmt.Sprintf(`{"handlers": [{"resource": "arn:aws:lambda:*", %s}]}`, fields)
	}
	return []hostileCase{
		c("misspelt key", bind(`"comand": ["true"]`), usage, `comand.*command|command.*comand`),
		c("unknown top-level key", `{"handler": []}`, usage, "handler"),
		c("negative timeout", bind(`"command": ["true"], "timeoutSeconds": -5`), usage, "timeoutSeconds"),
		c("huge timeout", bind(`"command": ["true"], "timeoutSeconds": 1e30`), usage, "timeoutSeconds"),
		c("two targets", bind(`"command": ["true"], "url": "http://127.0.0.1:1/"`), usage, "command|url"),
		c("no target", bind(`"timeoutSeconds": 1`), usage, "command|url|lambdaEndpoint"),
		c("not JSON", `{"handlers": [`, usage, "h.json"),
		c("a URL that is not loopback-safe", bind(`"url": "file:///etc/passwd"`), usage, "url|http"),
		c("timeout kills the command's children", bind(`"command": ["sh", "-c", "sleep 30 & sleep 30; wait"], "timeoutSeconds": 1`), fail, "Timeout|timed out"),
		c("a command flooding its output", bind(`"command": ["sh", "-c", "yes"], "timeoutSeconds": 5`), fail, "too large|output|limit|Timeout"),
		c("a command printing no JSON", bind(`"command": ["sh", "-c", "echo not json"]`), fail, "JSON"),
		c("a command that is not there", bind(`"command": ["/nonexistent/handler"]`), fail, "nonexistent"),
		c("a closed port", bind(`"url": "http://127.0.0.1:1/"`), fail, "127.0.0.1:1|refused"),
		{class: class, name: "handlers file is /dev/zero", files: map[string]string{"d.json": def}, setup: symlink("/dev/zero", "h.json"),
			args: []string{"run", "d.json", "--handlers", "h.json"}, exit: usage, want: "regular file", maxSeconds: 5},
		{class: class, name: "no orphan left after a timeout", files: map[string]string{"d.json": def},
			setup: func(t *testing.T, dir string) {
				writeFile(t, dir, "h.json", bind(fmt.Sprintf(`"command": ["sh", "-c", "(sleep 3; touch %s) & sleep 30"], "timeoutSeconds": 1`, filepath.Join(dir, "orphan-ran"))))
			},
			args: []string{"run", "d.json", "--handlers", "h.json"}, exit: fail, want: "Timeout|timed out",
			post: func(dir string) error {
				time.Sleep(3 * time.Second) // the grandchild would have touched the file by now
				if _, err := os.Stat(filepath.Join(dir, "orphan-ran")); err == nil {
					return fmt.Errorf("a process the handler started outlived its timeout")
				}
				return nil
			}},
	}
}
