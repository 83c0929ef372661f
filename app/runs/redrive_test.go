package runs

import (
	"errors"
	"testing"
	"time"
)

const redriveDef = `{"StartAt":"Before","States":{
 "Before":{"Type":"Pass","Result":{"n":1},"Next":"Call"},
 "Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","ResultPath":"$.call","End":true}}}`

const redriveMocks = `{"StateMachines":{"M":{"TestCases":{"FailOnce":{"Call":"R"}}}},
 "MockedResponses":{"R":{"0":{"Throw":{"Error":"Boom","Cause":"first call"}},"1":{"Return":{"ok":true}}}}}`

// awaitRedriven waits for the end of run id's redrive number count (await
// would stop at the first attempt's end).
func awaitRedriven(t *testing.T, rec *recorder, id string, count int) Update {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		for _, u := range rec.of(id) {
			if !u.Live && u.Meta.RedriveCount == count {
				return u
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("run %s: redrive %d did not end", id, count)
	return Update{}
}

func TestRedrive(t *testing.T) {
	for _, stored := range []bool{true, false} {
		name := "stored"
		if !stored {
			name = "in memory"
		}
		t.Run(name, func(t *testing.T) {
			var (
				m   *Manager
				rec *recorder
			)
			if stored {
				m, rec, _ = newManager(t)
			} else {
				rec = newRecorder()
				m = New(nil, errors.New("no store"), rec)
				t.Cleanup(m.Close)
			}
			req := StartRequest{Workflow: "w", Definition: redriveDef, Mocks: redriveMocks, TestCase: "FailOnce"}
			id, err := m.Start(req)
			if err != nil {
				t.Fatal(err)
			}
			if u := rec.await(t, id, "the end", ended); u.Meta.Status != "FAILED" {
				t.Fatalf("first run %s", u.Meta.Status)
			}
			if err := m.Redrive(req, id); err != nil {
				t.Fatal(err)
			}
			u := awaitRedriven(t, rec, id, 1)
			if u.Meta.Status != "SUCCEEDED" || u.Meta.Output != `{"n":1,"call":{"ok":true}}` || u.Meta.Error != "" {
				t.Fatalf("redriven: %+v", u.Meta)
			}
			_, evs, err := m.events(id)
			if err != nil {
				t.Fatal(err)
			}
			var types []string
			entered := map[string]int{}
			for i, h := range heads(t, evs) {
				if h.ID != int64(i+1) {
					t.Fatalf("event %d has id %d", i+1, h.ID)
				}
				types = append(types, h.Type)
				entered[h.Type]++
			}
			if entered["ExecutionRedriven"] != 1 || entered["PassStateEntered"] != 1 || entered["TaskStateEntered"] != 2 {
				t.Fatalf("history %v", types)
			}
			// A succeeded run is not redriven again.
			if err := m.Redrive(req, id); !errors.Is(err, ErrInvalidRequest) {
				t.Fatalf("redrive of a SUCCEEDED run: %v", err)
			}
		})
	}
}
