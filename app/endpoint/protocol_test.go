package endpoint

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestGuardAndProtocol(t *testing.T) {
	s := newTestServer(t, Options{})
	cases := []struct {
		name    string
		host    string
		mutate  func(h http.Header)
		method  string
		status  int
		errType string
	}{
		{"ok", "127.0.0.1:8083", nil, "POST", 200, ""},
		{"localhost", "localhost:8083", nil, "POST", 200, ""},
		{"origin refused", "127.0.0.1:8083", func(h http.Header) { h.Set("Origin", "http://evil.example") }, "POST", 403, errAccessDenied},
		{"foreign host (DNS rebinding)", "evil.example:8083", nil, "POST", 403, errAccessDenied},
		{"no authorization", "127.0.0.1:8083", func(h http.Header) { h.Del("Authorization") }, "POST", 403, errMissingAuth},
		{"not sigv4", "127.0.0.1:8083", func(h http.Header) { h.Set("Authorization", "Bearer x") }, "POST", 403, errInvalidSignature},
		{"unknown operation", "127.0.0.1:8083", func(h http.Header) { h.Set("X-Amz-Target", "AWSStepFunctions.Frobnicate") }, "POST", 400, errUnknownOperation},
		{"other service", "127.0.0.1:8083", func(h http.Header) { h.Set("X-Amz-Target", "DynamoDB_20120810.ListTables") }, "POST", 400, errUnknownOperation},
		{"bad json", "127.0.0.1:8083", nil, "POST", 400, errSerialization},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body := "{}"
			if c.name == "bad json" {
				body = "{"
			}
			req := httptest.NewRequest(c.method, "http://"+c.host+"/", strings.NewReader(body))
			req.Header.Set("Content-Type", contentType)
			req.Header.Set("X-Amz-Target", targetPrefix+"ListStateMachines")
			req.Header.Set("Authorization", testAuth)
			if c.mutate != nil {
				c.mutate(req.Header)
			}
			w := httptest.NewRecorder()
			s.ServeHTTP(w, req)
			if w.Code != c.status {
				t.Fatalf("status %d, want %d: %s", w.Code, c.status, w.Body)
			}
			if got := w.Header().Get("Content-Type"); got != contentType {
				t.Errorf("content type %q", got)
			}
			if w.Header().Get("x-amzn-RequestId") == "" {
				t.Error("no request id")
			}
			if c.errType != "" {
				if got := w.Header().Get("x-amzn-ErrorType"); got != c.errType {
					t.Errorf("x-amzn-ErrorType %q, want %q", got, c.errType)
				}
				if !strings.Contains(w.Body.String(), `"__type":"`+c.errType+`"`) {
					t.Errorf("body %s", w.Body)
				}
			}
		})
	}
}

func TestPanicIsInternalFailure(t *testing.T) {
	s := newTestServer(t, Options{})
	operations["TestPanic"] = func(*Server, *request) (any, error) { panic("boom") }
	defer delete(operations, "TestPanic")
	a := call(t, s, "TestPanic", map[string]any{})
	if a.Status != 500 || a.errType() != errInternal {
		t.Fatalf("%d %v", a.Status, a.Body)
	}
	// The server goes on.
	mustCall(t, s, "ListStateMachines", map[string]any{})
}

func TestRegionFromCredentialScope(t *testing.T) {
	s := newTestServer(t, Options{})
	b := strings.NewReader(`{"name":"m","definition":` + quote(passDef) + `,"roleArn":"` + role + `"}`)
	req := httptest.NewRequest("POST", "http://127.0.0.1:8083/", b)
	req.Header.Set("X-Amz-Target", targetPrefix+"CreateStateMachine")
	req.Header.Set("Authorization", strings.Replace(testAuth, "us-east-1", "eu-west-3", 1))
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	if !strings.Contains(w.Body.String(), "arn:aws:states:eu-west-3:123456789012:stateMachine:m") {
		t.Fatalf("%s", w.Body)
	}
}

func quote(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}

// TestHostPort: with its address known, the server takes only its own
// port in Host (a page on another local port cannot rebind to it).
func TestHostPort(t *testing.T) {
	s := newTestServer(t, Options{Addr: "127.0.0.1:8083"})
	for host, want := range map[string]int{"127.0.0.1:8083": 200, "localhost:8083": 200, "[::1]:8083": 200, "127.0.0.1:9999": 403, "sync-localhost:8083": 200, "example.com:8083": 403} {
		req := httptest.NewRequest("POST", "http://"+host+"/", strings.NewReader("{}"))
		req.Header.Set("X-Amz-Target", targetPrefix+"ListActivities")
		req.Header.Set("Authorization", testAuth)
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != want {
			t.Errorf("Host %s: %d, want %d", host, w.Code, want)
		}
	}
}
