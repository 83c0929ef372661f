package handler_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
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
		{"state": "Hangs", "command": []string{"sleep", "5"}, "timeoutSeconds": 0.2},
		{"state": "Echo", "url": srv.URL + "/echo"},
		{"state": "Teapot", "url": srv.URL + "/teapot"},
		{"state": "Garbage", "url": srv.URL + "/garbage"},
		{"resource": "arn:aws:states:::lambda:invoke", "lambdaEndpoint": srv.URL},
		{"resource": "arn:aws:lambda:*:function:*", "lambdaEndpoint": srv.URL},
	}}
	b, _ := json.Marshal(conf)
	if err := os.WriteFile(cfg, b, 0o600); err != nil {
		t.Fatal(err)
	}
	set, err := handler.Load(cfg)
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
		{"command floods stdout", engine.TaskRequest{State: "Floods"}, nil, fault.TaskFailed, "printed more than"},
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
		if fe, ok := fault.As(err); !ok || fe.Name != fault.TaskFailed || !strings.Contains(fe.Cause, "did not answer") {
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

func TestLoadRejects(t *testing.T) {
	for name, conf := range map[string]string{
		"two kinds":  `{"handlers":[{"state":"A","url":"http://x","command":["true"]}]}`,
		"no target":  `{"handlers":[{"url":"http://x"}]}`,
		"not json":   `{"handlers":`,
		"no handler": `{"handlers":[{"state":"A"}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			f := filepath.Join(t.TempDir(), "h.json")
			os.WriteFile(f, []byte(conf), 0o600)
			if _, err := handler.Load(f); err == nil {
				t.Fatal("Load accepted a bad config")
			}
		})
	}
}
