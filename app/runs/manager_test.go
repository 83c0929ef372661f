package runs

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// Every run streams its events in order: update seqs count 1, 2, 3…, each
// update's events follow on from the last, and together they are the
// whole history, the same as the store keeps.
func TestEventsInOrder(t *testing.T) {
	items := make([]string, 300)
	for i := range items {
		items[i] = fmt.Sprint(i)
	}
	cases := []struct {
		def, input, status, lastType string
		batchMax                     int
	}{
		{"chain.asl.json", `{}`, "SUCCEEDED", "ExecutionSucceeded", 500},
		{"map.asl.json", `{"items":[` + strings.Join(items, ",") + `]}`, "SUCCEEDED", "ExecutionSucceeded", 100},
		{"parallel.asl.json", `{}`, "SUCCEEDED", "ExecutionSucceeded", 2},
		{"fail.asl.json", `{}`, "FAILED", "ExecutionFailed", 500},
		{"loop.asl.json", `{"n": 500}`, "SUCCEEDED", "ExecutionSucceeded", 64},
	}
	for _, c := range cases {
		t.Run(c.def, func(t *testing.T) {
			m, rec, st := newManager(t, WithBatching(5*time.Millisecond, c.batchMax))
			id, err := m.Start(StartRequest{Workflow: "w", Definition: definition(t, c.def), Input: c.input})
			if err != nil {
				t.Fatal(err)
			}
			last := rec.await(t, id, "the end", ended)
			if last.Meta.Status != c.status {
				t.Fatalf("status %s, want %s (%s %s)", last.Meta.Status, c.status, last.Meta.Error, last.Meta.Cause)
			}
			var all []json.RawMessage
			var next int64 = 1
			for i, u := range rec.of(id) {
				if u.Seq != int64(i+1) {
					t.Fatalf("update %d has seq %d", i, u.Seq)
				}
				if len(u.Events) > c.batchMax {
					t.Errorf("update %d carries %d events, more than the batch size %d", i, len(u.Events), c.batchMax)
				}
				if len(u.Events) > 0 && u.FirstEvent != next {
					t.Fatalf("update %d starts at event %d, want %d", i, u.FirstEvent, next)
				}
				next += int64(len(u.Events))
				all = append(all, u.Events...)
			}
			hs := heads(t, all)
			for i, h := range hs {
				if h.ID != int64(i+1) {
					t.Fatalf("event %d has id %d", i, h.ID)
				}
			}
			if hs[len(hs)-1].Type != c.lastType {
				t.Errorf("last event %s, want %s", hs[len(hs)-1].Type, c.lastType)
			}
			stored, err := st.Events(id, 0)
			if err != nil || len(stored) != len(all) {
				t.Fatalf("store has %d events (%v), streamed %d", len(stored), err, len(all))
			}
		})
	}
}

func TestConcurrentRuns(t *testing.T) {
	m, rec, _ := newManager(t)
	const n = 8
	ids := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id, err := m.Start(StartRequest{Workflow: "w", Definition: definition(t, "loop.asl.json"), Input: fmt.Sprintf(`{"n": %d}`, 50+i)})
			if err != nil {
				t.Error(err)
			}
			ids[i] = id
		}()
	}
	wg.Wait()
	for i, id := range ids {
		u := rec.await(t, id, "the end", ended)
		if u.Meta.Status != "SUCCEEDED" || u.Meta.Output != fmt.Sprint(50+i) {
			t.Errorf("run %d: %s output %s, want SUCCEEDED %d", i, u.Meta.Status, u.Meta.Output, 50+i)
		}
	}
	list, err := m.List("w")
	if err != nil || len(list) != n {
		t.Fatalf("List: %d runs (%v), want %d", len(list), err, n)
	}
}

func TestStop(t *testing.T) {
	m, rec, _ := newManager(t)
	id, err := m.Start(StartRequest{Workflow: "w", Definition: definition(t, "wait.asl.json"), Wait: "real"})
	if err != nil {
		t.Fatal(err)
	}
	rec.await(t, id, "the wait", func(u Update) bool { return u.LastEvent >= 2 })
	if err := m.Stop(id); err != nil {
		t.Fatal(err)
	}
	u := rec.await(t, id, "the end", ended)
	if u.Meta.Status != "ABORTED" {
		t.Fatalf("status %s, want ABORTED", u.Meta.Status)
	}
	if err := m.Stop(id); err == nil {
		t.Error("stopping an ended run: no error")
	}
}

func TestBreakpointAndStep(t *testing.T) {
	m, rec, _ := newManager(t)
	id, err := m.Start(StartRequest{Workflow: "w", Definition: definition(t, "chain.asl.json"), Breakpoints: []string{"B"}})
	if err != nil {
		t.Fatal(err)
	}
	u := rec.await(t, id, "pause before B", pausedAt("B"))
	for _, h := range heads(t, snapshotEvents(t, m, id)) {
		if h.Type == "PassStateEntered" && h.ID > 3 {
			t.Fatalf("paused before B but B was entered: event %d", h.ID)
		}
	}
	if u.Meta.Status != StatusRunning || !u.Live {
		t.Fatalf("paused run: status %s live %v", u.Meta.Status, u.Live)
	}
	if err := m.Step(id); err != nil {
		t.Fatal(err)
	}
	rec.await(t, id, "pause before C", pausedAt("C"))
	if err := m.Continue(id); err != nil {
		t.Fatal(err)
	}
	if u := rec.await(t, id, "the end", ended); u.Meta.Status != "SUCCEEDED" {
		t.Fatalf("status %s", u.Meta.Status)
	}
}

func snapshotEvents(t *testing.T, m *Manager, id string) []json.RawMessage {
	t.Helper()
	u, err := m.Snapshot(id, 0)
	if err != nil {
		t.Fatal(err)
	}
	return u.Events
}

// A page that reloads misses the updates sent while it was away; the
// snapshot gives it everything, or everything after what it already has.
func TestSnapshotCatchUp(t *testing.T) {
	m, rec, _ := newManager(t)
	rec.setDrop(true)
	id, err := m.Start(StartRequest{Workflow: "w", Definition: definition(t, "chain.asl.json"), Breakpoints: []string{"C"}})
	if err != nil {
		t.Fatal(err)
	}
	var u Update
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if u, err = m.Snapshot(id, 0); err != nil {
			t.Fatal(err)
		}
		if len(u.PausedAt) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("never paused")
		}
	}
	if u.PausedAt[0] != "C" || u.FirstEvent != 1 || int(u.LastEvent) != len(u.Events) || len(u.Events) < 5 {
		t.Fatalf("snapshot: paused %v events %d..%d (%d)", u.PausedAt, u.FirstEvent, u.LastEvent, len(u.Events))
	}
	tail, err := m.Snapshot(id, 3)
	if err != nil || tail.FirstEvent != 4 || len(tail.Events) != len(u.Events)-3 {
		t.Fatalf("snapshot after 3: first %d, %d events (%v)", tail.FirstEvent, len(tail.Events), err)
	}
	rec.setDrop(false)
	if err := m.Continue(id); err != nil {
		t.Fatal(err)
	}
	rec.await(t, id, "the end", ended)
	// Once ended, the run is read back from the store.
	whole, err := m.Snapshot(id, 0)
	if err != nil || whole.Meta.Status != "SUCCEEDED" || whole.Live || heads(t, whole.Events)[len(whole.Events)-1].Type != "ExecutionSucceeded" {
		t.Fatalf("snapshot of the ended run: %+v %v", whole.Meta, err)
	}
}

func TestManualTaskAndCallbacks(t *testing.T) {
	cases := []struct {
		name       string
		answer     func(m *Manager, id string, p Pending) error
		wantStatus string
		wantOutput string
	}{
		{"answer by hand, approve, activity", func(m *Manager, id string, p Pending) error {
			return m.Succeed(id, p.ID, `{"answer": 7}`)
		}, "SUCCEEDED", `{"done":true}`},
		{"throw by hand, caught", func(m *Manager, id string, p Pending) error {
			return m.Fail(id, p.ID, "Declined", "no budget")
		}, "SUCCEEDED", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, rec, _ := newManager(t)
			id, err := m.Start(StartRequest{Workflow: "w", Definition: definition(t, "tasks.asl.json"), Input: `{"q": "?"}`})
			if err != nil {
				t.Fatal(err)
			}
			u := rec.await(t, id, "the manual task", hasPending("task"))
			p := pendingOf(t, u, "task")
			if p.State != "Ask" || p.Input != `{"q":"?"}` {
				t.Fatalf("pending %+v", p)
			}
			if err := c.answer(m, id, p); err != nil {
				t.Fatal(err)
			}
			if err := m.Succeed(id, p.ID, `{}`); !errors.Is(err, ErrNoPending) {
				t.Errorf("answering twice: %v, want ErrNoPending", err)
			}
			if c.wantOutput != "" {
				u = rec.await(t, id, "the callback", hasPending("callback"))
				cb := pendingOf(t, u, "callback")
				if cb.State != "Approve" || cb.Token == "" || !strings.Contains(cb.Input, cb.Token) {
					t.Fatalf("callback %+v", cb)
				}
				if err := m.Heartbeat(id, cb.ID); err != nil {
					t.Fatal(err)
				}
				if err := m.Succeed(id, cb.ID, `{"approved": true}`); err != nil {
					t.Fatal(err)
				}
				u = rec.await(t, id, "the activity", hasPending("activity"))
				act := pendingOf(t, u, "activity")
				if err := m.Succeed(id, act.ID, `{"done": true}`); err != nil {
					t.Fatal(err)
				}
			}
			u = rec.await(t, id, "the end", ended)
			if u.Meta.Status != c.wantStatus || (c.wantOutput != "" && u.Meta.Output != c.wantOutput) {
				t.Fatalf("%s %s %s %s", u.Meta.Status, u.Meta.Output, u.Meta.Error, u.Meta.Cause)
			}
			if len(u.Pending) != 0 {
				t.Errorf("still pending after the end: %+v", u.Pending)
			}
			if c.wantOutput != "" {
				var types []string
				for _, h := range heads(t, snapshotEvents(t, m, id)) {
					types = append(types, h.Type)
				}
				if !strings.Contains(strings.Join(types, " "), "ActivityScheduled ActivityStarted ActivitySucceeded") {
					t.Errorf("activity events: %v", types)
				}
			}
		})
	}
}

func TestMocksAnswerFirst(t *testing.T) {
	m, rec, _ := newManager(t)
	id, err := m.Start(StartRequest{Workflow: "w", Definition: definition(t, "tasks.asl.json"),
		Input: `{"q": 1}`, Mocks: definition(t, "tasks.mocks.json"), TestCase: "Happy"})
	if err != nil {
		t.Fatal(err)
	}
	u := rec.await(t, id, "the callback", hasPending("callback"))
	for _, p := range u.Pending {
		if p.Kind == "task" {
			t.Fatalf("the mocked task asked by hand: %+v", p)
		}
	}
	if err := m.Stop(id); err != nil {
		t.Fatal(err)
	}
	rec.await(t, id, "the end", ended)
}

func TestRefused(t *testing.T) {
	m, _, _ := newManager(t)
	chain := definition(t, "chain.asl.json")
	cases := []struct {
		name string
		req  StartRequest
		want string
	}{
		{"bad input", StartRequest{Definition: chain, Input: `{"a":`}, "input is not valid JSON"},
		{"bad definition", StartRequest{Definition: `{"StartAt":"X","States":{}}`}, "workflow has errors"},
		{"bad mocks", StartRequest{Definition: chain, Mocks: `{"StateMachines": 3}`, TestCase: "T"}, "mock file has errors"},
		{"unknown test case", StartRequest{Definition: chain, Mocks: definition(t, "tasks.mocks.json"), TestCase: "Nope"}, "Nope"},
		{"bad wait", StartRequest{Definition: chain, Wait: "soon"}, "must be skip or real"},
		{"bad start", StartRequest{Definition: chain, StartAt: "Z"}, "Z"},
		{"bad type", StartRequest{Definition: chain, Type: "express"}, "must be STANDARD or EXPRESS"},
		{"input over 256 KiB", StartRequest{Definition: chain, Input: `"` + strings.Repeat("x", 256<<10) + `"`}, "the input is 262146 bytes of JSON, more than the 262144 bytes (256 KiB)"},
		{"mock of an unknown state", StartRequest{Definition: chain, Mocks: `{"StateMachines":{"SM":{"TestCases":{"T":{"Nowhere":"R"}}}},"MockedResponses":{"R":{"0":{"Return":1}}}}`, TestCase: "T"},
			`test case "T" mocks state "Nowhere", which the state machine does not have`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := m.Start(c.req)
			if !errors.Is(err, ErrInvalidRequest) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want ErrInvalidRequest mentioning %q", err, c.want)
			}
		})
	}
}

func TestRerunFrom(t *testing.T) {
	m, rec, _ := newManager(t)
	req := StartRequest{Workflow: "w", Definition: definition(t, "chain.asl.json")}
	first, err := m.Start(req)
	if err != nil {
		t.Fatal(err)
	}
	rec.await(t, first, "the end", ended)
	second, err := m.RerunFrom(req, first, "B")
	if err != nil {
		t.Fatal(err)
	}
	u := rec.await(t, second, "the end", ended)
	if u.Meta.StartAt != "B" || u.Meta.Input != `{"n":1}` || u.Meta.Output != `{"n":1,"by":"A"}` {
		t.Fatalf("re-run from B: %+v", u.Meta)
	}
	if _, err := m.RerunFrom(req, first, "Nowhere"); !errors.Is(err, ErrInvalidRequest) {
		t.Errorf("re-run from a missing state: %v", err)
	}
}

func TestExportImport(t *testing.T) {
	m, rec, _ := newManager(t)
	id, err := m.Start(StartRequest{Workflow: "w", Definition: definition(t, "parallel.asl.json")})
	if err != nil {
		t.Fatal(err)
	}
	rec.await(t, id, "the end", ended)
	text, err := m.Export(id)
	if err != nil {
		t.Fatal(err)
	}
	meta, err := m.Import("other", "{}", text)
	if err != nil {
		t.Fatal(err)
	}
	if meta.Status != "SUCCEEDED" || meta.Output != `["l","r"]` || !meta.Imported {
		t.Fatalf("imported %+v", meta)
	}
	again, err := m.Export(meta.ID)
	if err != nil || again != text {
		t.Fatalf("export of the import differs (%v):\n%s\n---\n%s", err, again, text)
	}
	// AWS SDKs may give epoch seconds; the import reads them too.
	aws := `{"events":[{"id":1,"previousEventId":0,"timestamp":1700000000.5,"type":"ExecutionStarted","executionStartedEventDetails":{"input":"{}","roleArn":"r"}},
	{"id":2,"previousEventId":1,"timestamp":1700000001,"type":"LambdaFunctionScheduled","lambdaFunctionScheduledEventDetails":{"resource":"x"}},
	{"id":3,"previousEventId":2,"timestamp":1700000002,"type":"ExecutionFailed","executionFailedEventDetails":{"error":"E","cause":"C"}}]}`
	meta, err = m.Import("other", "{}", aws)
	if err != nil || meta.Status != "FAILED" || meta.Error != "E" || meta.StartDate.Unix() != 1700000000 {
		t.Fatalf("AWS import: %+v %v", meta, err)
	}
	if list, _ := m.List("other"); len(list) != 2 {
		t.Errorf("List(other) = %d runs, want 2", len(list))
	}
	for _, bad := range []string{`nope`, `{"events":[]}`, `{"events":[{"id":2,"type":"ExecutionStarted"}]}`} {
		if _, err := m.Import("other", "{}", bad); !errors.Is(err, ErrInvalidRequest) {
			t.Errorf("Import(%s): %v", bad, err)
		}
	}
	if err := m.Delete(meta.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Snapshot(meta.ID, 0); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted run still there: %v", err)
	}
}

// Without a store runs still work; the UI is told they are not saved.
func TestNoStore(t *testing.T) {
	rec := newRecorder()
	m := New(nil, errors.New("locked by another studio"), rec)
	defer m.Close()
	id, err := m.Start(StartRequest{Workflow: "w", Definition: definition(t, "chain.asl.json")})
	if err != nil {
		t.Fatal(err)
	}
	u := rec.await(t, id, "the end", ended)
	if u.Meta.Status != "SUCCEEDED" || !strings.Contains(u.Unsaved, "locked by another studio") {
		t.Fatalf("%+v unsaved %q", u.Meta, u.Unsaved)
	}
	if s, err := m.Snapshot(id, 0); err != nil || len(s.Events) == 0 {
		t.Fatalf("snapshot of an unsaved run: %v", err)
	}
	if list, _ := m.List("w"); len(list) != 1 {
		t.Errorf("List = %d, want the unsaved run", len(list))
	}
}

// The values between processing steps travel with the updates and are
// kept: each names its visit's StateEntered event.
func TestStages(t *testing.T) {
	m, rec, _ := newManager(t)
	id, err := m.Start(StartRequest{Workflow: "w", Definition: definition(t, "stages.asl.json"), Input: `{"order": {"id": 7}}`})
	if err != nil {
		t.Fatal(err)
	}
	u := rec.await(t, id, "the end", ended)
	var streamed []StageRecord
	for _, u := range rec.of(id) {
		streamed = append(streamed, u.Stages...)
	}
	want := []StageRecord{
		{Seq: 1, Event: 2, State: "Pick", Step: "InputPath", Value: `{"id":7}`},
		{Seq: 2, Event: 2, State: "Pick", Step: "Parameters", Value: `{"id":7}`},
		{Seq: 3, Event: 2, State: "Pick", Step: "ResultPath", Value: `{"order":{"id":7},"picked":{"id":7}}`},
		{Seq: 4, Event: 4, State: "Again", Step: "ResultPath", Value: `{"order":{"id":7},"picked":{"id":7},"again":{"order":{"id":7},"picked":{"id":7}}}`},
	}
	if fmt.Sprint(streamed) != fmt.Sprint(want) || u.Meta.Stages != 4 {
		t.Fatalf("streamed %+v (meta says %d)\nwant %+v", streamed, u.Meta.Stages, want)
	}
	stored, err := m.Stages(id, 1)
	if err != nil || fmt.Sprint(stored) != fmt.Sprint(want[1:]) {
		t.Fatalf("stored after 1: %+v %v", stored, err)
	}
}

// A pace pauses before each state so people can watch; Stop ends the
// pause at once.
func TestPace(t *testing.T) {
	m, rec, _ := newManager(t, WithPaces(map[string]time.Duration{"slow": 40 * time.Millisecond, "glacial": time.Hour}))
	start := time.Now()
	id, err := m.Start(StartRequest{Workflow: "w", Definition: definition(t, "chain.asl.json"), Pace: "slow"})
	if err != nil {
		t.Fatal(err)
	}
	rec.await(t, id, "the end", ended)
	if d := time.Since(start); d < 120*time.Millisecond {
		t.Errorf("three states at 40 ms each took %v", d)
	}
	id, err = m.Start(StartRequest{Workflow: "w", Definition: definition(t, "chain.asl.json"), Pace: "glacial"})
	if err != nil {
		t.Fatal(err)
	}
	rec.await(t, id, "the first state", func(u Update) bool { return u.LastEvent >= 2 })
	start = time.Now()
	if err := m.Stop(id); err != nil {
		t.Fatal(err)
	}
	if u := rec.await(t, id, "the end", ended); u.Meta.Status != "ABORTED" || time.Since(start) > 2*time.Second {
		t.Fatalf("stopped a paced run: %s after %v", u.Meta.Status, time.Since(start))
	}
	if _, err := m.Start(StartRequest{Definition: definition(t, "chain.asl.json"), Pace: "warp"}); !errors.Is(err, ErrInvalidRequest) {
		t.Errorf("unknown pace: %v", err)
	}
}

// Stopping a run that waits for the user ends it at once and clears what
// it was waiting for.
func TestStopWhileWaiting(t *testing.T) {
	m, rec, _ := newManager(t)
	id, err := m.Start(StartRequest{Workflow: "w", Definition: definition(t, "tasks.asl.json"), Input: `{"q": 1}`})
	if err != nil {
		t.Fatal(err)
	}
	p := pendingOf(t, rec.await(t, id, "the manual task", hasPending("task")), "task")
	if err := m.Stop(id); err != nil {
		t.Fatal(err)
	}
	u := rec.await(t, id, "the end", ended)
	if u.Meta.Status != "ABORTED" || len(u.Pending) != 0 {
		t.Fatalf("%s, pending %+v", u.Meta.Status, u.Pending)
	}
	if err := m.Succeed(id, p.ID, `{}`); err == nil {
		t.Error("answered a task of a stopped run")
	}
}

// The run's type reaches the engine: a STANDARD run (the default) ends at
// AWS's 25,000 history events, an EXPRESS run of the same loop does not.
func TestTypeBoundsHistory(t *testing.T) {
	for _, c := range []struct {
		typ, status, cause string
		events             int64
	}{
		{"", "FAILED", "The execution reached the maximum number of history events (25000).", 25000},
		{"EXPRESS", "SUCCEEDED", "", 28006},
	} {
		t.Run("type "+c.typ, func(t *testing.T) {
			m, rec, _ := newManager(t, WithBatching(5*time.Millisecond, 1000))
			id, err := m.Start(StartRequest{Workflow: "w", Definition: definition(t, "loop.asl.json"), Input: `{"n": 7000}`, Type: c.typ})
			if err != nil {
				t.Fatal(err)
			}
			last := rec.await(t, id, "the end", ended)
			if last.Meta.Status != c.status || last.Meta.Cause != c.cause || last.Meta.Events != c.events {
				t.Fatalf("got %s %q after %d events, want %s %q after %d", last.Meta.Status, last.Meta.Cause, last.Meta.Events, c.status, c.cause, c.events)
			}
		})
	}
}

// A failed run says where in its definition it failed: the updates and
// the snapshot carry meta.errorLocation, which the store keeps.
func TestFailureLocation(t *testing.T) {
	m, rec, _ := newManager(t)
	def := `{
  "StartAt": "P",
  "States": {
    "P": {
      "Type": "Pass",
      "Parameters": {"x.$": "$.missing"},
      "End": true
    }
  }
}`
	id, err := m.Start(StartRequest{Workflow: "w", Definition: def})
	if err != nil {
		t.Fatal(err)
	}
	last := rec.await(t, id, "the end", ended)
	check := func(what string, meta Meta) {
		t.Helper()
		l := meta.ErrorLocation
		if meta.Status != "FAILED" || l == nil {
			t.Fatalf("%s: status %s, location %+v", what, meta.Status, l)
		}
		if l.State != "P" || l.Pointer != "/States/P/Parameters/x.$" || l.Range.Start.Line != 6 || l.Range.Start.Column != 22 {
			t.Errorf("%s: location %+v", what, l)
		}
	}
	check("last update", last.Meta)
	b, err := json.Marshal(last)
	if err != nil {
		t.Fatal(err)
	}
	var wire struct {
		Meta struct {
			ErrorLocation struct {
				Pointer string `json:"pointer"`
				Range   struct {
					Start struct{ Line, Column int }
				} `json:"range"`
			} `json:"errorLocation"`
		} `json:"meta"`
	}
	if err := json.Unmarshal(b, &wire); err != nil || wire.Meta.ErrorLocation.Pointer != "/States/P/Parameters/x.$" || wire.Meta.ErrorLocation.Range.Start.Line != 6 {
		t.Errorf("the update as the UI gets it: %s (%v)", b, err)
	}
	stored, err := m.Snapshot(id, 0)
	if err != nil {
		t.Fatal(err)
	}
	check("snapshot from the store", stored.Meta)
}
