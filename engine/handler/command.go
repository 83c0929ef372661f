package handler

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/fault"
)

// runCommand runs argv with the task input as JSON on stdin and decodes
// stdout as the result. A non-zero exit fails the task with
// States.TaskFailed and stderr as the cause; output that is not JSON
// fails it too, quoting what was printed.
func runCommand(ctx context.Context, dir, workDir string, argv []string, req engine.TaskRequest) (any, error) {
	name := argv[0]
	if strings.Contains(name, "/") && !filepath.IsAbs(name) {
		name = filepath.Join(dir, name)
	}
	// A command flooding its output is stopped at once, not at its timeout.
	cctx, stop := context.WithCancel(ctx)
	defer stop()
	cmd := exec.CommandContext(cctx, name, argv[1:]...)
	ownProcessGroup(cmd)
	if workDir != "" {
		// Without one the command runs where the caller runs (the CLI's
		// working folder, as before Dir existed).
		cmd.Dir = filepath.Join(dir, workDir)
	}
	// Processes that outlive the command (started in the background, or
	// escaped from its group) may hold its stdout open: Wait then returns
	// this long after the command ended or was cancelled, not when they end.
	cmd.WaitDelay = waitDelay
	cmd.Stdin = strings.NewReader(engine.EncodeJSON(req.Input))
	stdout, stderr := &capped{max: maxBody, onOver: stop}, &capped{max: 64 << 10}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.Env = append(cmd.Environ(), "STEPSTUDIO_STATE="+req.State, "STEPSTUDIO_RESOURCE="+req.Resource, "STEPSTUDIO_TASK_TOKEN="+req.TaskToken)
	err := cmd.Run()
	if errors.Is(err, exec.ErrWaitDelay) {
		// The command succeeded, but something it left running held its
		// output: end the rest of its group (it still has members, so its
		// id is not reused) and take what was printed.
		_ = killGroup(cmd)
		err = nil
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("handler command %s: %w", argv[0], ctx.Err())
	}
	if stdout.over {
		return nil, fault.Newf(fault.TaskFailed, "handler command %s printed more than %d bytes of output and was stopped", argv[0], maxBody)
	}
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, fault.Newf(fault.TaskFailed, "handler command %s exited with status %d: %s", argv[0], ee.ExitCode(), strings.TrimSpace(stderr.String()))
		}
		return nil, fault.Newf(fault.TaskFailed, "handler command %s could not run: %v", argv[0], err)
	}
	return decodeResult("handler command "+argv[0], stdout.Bytes())
}

// waitDelay bounds how long a command's leftovers may hold its output.
const waitDelay = 2 * time.Second

// capped keeps at most max bytes of what a command prints, so that a
// runaway handler cannot exhaust memory; it notes when it dropped some,
// and calls onOver (if set) the first time.
// It holds its buffer in a field, not embedded: an embedded bytes.Buffer
// would lend it ReadFrom, which io.Copy prefers to Write.
type capped struct {
	buf    bytes.Buffer
	max    int
	over   bool
	onOver func()
}

func (c *capped) Write(p []byte) (int, error) {
	if room := c.max - c.buf.Len(); len(p) > room {
		if !c.over && c.onOver != nil {
			c.onOver()
		}
		c.over = true
		if room > 0 {
			c.buf.Write(p[:room])
		}
		return len(p), nil
	}
	return c.buf.Write(p)
}

func (c *capped) Bytes() []byte  { return c.buf.Bytes() }
func (c *capped) String() string { return c.buf.String() }

// decodeResult parses a handler's answer, failing the task clearly when it
// is not JSON.
func decodeResult(who string, b []byte) (any, error) {
	v, err := engine.DecodeJSON(bytes.TrimSpace(b))
	if err != nil {
		shown := string(b)
		if len(shown) > 200 {
			shown = shown[:200] + "…"
		}
		return nil, fault.Newf(fault.TaskFailed, "%s printed something that is not JSON (%v): %q", who, err, shown)
	}
	return v, nil
}
