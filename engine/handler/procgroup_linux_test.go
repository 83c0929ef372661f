//go:build linux

package handler_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/handler"
)

// TestTimeoutKillsProcessGroup: a handler's timeout ends everything its
// command started. The command is a shell whose child sleeps for 30 s
// holding the command's stdout; killing only the shell left the sleep
// running and the task waiting for it, 30 s past a 1 s timeout.
func TestTimeoutKillsProcessGroup(t *testing.T) {
	dir := t.TempDir()
	pidFile := filepath.Join(dir, "sleep.pid")
	tests := []struct {
		name   string
		script string
	}{
		{"child in the foreground", `sleep 30 & echo $! > "$PIDFILE"; wait`},
		{"grandchild", `sh -c 'sleep 30 & echo $! > "$PIDFILE"; wait'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(pidFile)
			conf := fmt.Sprintf(`{"handlers":[{"state":"Hangs","command":["sh","-c",%q],"timeoutSeconds":0.5}]}`,
				"PIDFILE="+pidFile+"; export PIDFILE; "+tt.script)
			set, err := handler.Parse(filepath.Join(dir, "h.json"), []byte(conf))
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			_, err = set.Invoke(context.Background(), engine.TaskRequest{State: "Hangs"})
			took := time.Since(start)
			if fe, ok := fault.As(err); !ok || fe.Name != fault.TaskFailed || !strings.Contains(fe.Cause, "timed out: it did not answer within 500ms") {
				t.Fatalf("got %v, want States.TaskFailed saying the handler did not answer", err)
			}
			if took > 5*time.Second {
				t.Fatalf("the task ended %s after it started, for a 0.5 s timeout", took)
			}
			b, err := os.ReadFile(pidFile)
			if err != nil {
				t.Fatal(err)
			}
			pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
			if err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(2 * time.Second)
			for !gone(pid) {
				if time.Now().After(deadline) {
					syscall.Kill(pid, syscall.SIGKILL)
					t.Fatalf("the sleep (pid %d) the command started is still running after the timeout", pid)
				}
				time.Sleep(10 * time.Millisecond)
			}
			t.Logf("timeout 0.5 s: task ended after %s, the sleep is gone", took.Round(time.Millisecond))
		})
	}
}

// gone reports whether pid has exited: no such process, or a zombie
// waiting for a parent (an init that does not reap) to collect it.
func gone(pid int) bool {
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		return true
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true
	}
	// pid (comm) state ...: the state follows the last ')'.
	s := string(stat)
	i := strings.LastIndexByte(s, ')')
	return i >= 0 && i+2 < len(s) && s[i+2] == 'Z'
}

// TestLeftoverProcessesDoNotHoldTheTask: a command that succeeds but
// leaves a process holding its output is answered within WaitDelay, with
// what it printed, and the leftover is ended.
func TestLeftoverProcessesDoNotHoldTheTask(t *testing.T) {
	dir := t.TempDir()
	pidFile := filepath.Join(dir, "sleep.pid")
	conf := fmt.Sprintf(`{"handlers":[{"state":"Leaves","command":["sh","-c",%q]}]}`,
		`sleep 30 & echo $! > `+pidFile+`; echo '{"ok":true}'`)
	set, err := handler.Parse(filepath.Join(dir, "h.json"), []byte(conf))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	got, err := set.Invoke(context.Background(), engine.TaskRequest{State: "Leaves"})
	if err != nil || fmt.Sprint(got) != "map[ok:true]" {
		t.Fatalf("got %v, %v", got, err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("answered after %s", took)
	}
	b, _ := os.ReadFile(pidFile)
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	deadline := time.Now().Add(2 * time.Second)
	for pid > 0 && !gone(pid) {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("the leftover sleep (pid %d) still runs", pid)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
