package runs

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// Import stores a history as a run of workflow, so it can be replayed on
// the diagram. It takes what people have (see readHistory) and checks the
// history against definition, the workflow it is imported onto: steps
// the history visits that the workflow lacks, or has as another type,
// are named in the run's ImportNotes instead of silently lighting nothing.
func (m *Manager) Import(workflow, definition, text string) (Meta, error) {
	meta := Meta{ID: uuid.Must(uuid.NewV7()).String(), Workflow: workflow, Definition: definition, Name: "imported"}
	return m.importHistory(meta, text)
}

// ImportExecution stores the history of a remote execution (arn) as a run
// of workflow, in place of the one imported for it before: a watched
// execution is imported again as it grows, and stays one run. A history
// that has not ended keeps the status RUNNING.
func (m *Manager) ImportExecution(arn, workflow, definition, text string) (Meta, error) {
	sum := sha256.Sum256([]byte(arn))
	meta := Meta{ID: "remote-" + hex.EncodeToString(sum[:12]), Workflow: workflow, Definition: definition, Remote: arn,
		Name: arn[strings.LastIndex(arn, ":")+1:]}
	if m.store != nil {
		if err := m.store.Delete(meta.ID); err != nil && !errors.Is(err, ErrNotFound) {
			return Meta{}, err
		}
	}
	return m.importHistory(meta, text)
}

func (m *Manager) importHistory(meta Meta, text string) (Meta, error) {
	events, err := readHistory(text)
	if err != nil {
		return Meta{}, err
	}
	meta.Status, meta.Imported = StatusRunning, true
	ids := make([]int64, len(events))
	evs := make([]json.RawMessage, len(events))
	var visits []visit
	for i, raw := range events {
		raw = normalizeEvent(raw)
		var e eventHead
		if err := json.Unmarshal(raw, &e); err != nil || e.Type == "" {
			return Meta{}, invalid("Event %d is not a history event (it has no \"type\")", i+1)
		}
		if e.ID != int64(i+1) {
			return Meta{}, invalid("Event %d has id %d; a history's ids run 1, 2, 3… (export every page of it)", i+1, e.ID)
		}
		ids[i] = e.ID
		evs[i] = raw
		at := parseTimestamp(e.Timestamp)
		switch {
		case e.Entered != nil:
			visits = append(visits, visit{e.Entered.Name, strings.TrimSuffix(e.Type, "StateEntered")})
		case e.Started != nil:
			meta.Input, meta.StartDate = e.Started.Input, at
		case e.Succeeded != nil:
			meta.Status, meta.Output, meta.StopDate = "SUCCEEDED", e.Succeeded.Output, at
		case e.Failed != nil:
			meta.Status, meta.Error, meta.Cause, meta.StopDate = "FAILED", e.Failed.Error, e.Failed.Cause, at
		case e.Type == "ExecutionAborted":
			meta.Status, meta.StopDate = "ABORTED", at
		case e.Type == "ExecutionTimedOut":
			meta.Status, meta.StopDate = "TIMED_OUT", at
		}
	}
	if meta.Status == StatusRunning && meta.Remote == "" {
		meta.Status = "ABORTED" // a history cut short: nothing runs it here
	}
	meta.ImportNotes = mismatches(meta.Definition, visits)
	meta.Events = int64(len(evs))
	if m.store == nil {
		return Meta{}, fmt.Errorf("cannot import: %s", m.storeErr)
	}
	if err := m.store.Save(meta, evs, ids, nil); err != nil {
		return Meta{}, err
	}
	meta.Definition = ""
	return meta, nil
}

const historyShapes = "what `aws stepfunctions get-execution-history` prints (one page or several), its bare \"events\" array, or a history Stepstudio exported"

// readHistory reads the shapes a history comes in: AWS's
// GetExecutionHistory output ({"events": [...]}), several such pages one
// after another (as paging by hand gives them), the bare event array,
// and the studio's own export (the first shape). Events come back in id
// order, whichever order they were listed in (--reverse-order), with the
// events pages repeat given once.
func readHistory(text string) ([]json.RawMessage, error) {
	text = strings.TrimPrefix(text, "\uFEFF")
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var events []json.RawMessage
	for page := 1; ; page++ {
		var doc json.RawMessage
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) && page > 1 {
			break
		}
		if err != nil {
			return nil, notJSON(text, dec.InputOffset(), err)
		}
		got, err := pageEvents(doc, page)
		if err != nil {
			return nil, err
		}
		events = append(events, got...)
	}
	if len(events) == 0 {
		return nil, invalid("The history has no events")
	}
	return ordered(events), nil
}

// pageEvents is the events of one document of a history file.
func pageEvents(doc json.RawMessage, page int) ([]json.RawMessage, error) {
	doc = bytes.TrimSpace(doc)
	if len(doc) > 0 && doc[0] == '[' {
		var evs []json.RawMessage
		if err := json.Unmarshal(doc, &evs); err != nil {
			return nil, invalid("The event list is not what a history holds: %v", err)
		}
		return evs, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(doc, &obj); err != nil {
		return nil, invalid("This is not an execution history: expected %s", historyShapes)
	}
	raw, ok := obj["events"]
	if !ok {
		if _, def := obj["States"]; def {
			return nil, invalid("This is a workflow definition, not an execution history: expected %s", historyShapes)
		}
		return nil, invalid("Part %d of the file has no \"events\": expected %s", page, historyShapes)
	}
	var evs []json.RawMessage
	if err := json.Unmarshal(raw, &evs); err != nil {
		return nil, invalid("\"events\" must be a list of events")
	}
	return evs, nil
}

// ordered sorts events by id and drops repeats of one id (pages fetched
// twice), keeping events without a readable id where they stand for the
// id check to report.
func ordered(evs []json.RawMessage) []json.RawMessage {
	type keyed struct {
		id  int64
		raw json.RawMessage
	}
	ks := make([]keyed, len(evs))
	for i, raw := range evs {
		var e struct {
			ID int64 `json:"id"`
		}
		_ = json.Unmarshal(raw, &e)
		ks[i] = keyed{e.ID, raw}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		if a.id == 0 || b.id == 0 {
			return 0
		}
		return int(a.id - b.id)
	})
	out := make([]json.RawMessage, 0, len(ks))
	for i, k := range ks {
		if i > 0 && k.id != 0 && k.id == ks[i-1].id {
			continue
		}
		out = append(out, k.raw)
	}
	return out
}

// notJSON says where a history file stops being JSON, by line and column.
func notJSON(text string, offset int64, err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		offset = syn.Offset
	}
	if offset > int64(len(text)) {
		offset = int64(len(text))
	}
	before := text[:offset]
	line := strings.Count(before, "\n") + 1
	col := len(before) - strings.LastIndexByte(before, '\n')
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		msg = "the file ends too soon"
	}
	return invalid("The history is not valid JSON at line %d, column %d (%s): expected %s", line, col, msg, historyShapes)
}

// visit is a state entered in a history, with the type its event names.
type visit struct{ name, typ string }

// mismatches names, in plain words, the steps a history visits that the
// workflow (definition) lacks or has as another type. nil when all match
// or the definition does not parse (then nothing can be compared).
func mismatches(definition string, visits []visit) []string {
	doc, err := asl.Parse("definition", []byte(definition))
	if err != nil || doc.Machine == nil || len(visits) == 0 {
		return nil
	}
	types := stateTypes(doc.Machine)
	var missing, other []string
	seen := map[string]bool{}
	matched := 0
	for _, v := range visits {
		t, ok := types[v.name]
		switch {
		case seen[v.name]:
		case !ok:
			missing = append(missing, quote(v.name))
		case t != v.typ:
			other = append(other, fmt.Sprintf("%s is a %s in the history but a %s here", quote(v.name), v.typ, t))
		default:
			matched++
		}
		seen[v.name] = true
	}
	var out []string
	if matched == 0 && len(missing) > 0 {
		out = append(out, "None of the steps this history visits are in this workflow, so nothing lights up: was it recorded for another workflow?")
	}
	if len(missing) > 0 {
		out = append(out, fmt.Sprintf("The history visits %d step(s) this workflow does not have: %s.", len(missing), list(missing)))
	}
	if len(other) > 0 {
		out = append(out, "Steps of another type: "+list(other)+".")
	}
	return out
}

func quote(name string) string { return "“" + name + "”" }

// list joins at most 5 items, counting the rest.
func list(items []string) string {
	if len(items) > 5 {
		return strings.Join(items[:5], ", ") + fmt.Sprintf(" and %d more", len(items)-5)
	}
	return strings.Join(items, ", ")
}
