package gitrev

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/stepstudio/stepstudio/app/files"
)

// ErrNoGit is the git program missing from PATH: revisions are read with
// it, so without it there are none to compare with.
var ErrNoGit = errors.New("comparing with a revision needs git installed, and no git program was found on PATH")

// Timeout bounds one git command: a repository on a hung network drive
// must not hang a diff or the studio's picker.
const Timeout = 10 * time.Second

// outputLimit caps what a command other than a file read prints (hashes,
// a tree entry, 50 log lines).
var outputLimit = files.Limit{Max: 1 << 20, What: "git answers"}

// gitError is a git command that ran and failed; Code is its exit status
// (rev-parse --verify --quiet exits 1 for "no such revision").
type gitError struct {
	cmd    string
	Code   int
	Stderr string
}

func (e *gitError) Error() string {
	if e.Stderr == "" {
		return fmt.Sprintf("git %s failed (exit status %d)", e.cmd, e.Code)
	}
	return fmt.Sprintf("git %s: %s", e.cmd, e.Stderr)
}

// run runs git in dir (-C) with args and returns what it printed, at most
// lim.Max bytes (more is files.ErrTooLarge and the command is stopped).
//
// Repositories may be hostile (a downloaded folder whose .git/config sets
// programs to run), so callers only run read commands that never start a
// configured program: rev-parse, cat-file blob, ls-tree, config --get and
// log --format without patches (so no diff driver, textconv or external
// diff) and with --no-show-signature (log.showSignature would start
// gpg.program). None of them reads the index, so core.fsmonitor never
// runs, and none runs hooks. What could still start a program is a lazy
// fetch of a missing object in a partial clone (core.sshCommand, an ext::
// remote): env forbids it.
func run(dir string, lim files.Limit, args ...string) ([]byte, error) {
	bin, err := exec.LookPath("git")
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrNoGit, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append([]string{"-C", dir, "--no-pager"}, args...)...)
	cmd.Env = env(os.Environ())
	cmd.WaitDelay = time.Second // a child holding stdout open cannot outlive the timeout by much
	stderr := &capped{max: 512}
	cmd.Stderr = stderr
	hideWindow(cmd)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("cannot start git: %w", err)
	}
	data, readErr := files.ReadAll(out, "git "+args[0]+"'s answer", lim)
	if readErr != nil {
		cancel() // stop a command whose answer is over the cap
	}
	err = cmd.Wait()
	switch {
	case readErr != nil:
		return nil, readErr
	case ctx.Err() == context.DeadlineExceeded:
		return nil, fmt.Errorf("git %s took longer than %v and was stopped", args[0], Timeout)
	case err != nil:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, &gitError{cmd: args[0], Code: ee.ExitCode(), Stderr: stderr.text()}
		}
		return nil, fmt.Errorf("git %s: %w", args[0], err)
	}
	return data, nil
}

// dropped are the variables that point git at another repository, index
// or object store than the folder's own: the studio names a folder, and a
// test run inside a git hook (which sets GIT_DIR) must not read the
// hook's repository instead.
var dropped = []string{"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
	"GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_PREFIX"}

// env is the inherited environment without dropped, plus what makes a
// read safe and its messages predictable.
func env(inherited []string) []string {
	out := make([]string, 0, len(inherited)+6)
	for _, kv := range inherited {
		name, _, _ := strings.Cut(kv, "=")
		keep := true
		for _, d := range dropped {
			if strings.EqualFold(name, d) {
				keep = false
			}
		}
		if keep {
			out = append(out, kv)
		}
	}
	return append(out,
		"GIT_NO_LAZY_FETCH=1", // a partial clone never reaches the network (git 2.44+)
		// and for older gits: no transport is allowed at all, whatever
		// protocol.*.allow the repository's config says.
		"GIT_ALLOW_PROTOCOL=none",
		"GIT_TERMINAL_PROMPT=0",   // never ask for a password
		"GIT_OPTIONAL_LOCKS=0",    // never write the index
		"GIT_LITERAL_PATHSPECS=1", // a path is a path: no globs, no ":(magic)"
		"LC_ALL=C",                // messages in English, as the errors match them
	)
}

// capped keeps the first max bytes written to it: enough of git's stderr
// for a message, never a flood.
type capped struct {
	max int
	buf []byte
}

func (c *capped) Write(p []byte) (int, error) {
	if room := c.max - len(c.buf); room > 0 {
		c.buf = append(c.buf, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func (c *capped) text() string {
	return strings.Join(strings.Fields(strings.TrimSpace(string(c.buf))), " ")
}
