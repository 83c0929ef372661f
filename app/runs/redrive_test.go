package runs

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/engine"
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

// distRedriveDef fails items 3 and 7 until their child execution has been
// redriven ($$.Execution.RedriveCount is the child's own).
const distRedriveDef = `{"StartAt":"Each","States":{
 "Each":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
  "StartAt":"Check","States":{
   "Check":{"Type":"Choice","Choices":[{"Or":[{"Variable":"$.fail","IsPresent":false},
     {"Variable":"$$.Execution.RedriveCount","NumericGreaterThan":0}],"Next":"Done"}]},
   "Done":{"Type":"Pass","InputPath":"$.v","End":true}}},"End":true}}}`

// TestRedriveMapRun: Redrive in the studio redrives the failed Map Run in
// place: the run lists one Map Run (redriven once, all ten succeeded),
// the two failed children redriven with their histories going on, the
// others as they were; live and read back from the store.
func TestRedriveMapRun(t *testing.T) {
	for _, stored := range []bool{true, false} {
		t.Run(map[bool]string{true: "stored", false: "in memory"}[stored], func(t *testing.T) {
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
			var items []string
			for i := range 10 {
				if i == 3 || i == 7 {
					items = append(items, fmt.Sprintf(`{"v":%d,"fail":true}`, i))
				} else {
					items = append(items, fmt.Sprintf(`{"v":%d}`, i))
				}
			}
			req := StartRequest{Workflow: "w", Definition: distRedriveDef, Input: `{"items":[` + strings.Join(items, ",") + `]}`}
			id, err := m.Start(req)
			if err != nil {
				t.Fatal(err)
			}
			if u := rec.await(t, id, "the end", ended); u.Meta.Status != "FAILED" {
				t.Fatalf("first run %s", u.Meta.Status)
			}
			before := mapRunsOf(t, m, id)
			if err := m.Redrive(req, id); err != nil {
				t.Fatal(err)
			}
			if u := awaitRedriven(t, rec, id, 1); u.Meta.Status != "SUCCEEDED" || u.Meta.Output != `[0,1,2,3,4,5,6,7,8,9]` {
				t.Fatalf("redriven: %+v", u.Meta)
			}
			after := mapRunsOf(t, m, id)
			if len(after) != 1 || after[0].MapRunArn != before[0].MapRunArn || after[0].RedriveCount != 1 ||
				after[0].ItemCounts.Succeeded != 10 || after[0].Status != "SUCCEEDED" {
				t.Fatalf("Map Runs after the redrive: %+v", after)
			}
			for i, c := range after[0].Children {
				want := 0
				if i == 3 || i == 7 {
					want = 1
				}
				if c.Status != "SUCCEEDED" || c.RedriveCount != want || c.Name != before[0].Children[i].Name {
					t.Errorf("child %d: %s redriveCount %d name %s", i, c.Status, c.RedriveCount, c.Name)
				}
			}
			s, err := m.ChildExecution(id, after[0].MapRunArn, 3)
			if err != nil {
				t.Fatal(err)
			}
			var child engine.ChildExecution
			if err := json.Unmarshal([]byte(s), &child); err != nil {
				t.Fatal(err)
			}
			var types []string
			for _, e := range child.Events {
				types = append(types, e.Type)
			}
			if got := strings.Join(types, " "); got != "ExecutionStarted ChoiceStateEntered ExecutionFailed ExecutionRedriven ChoiceStateEntered ChoiceStateExited PassStateEntered PassStateExited ExecutionSucceeded" {
				t.Errorf("child 3's history: %s", got)
			}
			_, evs, err := m.events(id)
			if err != nil {
				t.Fatal(err)
			}
			var parent []string
			for _, h := range heads(t, evs) {
				parent = append(parent, h.Type)
			}
			if got := strings.Join(parent, " "); !strings.Contains(got, "ExecutionRedriven MapStateEntered MapStateStarted MapRunRedriven MapRunSucceeded") {
				t.Errorf("parent history: %s", got)
			}
		})
	}
}

func mapRunsOf(t *testing.T, m *Manager, id string) []engine.MapRun {
	t.Helper()
	s, err := m.MapRunsOf(id)
	if err != nil {
		t.Fatal(err)
	}
	var runs []engine.MapRun
	if err := json.Unmarshal([]byte(s), &runs); err != nil {
		t.Fatal(err)
	}
	return runs
}
