package handler_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/handler"
)

func TestSet(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		switch {
		case r.URL.Path == "/echo":
			w.Write(body)
		case r.URL.Path == "/teapot":
			w.WriteHeader(http.StatusTeapot)
			w.Write([]byte("short and stout"))
		case r.URL.Path == "/garbage":
			w.Write([]byte("<html>oops</html>"))
		case r.URL.Path == "/2015-03-31/functions/Charge/invocations":
			w.Write([]byte(`{"charged":` + string(body) + `}`))
		case r.URL.Path == "/2015-03-31/functions/Broken/invocations":
			w.Header().Set("X-Amz-Function-Error", "Unhandled")
			w.Write([]byte(`{"errorType":"CardDeclined","errorMessage":"no funds"}`))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "handlers.json")
	script, _ := filepath.Abs("testdata/double.sh")
	conf := map[string]any{"handlers": []map[string]any{
		{"state": "Double", "command": []string{script}},
		{"state": "Fails", "command": []string{"sh", "-c", "echo bad input >&2; exit 3"}},
		{"state": "Prints", "command": []string{"echo", "not json"}},
		{"state": "Floods", "command": []string{"sh", "-c", "yes '\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"' | head -c 3000000"}},
		{"state": "FloodsForEver", "command": []string{"yes"}, "timeoutSeconds": 30},
		{"state": "Hangs", "command": []string{"sleep", "5"}, "timeoutSeconds": 0.2},
		{"state": "Echo", "url": srv.URL + "/echo"},
		{"state": "Teapot", "url": srv.URL + "/teapot"},
		{"state": "Garbage", "url": srv.URL + "/garbage"},
		{"resource": "arn:aws:states:::lambda:invoke", "lambdaEndpoint": srv.URL},
		{"resource": "arn:aws:lambda:*:function:*", "lambdaEndpoint": srv.URL},
	}}
	b, _ := json.Marshal(conf)
	set, err := handler.Parse(cfg, b)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		req       engine.TaskRequest
		want      any
		wantFault string // error name, "" for success
		wantText  string // substring of the cause
	}{
		{"command", engine.TaskRequest{State: "Double", Input: map[string]any{"n": int64(21)}}, map[string]any{"doubled": int64(42)}, "", ""},
		{"command fails", engine.TaskRequest{State: "Fails"}, nil, fault.TaskFailed, "exited with status 3: bad input"},
		{"command prints garbage", engine.TaskRequest{State: "Prints"}, nil, fault.TaskFailed, "not JSON"},
		{"command floods stdout", engine.TaskRequest{State: "Floods"}, nil, fault.TaskFailed, "printed more than 1048576 bytes of output and was stopped"},
		{"command floods stdout for ever", engine.TaskRequest{State: "FloodsForEver"}, nil, fault.TaskFailed, "printed more than 1048576 bytes of output and was stopped"},
		{"http", engine.TaskRequest{State: "Echo", Input: []any{"a"}}, []any{"a"}, "", ""},
		{"http status", engine.TaskRequest{State: "Teapot"}, nil, fault.TaskFailed, "answered 418: short and stout"},
		{"http garbage", engine.TaskRequest{State: "Garbage"}, nil, fault.TaskFailed, "<html>oops</html>"},
		{"lambda invoke integration", engine.TaskRequest{State: "X", Resource: "arn:aws:states:::lambda:invoke",
			Input: map[string]any{"FunctionName": "arn:aws:lambda:us-east-1:1:function:Charge", "Payload": int64(5)}},
			map[string]any{"ExecutedVersion": "$LATEST", "StatusCode": int64(200), "Payload": map[string]any{"charged": int64(5)}}, "", ""},
		{"lambda arn", engine.TaskRequest{State: "X", Resource: "arn:aws:lambda:us-east-1:1:function:Charge", Input: int64(7)},
			map[string]any{"charged": int64(7)}, "", ""},
		{"lambda function error", engine.TaskRequest{State: "X", Resource: "arn:aws:lambda:us-east-1:1:function:Broken"},
			nil, "CardDeclined", "no funds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := set.Invoke(context.Background(), tt.req)
			if tt.wantFault == "" {
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, tt.want) {
					t.Fatalf("got %#v, want %#v", got, tt.want)
				}
				return
			}
			fe, ok := fault.As(err)
			if !ok || fe.Name != tt.wantFault || !strings.Contains(fe.Cause, tt.wantText) {
				t.Fatalf("got %v, want %s with %q", err, tt.wantFault, tt.wantText)
			}
		})
	}
	t.Run("hanging command times out", func(t *testing.T) {
		_, err := set.Invoke(context.Background(), engine.TaskRequest{State: "Hangs"})
		if fe, ok := fault.As(err); !ok || fe.Name != fault.TaskFailed || !strings.Contains(fe.Cause, "timed out: it did not answer within 200ms") {
			t.Fatalf("got %v, want States.TaskFailed saying the handler did not answer", err)
		}
	})
	t.Run("unbound", func(t *testing.T) {
		_, err := set.Invoke(context.Background(), engine.TaskRequest{State: "Other", Resource: "arn:aws:states:::sqs:sendMessage"})
		if !errors.Is(err, engine.ErrNoHandler) {
			t.Fatalf("got %v, want ErrNoHandler", err)
		}
	})
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name, conf string
		want       string // the whole message, located
	}{
		{"two kinds", `{"handlers":[{"state":"A","url":"http://x","command":["true"]}]}`,
			`h.json:1:14: /handlers/0: handler 0 needs exactly one of command, url, lambdaEndpoint`},
		{"no target", `{"handlers":[{"url":"http://x"}]}`,
			`h.json:1:14: /handlers/0: handler 0 binds nothing: give it a state or a resource`},
		{"not json", `{"handlers":`, `h.json: /: not valid JSON: jsonvalue: unexpected end of JSON input at line 1, column 13`},
		{"no handler", `{"handlers":[{"state":"A"}]}`,
			`h.json:1:14: /handlers/0: handler 0 needs exactly one of command, url, lambdaEndpoint`},
		{"misspelt key", "{\"handlers\":[\n {\"state\":\"A\",\n  \"comand\":[\"true\"]}]}",
			`h.json:3:12: /handlers/0/comand: unknown key "comand" in handler 0; did you mean "command"?`},
		{"misspelt timeout", `{"handlers":[{"state":"A","command":["true"],"timeout":5}]}`,
			`h.json:1:56: /handlers/0/timeout: unknown key "timeout" in handler 0 (the keys are state, resource, command, dir, url, lambdaEndpoint, timeoutSeconds)`},
		{"misspelt top key", `{"handler":[]}`,
			`h.json:1:12: /handler: unknown key "handler" in the handler config; did you mean "handlers"?`},
		{"negative timeout", `{"handlers":[{"state":"A","command":["true"],"timeoutSeconds":-2}]}`,
			`h.json:1:63: /handlers/0/timeoutSeconds: timeoutSeconds must be a number of seconds above 0 and at most 99999999 (AWS's longest TimeoutSeconds), not -2`},
		{"zero timeout", `{"handlers":[{"state":"A","command":["true"],"timeoutSeconds":0}]}`,
			`h.json:1:63: /handlers/0/timeoutSeconds: timeoutSeconds must be a number of seconds above 0 and at most 99999999 (AWS's longest TimeoutSeconds), not 0`},
		{"huge timeout", `{"handlers":[{"state":"A","command":["true"],"timeoutSeconds":1e300}]}`,
			`h.json:1:63: /handlers/0/timeoutSeconds: timeoutSeconds must be a number of seconds above 0 and at most 99999999 (AWS's longest TimeoutSeconds), not 1.0E300`},
		{"timeout as text", `{"handlers":[{"state":"A","command":["true"],"timeoutSeconds":"5"}]}`,
			`h.json:1:63: /handlers/0/timeoutSeconds: timeoutSeconds must be a number of seconds above 0 and at most 99999999 (AWS's longest TimeoutSeconds), not "5"`},
		{"command as text", `{"handlers":[{"state":"A","command":"./x.sh"}]}`,
			`h.json:1:37: /handlers/0/command: command must be a non-empty list of strings (["./charge.sh", "--fast"]), got "./x.sh"`},
		{"file URL", `{"handlers":[{"state":"A","url":"file:///etc/passwd"}]}`,
			`h.json:1:33: /handlers/0/url: url must be an http:// or https:// URL with a host, not "file:///etc/passwd"`},
		{"endpoint without scheme", `{"handlers":[{"state":"A","lambdaEndpoint":"127.0.0.1:3001"}]}`,
			`h.json:1:44: /handlers/0/lambdaEndpoint: lambdaEndpoint must be an http:// or https:// URL with a host, not "127.0.0.1:3001"`},
		{"bad pattern", `{"handlers":[{"resource":"arn:[","url":"http://x"}]}`,
			`h.json:1:26: /handlers/0/resource: resource "arn:[" is not a valid pattern (* matches any run of characters): syntax error in pattern`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := handler.Parse("h.json", []byte(tt.conf))
			if !errors.Is(err, handler.ErrInvalidConfig) {
				t.Fatalf("err = %v, want ErrInvalidConfig", err)
			}
			if got := err.Error(); got != "handler config "+tt.want {
				t.Fatalf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestParseKeepsTheFolder: relative commands resolve from the config's
// folder, and a fractional timeoutSeconds is kept.
func TestParseKeepsTheFolder(t *testing.T) {
	set, err := handler.Parse(filepath.Join("conf", "h.json"), []byte(`{"handlers":[{"state":"A","command":["./a.sh"],"timeoutSeconds":1.5}]}`))
	if err != nil || set.Dir != "conf" || set.Bindings[0].TimeoutSeconds != 1.5 {
		t.Fatalf("Parse: %+v, %v", set, err)
	}
}
