package endpoint

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

const testAuth = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/states/aws4_request, SignedHeaders=host;x-amz-date, Signature=abcdef0123"

func newTestServer(t *testing.T, opts Options) *Server {
	t.Helper()
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// answer is one call's HTTP answer, decoded.
type answer struct {
	Status int
	Header http.Header
	Body   map[string]any
}

func (a answer) errType() string { s, _ := a.Body["__type"].(string); return s }
func (a answer) str(k string) string {
	s, _ := a.Body[k].(string)
	return s
}

// call sends one API call the way the SDKs do.
func call(t *testing.T, s *Server, op string, in any) answer {
	t.Helper()
	b, _ := json.Marshal(in)
	req := httptest.NewRequest(http.MethodPost, "http://127.0.0.1:8083/", strings.NewReader(string(b)))
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("X-Amz-Target", targetPrefix+op)
	req.Header.Set("Authorization", testAuth)
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	var body map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
		t.Fatalf("%s: answer is not JSON: %q", op, w.Body.String())
	}
	return answer{Status: w.Code, Header: w.Header(), Body: body}
}

// mustCall fails the test unless op answers 200.
func mustCall(t *testing.T, s *Server, op string, in any) answer {
	t.Helper()
	a := call(t, s, op, in)
	if a.Status != 200 {
		t.Fatalf("%s: %d %v", op, a.Status, a.Body)
	}
	return a
}

const passDef = `{"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"x":1},"Next":"B"},"B":{"Type":"Pass","End":true}}}`
const role = "arn:aws:iam::123456789012:role/test"

func createMachine(t *testing.T, s *Server, name, def string) string {
	t.Helper()
	a := mustCall(t, s, "CreateStateMachine", map[string]any{"name": name, "definition": def, "roleArn": role})
	return a.str("stateMachineArn")
}

// waitStatus polls DescribeExecution until the status leaves RUNNING.
func waitStatus(t *testing.T, s *Server, arn string) answer {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		a := mustCall(t, s, "DescribeExecution", map[string]any{"executionArn": arn})
		if a.str("status") != "RUNNING" || time.Now().After(deadline) {
			return a
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}
