package sidecar

import (
	"strings"
	"testing"
	"time"
)

func TestHandlerOps(t *testing.T) {
	now := time.Date(2026, 12, 7, 1, 0, 0, 0, time.UTC)
	cmd := &Handler{Kind: KindCommand, Command: []string{"./validate.sh", "--strict"}, Dir: "scripts/../tools", TimeoutSeconds: 5}
	cases := []struct {
		name    string
		ops     []Op
		want    string // the "handlers" section as written; "" = none
		wantErr string
	}{
		{"set a command", []Op{{Kind: OpSetHandler, State: "Validate order", Handler: cmd}},
			`"handlers": {
    "Validate order": {
      "kind": "command",
      "command": [
        "./validate.sh",
        "--strict"
      ],
      "dir": "tools",
      "timeoutSeconds": 5
    }
  }`, ""},
		{"set then clear", []Op{{Kind: OpSetHandler, State: "A", Handler: cmd}, {Kind: OpClearHandler, State: "A"}}, "", ""},
		{"rename carries it", []Op{{Kind: OpSetHandler, State: "A", Handler: &Handler{Kind: KindHTTP, URL: "http://127.0.0.1:9/x"}}, {Kind: OpRename, State: "A", To: "B"}},
			`"handlers": {
    "B": {
      "kind": "http",
      "url": "http://127.0.0.1:9/x"
    }
  }`, ""},
		{"no state", []Op{{Kind: OpSetHandler, Handler: cmd}}, "", "name the state"},
		{"no command", []Op{{Kind: OpSetHandler, State: "A", Handler: &Handler{Kind: KindCommand}}}, "", "give the command"},
		{"dir outside", []Op{{Kind: OpSetHandler, State: "A", Handler: &Handler{Kind: KindCommand, Command: []string{"x"}, Dir: "../.."}}}, "", "inside the workflow's folder"},
		{"bad url", []Op{{Kind: OpSetHandler, State: "A", Handler: &Handler{Kind: KindLambda, URL: "ftp://x"}}}, "", "http:// or https://"},
		{"bad kind", []Op{{Kind: OpSetHandler, State: "A", Handler: &Handler{Kind: "shell", Command: []string{"x"}}}}, "", "command, http or lambda"},
		{"bad timeout", []Op{{Kind: OpSetHandler, State: "A", Handler: &Handler{Kind: KindCommand, Command: []string{"x"}, TimeoutSeconds: -1}}}, "", "time limit"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := New()
			var err error
			for _, op := range c.ops {
				if err = f.Apply(op, now, func() string { return "id" }); err != nil {
					break
				}
			}
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			b, err := f.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			got := string(b)
			if c.want == "" && strings.Contains(got, "handlers") || c.want != "" && !strings.Contains(got, c.want) {
				t.Fatalf("written:\n%s\nwant it to hold:\n%s", got, c.want)
			}
			back, err := Parse(b)
			if err != nil {
				t.Fatal(err)
			}
			if b2, _ := back.Marshal(); string(b2) != got {
				t.Errorf("not stable through Parse:\n%s\n%s", got, b2)
			}
		})
	}
}

// A version-1 file without handlers reads as before, and one with them
// keeps the other keys it does not know.
func TestHandlersBackwardCompatible(t *testing.T) {
	old := `{"version": 1, "workflow": {"description": "Orders"}, "later": {"x": 1}}`
	f, err := Parse([]byte(old))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Handlers) != 0 {
		t.Fatalf("handlers from nowhere: %v", f.Handlers)
	}
	if err := f.Apply(Op{Kind: OpSetHandler, State: "A", Handler: &Handler{Kind: KindLambda, URL: "http://localhost:3001"}}, time.Now(), NewID); err != nil {
		t.Fatal(err)
	}
	b, _ := f.Marshal()
	for _, want := range []string{`"version": 1`, `"later"`, `"lambda"`, `"description": "Orders"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("missing %s in\n%s", want, b)
		}
	}
	if o := f.Orphans([]string{"B"}); len(o) != 1 || o[0] != "A" {
		t.Errorf("orphans %v, want the handler of A", o)
	}
}

func TestHandlerHashAndTrustNeeds(t *testing.T) {
	base := Handler{Kind: KindCommand, Command: []string{"/bin/sh", "-c", "echo {}"}}
	same := base
	same.TimeoutSeconds = 9
	same.Dir = "."
	for _, c := range []struct {
		name  string
		h     Handler
		equal bool
	}{
		{"time limit and '.' change nothing", same, true},
		{"another argument", Handler{Kind: KindCommand, Command: []string{"/bin/sh", "-c", "echo {1}"}}, false},
		{"another folder", Handler{Kind: KindCommand, Command: base.Command, Dir: "sub"}, false},
		{"split differently", Handler{Kind: KindCommand, Command: []string{"/bin/sh", "-c echo {}"}}, false},
	} {
		if got := c.h.Hash() == base.Hash(); got != c.equal {
			t.Errorf("%s: same hash = %v", c.name, got)
		}
	}
	for url, want := range map[string]bool{
		"http://127.0.0.1:3001": false, "http://localhost:8080/x": false, "http://[::1]:9/": false,
		"https://example.com/hook": true, "http://10.0.0.5/": true, "http://127.0.0.1.evil.com/": true,
	} {
		if got := (&Handler{Kind: KindHTTP, URL: url}).NeedsTrust(); got != want {
			t.Errorf("NeedsTrust(%s) = %v, want %v", url, got, want)
		}
	}
	if !base.NeedsTrust() {
		t.Error("a command must always need trust")
	}
	if got := base.Shown(); got != `/bin/sh -c 'echo {}'` {
		t.Errorf("Shown = %s", got)
	}
}
