package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to read while the server writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServeUsage(t *testing.T) {
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"serve", "--host", "0.0.0.0"}, ExitUsage, "loopback"},
		{[]string{"serve", "--port", "70000"}, ExitUsage, "--port"},
		{[]string{"serve", "--format", "xml"}, ExitUsage, "--format"},
		{[]string{"serve", "extra"}, ExitUsage, "no arguments"},
		{[]string{"serve", "--help"}, ExitOK, ""},
	}
	for _, c := range cases {
		var out, errb bytes.Buffer
		code := Main(context.Background(), c.args, Streams{Out: &out, Err: &errb})
		if code != c.code || !strings.Contains(errb.String(), c.msg) {
			t.Errorf("%v: exit %d, %q", c.args, code, errb.String())
		}
	}
}

// TestServeRunsAndStops starts the command on a free port, makes a call
// (logged with --log) and stops it as Ctrl+C would.
func TestServeRunsAndStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	out, errb := &syncBuffer{}, &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, []string{"serve", "--port", "0", "--format", "json", "--log"}, Streams{Out: out, Err: errb})
	}()
	var started struct {
		Endpoint string            `json:"endpoint"`
		Env      map[string]string `json:"env"`
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if line, _, ok := strings.Cut(out.String(), "\n"); ok {
			if err := json.Unmarshal([]byte(line), &started); err != nil {
				t.Fatal(err)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no endpoint printed; stderr %q", errb.String())
		}
	}
	if started.Env["AWS_ENDPOINT_URL_SFN"] != started.Endpoint || !strings.HasPrefix(started.Endpoint, "http://127.0.0.1:") {
		t.Fatalf("%+v", started)
	}
	req, _ := http.NewRequest("POST", started.Endpoint+"/", strings.NewReader("{}"))
	req.Header.Set("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/states/aws4_request, SignedHeaders=host, Signature=00")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"stateMachines":[]`) {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	cancel()
	select {
	case code := <-done:
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
	if !strings.Contains(errb.String(), "ListStateMachines 200") {
		t.Errorf("no request log line: %q", errb.String())
	}
}

func TestServeStepFunctionsLocalSettings(t *testing.T) {
	t.Setenv("WAIT_TIME_SCALE", "fast")
	var out, errb bytes.Buffer
	if code := Main(context.Background(), []string{"serve", "--port", "0"}, Streams{Out: &out, Err: &errb}); code != ExitUsage || !strings.Contains(errb.String(), "WAIT_TIME_SCALE") {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	t.Setenv("WAIT_TIME_SCALE", "")
	if code := Main(context.Background(), []string{"serve", "--port", "0", "--wait-scale", "-2"}, Streams{Out: &out, Err: &errb}); code != ExitUsage {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
}

// TestServeStartText: what a person sees at start, and the one JSON line
// a program reads (golden files; -update rewrites them).
func TestServeStartText(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		var b bytes.Buffer
		if err := printEndpoint(&b, format, "http://127.0.0.1:8083"); err != nil {
			t.Fatal(err)
		}
		serveGolden(t, "testdata/serve/start."+format+".golden", b.String())
	}
}

// serveGolden compares got with the golden file at path; -update (the
// flag the package's external tests define) rewrites it.
func serveGolden(t *testing.T, path, got string) {
	t.Helper()
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs (check, then run with -update):\n%s", path, got)
	}
}
