// Package flowdiff compares two versions of a workflow (two parsed ASL
// definitions, plus the pinned positions of their sidecar files) and says
// what changed in terms a reviewer reads: steps added, removed, changed,
// renamed or only moved on the diagram, connections added or removed, and
// per step the field-level changes with old and new values.
//
// The Result is the one answer every view draws from: `stepstudio diff`
// prints it as text or JSON and draws it as SVG or HTML (app/diffview), and
// the studio's diff view binds the same JSON. Its order is deterministic:
// states in the new version's document order (nested states after their
// container), removed ones after them in the old version's order.
package flowdiff

import "github.com/stepstudio/stepstudio/app/sidecar"

// Status says what happened to a state between the two versions.
type Status string

// The statuses of a state.
const (
	Added   Status = "added"
	Removed Status = "removed"
	Changed Status = "changed"
	Renamed Status = "renamed" // possibly edited too: see StateDiff.Edited
	Moved   Status = "moved"   // only its pinned position differs
)

// Op says what happened to one field.
type Op string

// The field operations.
const (
	OpAdded   Op = "added"
	OpRemoved Op = "removed"
	OpChanged Op = "changed"
)

// Result is the whole comparison of version A (old) with version B (new).
type Result struct {
	// Same is true when nothing at all differs, layout included.
	Same bool `json:"same"`
	// LayoutOnly is true when the only differences are pinned positions.
	LayoutOnly bool `json:"layoutOnly,omitempty"`
	// Summary is one plain-language sentence, e.g. "2 steps changed, 1 added".
	Summary string `json:"summary"`
	Counts  Counts `json:"counts"`
	// Machine lists changes of the workflow's own fields (Comment, StartAt,
	// TimeoutSeconds, QueryLanguage, Version, …).
	Machine []Change `json:"machine"`
	// States lists every state that differs; unchanged states are absent.
	States []StateDiff `json:"states"`
	// Transitions lists connections added or removed.
	Transitions []TransitionDiff `json:"transitions"`
}

// Counts are the numbers behind Summary. A renamed state that was also
// edited counts in both Renamed and Changed.
type Counts struct {
	Added              int `json:"added"`
	Removed            int `json:"removed"`
	Changed            int `json:"changed"`
	Renamed            int `json:"renamed"`
	Moved              int `json:"moved"`
	TransitionsAdded   int `json:"transitionsAdded"`
	TransitionsRemoved int `json:"transitionsRemoved"`
	MachineChanges     int `json:"machineChanges"`
}

// StateDiff is one state that differs.
type StateDiff struct {
	Status Status `json:"status"`
	// Name is the state's name in B (in A when removed); OldName its name
	// in A when renamed.
	Name    string `json:"name"`
	OldName string `json:"oldName,omitempty"`
	// ID is the state's diagram node id in B (the JSON pointer, e.g.
	// "/States/P/Branches/0/States/B"); for a removed state it is the id in
	// A. OldID is the id in A when it differs from ID.
	ID    string `json:"id"`
	OldID string `json:"oldId,omitempty"`
	Type  string `json:"type"`
	// Parent is the id of the Parallel or Map holding the state, "" at the
	// top level (in B; in A for a removed state).
	Parent     string `json:"parent,omitempty"`
	ParentName string `json:"parentName,omitempty"`
	// Edited is true for a renamed state whose content changed as well.
	Edited bool `json:"edited,omitempty"`
	// Similarity is the rename score (0..1) that paired the old and new name.
	Similarity float64 `json:"similarity,omitempty"`
	// Changes are the field-level changes (none for added and removed).
	Changes []Change `json:"changes,omitempty"`
	// From and To are the pinned positions in A and B when they differ
	// (nil means not pinned); set for moved states and for changed states
	// that moved too.
	From *Point `json:"from,omitempty"`
	To   *Point `json:"to,omitempty"`
	// PositionMoved says From and To differ.
	PositionMoved bool `json:"positionMoved,omitempty"`
}

// Change is one field that differs, inside a state or on the workflow.
type Change struct {
	Op Op `json:"op"`
	// Path is the readable place, e.g. "Retry 1 › MaxAttempts",
	// "Choices 2 › Variable", "Arguments › amount" (items count from 1).
	Path string `json:"path"`
	// Pointer is the JSON pointer relative to the state (or to the
	// workflow), in B's numbering, in A's for a removed field.
	Pointer string `json:"pointer"`
	// Old and New are short JSON (JSONata "{% … %}" strings as plain
	// text); empty for the side where the field is absent.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
	// JSONata marks values that are JSONata expressions.
	JSONata bool `json:"jsonata,omitempty"`
}

// TransitionDiff is one connection added or removed.
type TransitionDiff struct {
	Op Op `json:"op"` // added or removed
	// Kind is StartAt, Next, Default, Choice or Catch.
	Kind string `json:"kind"`
	// From and To are state names (From is "" for StartAt); FromID and ToID
	// the diagram node ids in B (in A for a removed connection; FromID is
	// "start" or the container's id for a StartAt).
	From   string `json:"from,omitempty"`
	To     string `json:"to"`
	FromID string `json:"fromId"`
	ToID   string `json:"toId"`
	// Label says which rule, e.g. "Choices 2" or "Catch 1 (States.ALL)".
	Label string `json:"label,omitempty"`
}

// Point is a pinned position in diagram coordinates (the sidecar's).
type Point struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// Layout maps state names to their pinned positions (from a sidecar file).
type Layout map[string]Point

// LayoutOf is the pinned positions of a sidecar file (nil for nil).
func LayoutOf(f *sidecar.File) Layout {
	if f == nil {
		return nil
	}
	l := Layout{}
	for name, e := range f.States {
		if e != nil && e.Position != nil {
			l[name] = Point{X: e.Position.X, Y: e.Position.Y}
		}
	}
	return l
}
