package runs

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/internal/corpus"
)

const twoStates = `{"StartAt":"Charge card","States":{"Charge card":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Next":"Done"},"Done":{"Type":"Succeed"}}}`

// Events of one run of twoStates, as the AWS CLI prints them.
var cliEvents = []string{
	`{"id":1,"previousEventId":0,"timestamp":"2026-12-01T10:00:00.000Z","type":"ExecutionStarted","executionStartedEventDetails":{"input":"{\"n\":1}","roleArn":"r"}}`,
	`{"id":2,"previousEventId":1,"timestamp":"2026-12-01T10:00:00.100Z","type":"TaskStateEntered","stateEnteredEventDetails":{"name":"Charge card","input":"{\"n\":1}"}}`,
	`{"id":3,"previousEventId":2,"timestamp":"2026-12-01T10:00:01.000Z","type":"TaskStateExited","stateExitedEventDetails":{"name":"Charge card","output":"{\"ok\":true}"}}`,
	`{"id":4,"previousEventId":3,"timestamp":"2026-12-01T10:00:01.100Z","type":"SucceedStateEntered","stateEnteredEventDetails":{"name":"Done","input":"{\"ok\":true}"}}`,
	`{"id":5,"previousEventId":4,"timestamp":"2026-12-01T10:00:01.200Z","type":"ExecutionSucceeded","executionSucceededEventDetails":{"output":"{\"ok\":true}"}}`,
}

func page(evs ...string) string { return `{"events":[` + strings.Join(evs, ",") + `],"nextToken":"x"}` }

func TestImportShapes(t *testing.T) {
	e := cliEvents
	reversed := []string{e[4], e[3], e[2], e[1], e[0]}
	for name, text := range map[string]string{
		"one CLI page":                  page(e...),
		"two pages one after another":   page(e[:2]...) + "\n" + page(e[2:]...),
		"pages that repeat an event":    page(e[:3]...) + page(e[2:]...),
		"the bare event array":          "[" + strings.Join(e, ",") + "]",
		"--reverse-order":               page(reversed...),
		"with a byte order mark":        "\uFEFF" + page(e...),
		"payloads as JSON, not as text": strings.ReplaceAll(strings.ReplaceAll(page(e...), `"input":"{\"n\":1}"`, `"input":{"n":1}`), `"output":"{\"ok\":true}"`, `"output":{"ok":true}`),
	} {
		t.Run(name, func(t *testing.T) {
			m, _, _ := newManager(t)
			meta, err := m.Import("w", twoStates, text)
			if err != nil {
				t.Fatal(err)
			}
			if meta.Status != "SUCCEEDED" || meta.Events != 5 || meta.Input != `{"n":1}` || meta.Output != `{"ok":true}` || len(meta.ImportNotes) != 0 {
				t.Fatalf("imported %+v", meta)
			}
			s, err := m.Snapshot(meta.ID, 0)
			if err != nil || len(s.Events) != 5 {
				t.Fatalf("snapshot: %v, %d events", err, len(s.Events))
			}
			var ev struct {
				Details struct{ Input string } `json:"stateEnteredEventDetails"`
			}
			if err := json.Unmarshal(s.Events[1], &ev); err != nil || ev.Details.Input != `{"n":1}` {
				t.Fatalf("event 2 reads %s", s.Events[1])
			}
		})
	}
}

func TestImportRefusesInPlainWords(t *testing.T) {
	m, _, _ := newManager(t)
	for name, tc := range map[string]struct{ text, want string }{
		"not JSON":          {"{\"events\": [\n  {\"id\": 1,,}\n]}", "not valid JSON at line 2, column"},
		"cut short":         {`{"events": [`, "the file ends too soon"},
		"a definition":      {twoStates, "workflow definition, not an execution history"},
		"no events key":     {`{"executions": []}`, `has no "events"`},
		"events not a list": {`{"events": {}}`, `"events" must be a list`},
		"empty":             {`{"events": []}`, "no events"},
		"a page missing":    {page(cliEvents[0], cliEvents[2]), "has id 3"},
		"not an event":      {`[{"id": 1}]`, `has no "type"`},
		"a number":          {`42`, "not an execution history"},
	} {
		_, err := m.Import("w", twoStates, tc.text)
		if !errors.Is(err, ErrInvalidRequest) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want it to say %q", name, err, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), "Go value") {
			t.Errorf("%s: Go internals in %q", name, err)
		}
	}
}

func TestImportOntoAnotherWorkflowSaysSo(t *testing.T) {
	m, _, _ := newManager(t)
	other := `{"StartAt":"Charge Card","States":{"Charge Card":{"Type":"Pass","Next":"Done"},"Done":{"Type":"Succeed"}}}`
	meta, err := m.Import("w", other, page(cliEvents...))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(meta.ImportNotes, "\n")
	if !strings.Contains(got, "1 step(s) this workflow does not have: “Charge card”") {
		t.Errorf("notes = %q", got)
	}
	unrelated := `{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}`
	meta, _ = m.Import("w", unrelated, page(cliEvents...))
	if len(meta.ImportNotes) == 0 || !strings.Contains(meta.ImportNotes[0], "None of the steps") {
		t.Errorf("unrelated workflow: notes = %q", meta.ImportNotes)
	}
	typed := `{"StartAt":"Charge card","States":{"Charge card":{"Type":"Pass","Next":"Done"},"Done":{"Type":"Succeed"}}}`
	meta, _ = m.Import("w", typed, page(cliEvents...))
	if !strings.Contains(strings.Join(meta.ImportNotes, ""), "“Charge card” is a Task in the history but a Pass here") {
		t.Errorf("type mismatch: notes = %q", meta.ImportNotes)
	}
}

// Every history AWS recorded in the conformance corpus imports onto its
// own definition with nothing reported as mismatched, and ends as AWS
// says it ended.
func TestImportAWSRecordedHistories(t *testing.T) {
	root := corpus.Dir(t, "conformance")
	paths, _ := filepath.Glob(filepath.Join(root, "*", "*", "history.json"))
	if len(paths) == 0 {
		t.Skip("no recorded histories in the corpus")
	}
	m, _, _ := newManager(t)
	imported, skipped := 0, 0
	for _, p := range paths {
		dir := filepath.Dir(p)
		hist, err1 := os.ReadFile(p)
		def, err2 := os.ReadFile(filepath.Join(dir, "definition.json"))
		exp, err3 := os.ReadFile(filepath.Join(dir, "expected.json"))
		if err1 != nil || err2 != nil || err3 != nil {
			continue
		}
		var want struct{ Status string }
		_ = json.Unmarshal(exp, &want)
		var ids []struct{ ID json.RawMessage }
		if json.Unmarshal(hist, &ids) == nil && !numericIDs(ids) {
			skipped++
			continue // the recorder replaced ids it could not order ("id": [0]): no history AWS gives
		}
		meta, err := m.Import("w", string(def), string(hist))
		rel, _ := filepath.Rel(root, dir)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		imported++
		if len(meta.ImportNotes) > 0 {
			t.Errorf("%s: %q", rel, meta.ImportNotes)
		}
		if want.Status != "" && meta.Status != want.Status {
			t.Errorf("%s: imported as %s, AWS recorded %s", rel, meta.Status, want.Status)
		}
	}
	t.Logf("%d of %d AWS-recorded histories imported onto their definitions (%d left out: the recorder replaced their ids)", imported, len(paths), skipped)
}

func numericIDs(evs []struct{ ID json.RawMessage }) bool {
	for _, e := range evs {
		var n int64
		if json.Unmarshal(e.ID, &n) != nil {
			return false
		}
	}
	return true
}

func TestCheckMocks(t *testing.T) {
	mocks := `{
  "StateMachines": {"flow": {"TestCases": {"Happy": {"Charge Card": "ok", "Done": "ok"}}}},
  "MockedResponses": {"ok": {"0": {"Return": {}}}}
}`
	got := CheckMocks("flow", twoStates, mocks)
	if len(got) != 2 || got[0].Line != 2 || !strings.Contains(got[0].Message, `did you mean "Charge card"`) || !strings.Contains(got[1].Message, "a Succeed state") {
		t.Fatalf("CheckMocks = %+v", got)
	}
	if got := CheckMocks("flow", twoStates, `{"StateMachines": {}, "MockedResponses": {"r": {"1": {"Return": 1}}}}`); len(got) == 0 || got[0].Line == 0 {
		t.Errorf("a response key not starting at 0: %+v, want a located problem", got)
	}
	if got := CheckMocks("flow", twoStates, ""); got != nil {
		t.Errorf("no mock file: %+v", got)
	}
}

// A watched remote execution is imported again as it grows and stays one
// run: RUNNING until its history ends, then what it ended as.
func TestImportExecutionReplacesTheRunOfThatExecution(t *testing.T) {
	m, _, st := newManager(t)
	arn := "arn:aws:states:us-east-1:123456789012:execution:orders:run-7"
	started := `{"id":1,"previousEventId":0,"timestamp":"2026-12-07T10:00:00Z","type":"ExecutionStarted","executionStartedEventDetails":{"input":"{}"}}`
	entered := `{"id":2,"previousEventId":1,"timestamp":"2026-12-07T10:00:01Z","type":"PassStateEntered","stateEnteredEventDetails":{"name":"P","input":"{}"}}`
	ended := `{"id":3,"previousEventId":2,"timestamp":"2026-12-07T10:00:02Z","type":"ExecutionSucceeded","executionSucceededEventDetails":{"output":"{}"}}`
	def := `{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`
	first, err := m.ImportExecution(arn, "w", def, `{"events":[`+started+`,`+entered+`]}`)
	if err != nil {
		t.Fatal(err)
	}
	if first.Status != StatusRunning || first.Remote != arn || first.Name != "run-7" {
		t.Fatalf("first import: %+v", first)
	}
	second, err := m.ImportExecution(arn, "w", def, `{"events":[`+started+`,`+entered+`,`+ended+`]}`)
	if err != nil {
		t.Fatal(err)
	}
	if second.ID != first.ID || second.Status != "SUCCEEDED" || second.Events != 3 {
		t.Fatalf("second import: %+v (first id %s)", second, first.ID)
	}
	all, err := st.List("w")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 {
		t.Fatalf("%d runs kept, want the one", len(all))
	}
	evs, err := st.Events(first.ID, 0)
	if err != nil || len(evs) != 3 {
		t.Fatalf("%d events (%v), want 3", len(evs), err)
	}
}
