package app

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/app/runs"
)

type notices struct{ got []readyNotice }

func (n *notices) notify(name string, data any) {
	if name != readyEvent {
		panic("unexpected event " + name)
	}
	n.got = append(n.got, data.(readyNotice))
}

type answer struct {
	Last    int64         `json:"last"`
	Updates []runs.Update `json:"updates"`
}

func fetchAnswer(t *testing.T, p *postbox, query string) answer {
	t.Helper()
	rec := httptest.NewRecorder()
	p.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, updatesPath+query, nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", query, rec.Code, rec.Body)
	}
	var a answer
	if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil {
		t.Fatalf("GET %s: %v in %s", query, err, rec.Body)
	}
	return a
}

func fetchUpdates(t *testing.T, p *postbox, query string) []runs.Update {
	t.Helper()
	return fetchAnswer(t, p, query).Updates
}

func update(run string, seq int64, live bool) runs.Update {
	ev := json.RawMessage(`{"id":1,"type":"PassStateEntered"}`)
	return runs.Update{RunID: run, Seq: seq, Events: []json.RawMessage{ev}, Live: live}
}

// Updates are kept encoded, announced by a small event, and fetched in
// order from the one after the seq the page has.
func TestPostboxKeepsUpdatesForThePage(t *testing.T) {
	var n notices
	p := newPostbox(n.notify)
	for seq := int64(1); seq <= 3; seq++ {
		p.Emit(runs.UpdateEvent, update("a", seq, seq < 3))
	}
	p.Emit(runs.UpdateEvent, update("b", 1, true))
	if len(n.got) != 4 || n.got[2] != (readyNotice{RunID: "a", Post: 3}) || n.got[3] != (readyNotice{RunID: "b", Post: 4}) {
		t.Fatalf("notices %+v", n.got)
	}
	if a := fetchAnswer(t, p, "?run=a&after=1"); a.Last != 3 {
		t.Errorf("last post %d, want 3", a.Last)
	}
	if a := fetchAnswer(t, p, "?run=a&after=3"); a.Last != 3 || a.Updates == nil {
		t.Errorf("nothing after 3: %+v", a)
	}
	us := fetchUpdates(t, p, "?run=a&after=1")
	if len(us) != 2 || us[0].Seq != 2 || us[1].Seq != 3 || us[1].Live || string(us[0].Events[0]) != `{"id":1,"type":"PassStateEntered"}` {
		t.Fatalf("after 1: %+v", us)
	}
	if us := fetchUpdates(t, p, "?run=a&after=3"); len(us) != 0 {
		t.Fatalf("after 3: %+v", us)
	}
	if us := fetchUpdates(t, p, "?run=nobody&after=0"); len(us) != 0 {
		t.Fatalf("unknown run: %+v", us)
	}
	for _, bad := range []string{"?run=a", "?run=a&after=x"} {
		rec := httptest.NewRecorder()
		p.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, updatesPath+bad, nil))
		if rec.Code != http.StatusBadRequest {
			t.Errorf("GET %s: %d, want 400", bad, rec.Code)
		}
	}
	rec := httptest.NewRecorder()
	p.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, updatesPath+"?run=a&after=0", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", rec.Code)
	}
	rec = httptest.NewRecorder()
	p.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/elsewhere", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("another path: %d", rec.Code)
	}
}

// A redriven run numbers its updates from 1 again; the posts go on, so the
// page fetches the new ones after those it has.
func TestPostboxNumbersARedrivenRunOnward(t *testing.T) {
	var n notices
	p := newPostbox(n.notify)
	p.Emit(runs.UpdateEvent, update("a", 1, true))
	p.Emit(runs.UpdateEvent, update("a", 2, false))
	p.Emit(runs.UpdateEvent, update("a", 1, true)) // redriven
	if last := n.got[len(n.got)-1]; last.Post != 3 {
		t.Fatalf("the redriven run's update is post %d, want 3", last.Post)
	}
	us := fetchUpdates(t, p, "?run=a&after=2")
	if len(us) != 1 || us[0].Seq != 1 || !us[0].Live {
		t.Fatalf("after post 2: %+v", us)
	}
}

// A finished run's updates go after keepEnded; a live run's stay.
func TestPostboxForgetsFinishedRuns(t *testing.T) {
	var n notices
	p := newPostbox(n.notify)
	now := time.Unix(1000, 0)
	p.now = func() time.Time { return now }
	p.Emit(runs.UpdateEvent, update("done", 1, false))
	p.Emit(runs.UpdateEvent, update("going", 1, true))
	now = now.Add(keepEnded + time.Second)
	p.Emit(runs.UpdateEvent, update("going", 2, true))
	if us := fetchUpdates(t, p, "?run=done&after=0"); len(us) != 0 {
		t.Errorf("a run finished %v ago still has %d updates", keepEnded, len(us))
	}
	if us := fetchUpdates(t, p, "?run=going&after=0"); len(us) != 2 {
		t.Errorf("the live run has %d updates, want 2", len(us))
	}
	if p.size != len(mustJSON(t, update("going", 1, true)))+len(mustJSON(t, update("going", 2, true))) {
		t.Errorf("size %d after dropping a run", p.size)
	}
}

// Past the limit the oldest run's updates go first.
func TestPostboxDropsTheOldestRunPastItsLimit(t *testing.T) {
	var n notices
	p := newPostbox(n.notify)
	now := time.Unix(1000, 0)
	p.now = func() time.Time { now = now.Add(time.Second); return now }
	p.limit = 2 * len(mustJSON(t, update("a", 1, true)))
	p.Emit(runs.UpdateEvent, update("a", 1, true))
	p.Emit(runs.UpdateEvent, update("b", 1, true))
	p.Emit(runs.UpdateEvent, update("c", 1, true))
	if us := fetchUpdates(t, p, "?run=a&after=0"); len(us) != 0 {
		t.Errorf("the oldest run kept %d updates", len(us))
	}
	for _, id := range []string{"b", "c"} {
		if us := fetchUpdates(t, p, "?run="+id+"&after=0"); len(us) != 1 {
			t.Errorf("run %s kept %d updates, want 1", id, len(us))
		}
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
