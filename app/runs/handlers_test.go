package runs

import (
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/stepstudio/stepstudio/app/sidecar"
)

// fakeTrust is a TrustStore in memory.
type fakeTrust struct {
	mu      sync.Mutex
	trusted map[string]bool // workflow + " " + hash
	granted []string
	fail    error
}

func (f *fakeTrust) Trusted(workflow, hash string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.trusted[workflow+" "+hash]
}

func (f *fakeTrust) Grant(workflow, hash, shown string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.granted = append(f.granted, shown)
	if f.fail != nil {
		return f.fail
	}
	f.trusted[workflow+" "+hash] = true
	return nil
}

func echoHandler(out string) *sidecar.Handler {
	return &sidecar.Handler{Kind: sidecar.KindCommand, Command: []string{"/bin/sh", "-c", "cat >/dev/null; echo '" + out + "'"}}
}

// handlerRun starts handler.asl.json whose "Validate order" is answered by
// h and "Ship" by a mock-free hand answer; it returns the workflow path.
func handlerRun(t *testing.T, m *Manager, h *sidecar.Handler, extra ...func(*StartRequest)) (string, string) {
	t.Helper()
	wf := filepath.Join(t.TempDir(), "orders.asl.json")
	req := StartRequest{Workflow: wf, Definition: definition(t, "handler.asl.json"), Input: `{"id": 7}`,
		Handlers: map[string]*sidecar.Handler{"Validate order": h}}
	for _, f := range extra {
		f(&req)
	}
	id, err := m.Start(req)
	if err != nil {
		t.Fatal(err)
	}
	return id, wf
}

// shipByHand answers the hand task Ship with its input and waits for the end.
func shipByHand(t *testing.T, m *Manager, rec *recorder, id string) Update {
	t.Helper()
	u := rec.await(t, id, "Ship asked by hand", func(u Update) bool {
		return len(u.Pending) == 1 && u.Pending[0].Kind == "task" && u.Pending[0].State == "Ship"
	})
	p := u.Pending[0]
	if err := m.Succeed(id, p.ID, p.Input); err != nil {
		t.Fatal(err)
	}
	return rec.await(t, id, "the end", ended)
}

func TestHandlerTrusted(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses /bin/sh")
	}
	h := echoHandler(`{"valid": true}`)
	ft := &fakeTrust{trusted: map[string]bool{}}
	m, rec, _ := newManager(t, WithTrust(ft))
	id, _ := handlerRun(t, m, h, func(r *StartRequest) { ft.trusted[r.Workflow+" "+h.Hash()] = true })
	u := shipByHand(t, m, rec, id)
	if u.Meta.Status != "SUCCEEDED" || u.Meta.Output != `{"valid":true}` {
		t.Fatalf("%s %s %s %s", u.Meta.Status, u.Meta.Output, u.Meta.Error, u.Meta.Cause)
	}
	for _, up := range rec.of(id) {
		for _, p := range up.Pending {
			if p.Kind == "trust" {
				t.Fatalf("a trusted handler asked: %+v", p)
			}
		}
	}
}

func TestHandlerUntrustedAsks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses /bin/sh")
	}
	cases := []struct {
		name      string
		yes       bool
		grantErr  error
		wantOut   string // "" = Validate order answered by hand
		wantGrant bool
	}{
		{"trust", true, nil, `{"valid":true}`, true},
		{"trust, not remembered", true, errors.New("disk full"), `{"valid":true}`, false},
		{"don't trust: answered by hand", false, nil, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := echoHandler(`{"valid": true}`)
			ft := &fakeTrust{trusted: map[string]bool{}, fail: c.grantErr}
			m, rec, _ := newManager(t, WithTrust(ft))
			id, wf := handlerRun(t, m, h)
			u := rec.await(t, id, "the trust card", hasPending("trust"))
			p := pendingOf(t, u, "trust")
			if p.State != "Validate order" || p.Handler != "command" || p.Command != h.Shown() ||
				!strings.Contains(p.Command, `echo '\''{"valid": true}'\''`) {
				t.Fatalf("trust card %+v", p)
			}
			err := m.Trust(id, p.ID, c.yes)
			if (err != nil) != (c.grantErr != nil) {
				t.Fatalf("Trust: %v", err)
			}
			if !c.yes {
				u = rec.await(t, id, "Validate order by hand", hasPending("task"))
				hp := pendingOf(t, u, "task")
				if hp.State != "Validate order" {
					t.Fatalf("asked by hand for %q", hp.State)
				}
				if err := m.Succeed(id, hp.ID, `{"byHand": 1}`); err != nil {
					t.Fatal(err)
				}
				c.wantOut = `{"byHand":1}`
			}
			u = shipByHand(t, m, rec, id)
			if u.Meta.Status != "SUCCEEDED" || u.Meta.Output != c.wantOut {
				t.Fatalf("%s %s %s %s", u.Meta.Status, u.Meta.Output, u.Meta.Error, u.Meta.Cause)
			}
			if got := ft.Trusted(wf, h.Hash()); got != c.wantGrant {
				t.Errorf("remembered = %v, want %v", got, c.wantGrant)
			}
			if err := m.Trust(id, p.ID, true); err == nil {
				t.Error("answering the card twice was accepted")
			}
		})
	}
}

func TestHandlerMocksWin(t *testing.T) {
	// The handler would fail the run; the mock answers first.
	h := &sidecar.Handler{Kind: sidecar.KindCommand, Command: []string{"/nonexistent/never-run"}}
	mocks := `{"StateMachines": {"orders": {"TestCases": {"T": {"Validate order": "OK", "Ship": "OK"}}}},
	 "MockedResponses": {"OK": {"0": {"Return": {"mocked": true}}}}}`
	m, rec, _ := newManager(t, WithTrust(&fakeTrust{trusted: map[string]bool{}}))
	id, _ := handlerRun(t, m, h, func(r *StartRequest) { r.Mocks, r.TestCase = mocks, "T" })
	u := rec.await(t, id, "the end", ended)
	if u.Meta.Status != "SUCCEEDED" || u.Meta.Output != `{"mocked":true}` {
		t.Fatalf("%s %s %s %s", u.Meta.Status, u.Meta.Output, u.Meta.Error, u.Meta.Cause)
	}
	for _, up := range rec.of(id) {
		if len(up.Pending) > 0 {
			t.Fatalf("a mocked state asked: %+v", up.Pending)
		}
	}
}

func TestTrustKey(t *testing.T) {
	for _, tc := range []struct {
		req  StartRequest
		want string
	}{
		{StartRequest{Workflow: "/w/flow.asl.json", Notes: "/w/other.studio.json"}, "/w/flow.asl.json"},
		{StartRequest{Workflow: "template.yaml › Checkout", Notes: "/w/template.Checkout.studio.json"}, "/w/template.Checkout.studio.json"},
		{StartRequest{Workflow: "untitled.asl.json"}, ""},
	} {
		if got := tc.req.trustKey(); got != tc.want {
			t.Errorf("trustKey(%+v) = %q, want %q", tc.req, got, tc.want)
		}
	}
}
