package handler

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/fault"
)

// runCommand runs argv with the task input as JSON on stdin and decodes
// stdout as the result. A non-zero exit fails the task with
// States.TaskFailed and stderr as the cause; output that is not JSON
// fails it too, quoting what was printed.
func runCommand(ctx context.Context, dir string, argv []string, req engine.TaskRequest) (any, error) {
	name := argv[0]
	if strings.Contains(name, "/") && !filepath.IsAbs(name) {
		name = filepath.Join(dir, name)
	}
	cmd := exec.CommandContext(ctx, name, argv[1:]...)
	cmd.Stdin = strings.NewReader(engine.EncodeJSON(req.Input))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Env = append(cmd.Environ(), "STEPSTUDIO_STATE="+req.State, "STEPSTUDIO_RESOURCE="+req.Resource, "STEPSTUDIO_TASK_TOKEN="+req.TaskToken)
	err := cmd.Run()
	if ctx.Err() != nil {
		return nil, fmt.Errorf("handler command %s: %w", argv[0], ctx.Err())
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
