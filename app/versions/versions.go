// Package versions gathers the two sides of a comparison the studio's
// diff view draws: the document as it is being edited, and another
// version of it (another file, the file as last saved, or the file at a
// git revision), each with the pinned positions of its notes file, and
// compares them with app/flowdiff. Reads are bounded; nothing is written.
package versions

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/flowdiff"
	"github.com/stepstudio/stepstudio/app/sidecar"
)

// Side is one version of a workflow.
type Side struct {
	// Name is the file name its format is told by (.json or .yaml).
	Name string `json:"name"`
	Text string `json:"text"`
	// Label says which version this is, for people: "the last saved
	// version", "3f2a9c1 · Add a retry (2026-12-01)", a file path.
	Label string `json:"label"`
	// Pins are the pinned positions of its notes file, by state name.
	Pins map[string]sidecar.Point `json:"pins"`
	// Note says why pinned positions were left out ("" when they were not).
	Note string `json:"note,omitempty"`
}

// Comparison is the answer of a compare: what changed from Old to New,
// and both texts, so the view can draw the states that exist only in Old.
type Comparison struct {
	Result *flowdiff.Result `json:"result"`
	Old    Side             `json:"old"`
	New    Side             `json:"new"`
}

// ErrTooLarge is a text over the definition size cap.
var ErrTooLarge = files.ErrTooLarge

// Current is the document as the editor holds it (name its file name,
// path its file, "" when unsaved), with the pins of the notes beside it.
func Current(name, text, path string) (Side, error) {
	if int64(len(text)) > files.MaxDefinitionSize {
		return Side{}, fmt.Errorf("%s: %w", name, ErrTooLarge)
	}
	s := Side{Name: name, Text: text, Label: "this version (as edited)", Pins: map[string]sidecar.Point{}}
	if path != "" {
		s.readPins(sidecar.PathFor(path))
	}
	return s, nil
}

// File is the workflow file at path as it is on disk, labelled label.
func File(path, label string) (Side, error) {
	data, err := files.ReadFile(path, files.Definitions)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return Side{}, fmt.Errorf("%s is not there any more: %w", path, err)
		}
		return Side{}, err
	}
	s := Side{Name: filepath.Base(path), Text: string(data), Label: label, Pins: map[string]sidecar.Point{}}
	s.readPins(sidecar.PathFor(path))
	return s, nil
}

// readPins fills Pins from the notes file at path; one that is missing
// has none, one that cannot be read is noted and left out.
func (s *Side) readPins(path string) {
	data, err := files.ReadFile(path, files.Definitions)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err == nil {
		s.setPins(data, filepath.Base(path))
		return
	}
	s.Note = "pinned positions not compared: " + err.Error()
}

func (s *Side) setPins(data []byte, what string) {
	f, err := sidecar.Parse(data)
	if err != nil {
		s.Note = fmt.Sprintf("pinned positions not compared: %s: %v", what, err)
		return
	}
	for name, p := range flowdiff.LayoutOf(f) {
		s.Pins[name] = sidecar.Point{X: p.X, Y: p.Y}
	}
}

// Compare compares old with new. A side that does not parse as a state
// machine is an error naming which one.
func Compare(old, new Side) (*Comparison, error) {
	if old.Pins == nil {
		old.Pins = map[string]sidecar.Point{}
	}
	if new.Pins == nil {
		new.Pins = map[string]sidecar.Point{}
	}
	r, err := flowdiff.CompareSources(old.Name, []byte(old.Text), new.Name, []byte(new.Text),
		flowdiff.Options{LayoutA: layout(old.Pins), LayoutB: layout(new.Pins)})
	if err != nil {
		return nil, fmt.Errorf("cannot compare: %w", err)
	}
	return &Comparison{Result: r, Old: old, New: new}, nil
}

func layout(pins map[string]sidecar.Point) flowdiff.Layout {
	if len(pins) == 0 {
		return nil
	}
	l := make(flowdiff.Layout, len(pins))
	for name, p := range pins {
		l[name] = flowdiff.Point{X: p.X, Y: p.Y}
	}
	return l
}
