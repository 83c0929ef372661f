// Package sidecar reads and writes NAME.studio.json, the file beside a
// workflow NAME.asl.json that holds what the studio keeps and AWS must not
// see: a plain-language description per state, comment threads on the
// workflow and its states, and the positions people pinned states at.
//
// The file is never required (a workflow without it opens as before),
// keyed by state name (names are unique in a whole state machine), written
// for diffs (sorted keys, two-space indent, one entry per line group) and
// versioned. Keys it does not know — written by a later feature or a later
// version of the studio — are kept as they are on every write.
package sidecar

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Version is the format this package writes. A file of a later version is
// read but never written, so an older studio cannot drop what it does not
// understand.
const Version = 1

// Suffix ends every sidecar file name.
const Suffix = ".studio.json"

// ErrNewer is returned when writing a file made by a later version.
var ErrNewer = errors.New("sidecar: written by a newer Stepstudio")

// File is one sidecar file.
type File struct {
	Version  int               `json:"version"`
	Workflow Entry             `json:"workflow"`
	States   map[string]*Entry `json:"states,omitempty"`
	// Handlers answer Task states in studio runs, by state name. An older
	// studio keeps this key verbatim (unknown keys are kept), so adding it
	// leaves the format at version 1.
	Handlers map[string]*Handler `json:"handlers,omitempty"`
	// S3Root is the folder, relative to the workflow's and inside it, that
	// stands in for Amazon S3 in this workflow's runs (a distributed Map's
	// ItemReader and ResultWriter): s3://bucket/key is S3Root/bucket/key.
	S3Root string `json:"s3Root,omitempty"`
	// Deploy is the deploy configuration (deploy.go); nil when the
	// workflow was never deployed from the studio.
	Deploy *Deploy `json:"deploy,omitempty"`
	// extra holds top-level keys this version does not know, verbatim.
	extra map[string]json.RawMessage
}

// Entry is what the sidecar holds for the workflow or one state.
type Entry struct {
	// Description is plain-language text for readers; "" falls back to
	// the state's ASL Comment.
	Description string `json:"description,omitempty"`
	// Position is where a person pinned the state (its top-left corner in
	// diagram coordinates); nil leaves it to the automatic layout.
	Position *Point   `json:"position,omitempty"`
	Threads  []Thread `json:"threads,omitempty"`
}

// Point is a position on the diagram.
type Point struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// Thread is a conversation on the workflow or a state.
type Thread struct {
	ID       string    `json:"id"`
	Resolved bool      `json:"resolved,omitempty"`
	Comments []Comment `json:"comments"`
}

// Comment is one message in a thread.
type Comment struct {
	ID     string    `json:"id"`
	Author string    `json:"author"`
	Time   time.Time `json:"time"`
	Text   string    `json:"text"`
}

// Located is a thread with the state it is on ("" for the workflow).
type Located struct {
	State  string `json:"state"`
	Thread Thread `json:"thread"`
}

// PathFor is the sidecar of a definition file: flow.asl.json →
// flow.studio.json, flow.json → flow.studio.json.
func PathFor(definition string) string {
	dir, base := filepath.Split(definition)
	lower := strings.ToLower(base)
	for _, ext := range []string{".asl.json", ".asl.yaml", ".asl.yml", ".json", ".yaml", ".yml"} {
		if strings.HasSuffix(lower, ext) {
			base = base[:len(base)-len(ext)]
			break
		}
	}
	return dir + base + Suffix
}

// PathForTemplate is the sidecar of the state machine logicalID inside the
// template T.yaml: T.<logicalID>.studio.json.
func PathForTemplate(template, logicalID string) string {
	dir, base := filepath.Split(template)
	if ext := filepath.Ext(base); ext != "" {
		base = base[:len(base)-len(ext)]
	}
	return dir + base + "." + logicalID + Suffix
}

// New returns an empty file of the current version.
func New() *File {
	return &File{Version: Version, States: map[string]*Entry{}, Handlers: map[string]*Handler{}}
}

// Parse reads a sidecar file's content. The error says what is wrong in
// plain words, with the byte offset of a syntax error.
func Parse(data []byte) (*File, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return nil, fmt.Errorf("the notes file is not valid JSON (at byte %d): %w", syn.Offset, err)
		}
		return nil, fmt.Errorf("the notes file must be a JSON object: %w", err)
	}
	f := New()
	v, ok := raw["version"]
	if !ok {
		return nil, errors.New(`the notes file has no "version" field`)
	}
	if err := json.Unmarshal(v, &f.Version); err != nil || f.Version < 1 {
		return nil, fmt.Errorf(`the notes file's "version" must be a whole number from 1, not %s`, v)
	}
	for key, dst := range map[string]any{"workflow": &f.Workflow, "states": &f.States, "handlers": &f.Handlers, "deploy": &f.Deploy} {
		if b, ok := raw[key]; ok {
			if err := json.Unmarshal(b, dst); err != nil {
				return nil, fmt.Errorf("the notes file's %q is not what Stepstudio writes: %w", key, err)
			}
		}
	}
	delete(raw, "version")
	delete(raw, "workflow")
	delete(raw, "states")
	delete(raw, "handlers")
	delete(raw, "deploy")
	if b, ok := raw["s3Root"]; ok {
		if err := json.Unmarshal(b, &f.S3Root); err != nil {
			return nil, fmt.Errorf(`the notes file's "s3Root" must be a folder name: %w`, err)
		}
		delete(raw, "s3Root")
	}
	if len(raw) > 0 {
		f.extra = raw
	}
	if f.States == nil {
		f.States = map[string]*Entry{}
	}
	for name, e := range f.States {
		if e == nil {
			delete(f.States, name)
		}
	}
	if f.Handlers == nil {
		f.Handlers = map[string]*Handler{}
	}
	for name, h := range f.Handlers {
		if h == nil {
			delete(f.Handlers, name)
		}
	}
	return f, nil
}

// Marshal returns the file as written: sorted keys, two-space indent, a
// final newline. Empty entries are left out.
func (f *File) Marshal() ([]byte, error) {
	if f.Version > Version {
		return nil, fmt.Errorf("%w (version %d; this one writes %d)", ErrNewer, f.Version, Version)
	}
	out := map[string]any{"version": Version, "workflow": f.Workflow}
	states := map[string]*Entry{}
	for name, e := range f.States {
		if !e.empty() {
			states[name] = e
		}
	}
	if len(states) > 0 {
		out["states"] = states
	}
	if len(f.Handlers) > 0 {
		out["handlers"] = f.Handlers
	}
	if f.S3Root != "" {
		out["s3Root"] = f.S3Root
	}
	if f.Deploy != nil {
		out["deploy"] = f.Deploy
	}
	for k, v := range f.extra {
		out[k] = v
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (e *Entry) empty() bool {
	return e == nil || (e.Description == "" && e.Position == nil && len(e.Threads) == 0)
}

// Entry returns the entry of state ("" for the workflow), made when absent.
func (f *File) Entry(state string) *Entry {
	if state == "" {
		return &f.Workflow
	}
	e := f.States[state]
	if e == nil {
		e = &Entry{}
		f.States[state] = e
	}
	return e
}

// Description is the text readers see for state: the sidecar's, else the
// state's ASL Comment.
func (f *File) Description(state, aslComment string) string {
	e := f.States[state]
	if state == "" {
		e = &f.Workflow
	}
	if e != nil && e.Description != "" {
		return e.Description
	}
	return aslComment
}

// OpenThreads lists the unresolved threads, the workflow's first, then by
// state name.
func (f *File) OpenThreads() []Located {
	var out []Located
	for _, l := range f.Threads() {
		if !l.Thread.Resolved {
			out = append(out, l)
		}
	}
	return out
}

// Threads lists every thread, the workflow's first, then by state name.
func (f *File) Threads() []Located {
	var out []Located
	for _, t := range f.Workflow.Threads {
		out = append(out, Located{"", t})
	}
	for _, name := range sortedKeys(f.States) {
		for _, t := range f.States[name].Threads {
			out = append(out, Located{name, t})
		}
	}
	return out
}

// Orphans are the states the sidecar has notes for that the definition
// (whose state names are given) does not have, sorted. They are reported,
// never dropped.
func (f *File) Orphans(names []string) []string {
	have := make(map[string]bool, len(names))
	for _, n := range names {
		have[n] = true
	}
	var out []string
	for _, name := range sortedKeys(f.States) {
		if !have[name] && !f.States[name].empty() {
			out = append(out, name)
		}
	}
	for _, name := range sortedKeys(f.Handlers) {
		if !have[name] && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}
