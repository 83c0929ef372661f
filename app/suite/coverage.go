package suite

import (
	"math"
	"slices"
	"strconv"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// Coverage is what a workflow's scenarios reached: every state, and every
// way out of a state (Next, each Choice rule and the Default, each Catch),
// each Retry rule that was actually retried, each Parallel branch and Map
// processor that ran.
type Coverage struct {
	Workflow    string          `json:"workflow"`
	MachineID   string          `json:"machine,omitempty"` // the LogicalId, for a machine inside the template Workflow
	Suites      []string        `json:"suites"`
	Covered     int             `json:"covered"`
	Total       int             `json:"total"`
	Percent     float64         `json:"percent"`
	States      []StateCoverage `json:"states"`
	Transitions []Item          `json:"transitions"`

	doc *asl.Document
}

// StateCoverage says whether a state was entered.
type StateCoverage struct {
	Name    string `json:"name"`
	Type    string `json:"type"`
	ID      string `json:"id"` // its JSON pointer, the diagram's node id
	Covered bool   `json:"covered"`
}

// The kinds of Item.
const (
	KindNext      = "next"
	KindChoice    = "choice"  // Choices[index]
	KindDefault   = "default" // a Choice's Default
	KindCatch     = "catch"   // Catch[index]
	KindRetry     = "retry"   // Retry[index], covered when it retried
	KindBranch    = "branch"  // a Parallel's Branches[index]
	KindProcessor = "processor"
)

// Item is one transition (or rule) of a state.
type Item struct {
	State   string   `json:"state"`
	Kind    string   `json:"kind"`
	Index   *int     `json:"index,omitempty"`
	Target  string   `json:"target,omitempty"`
	Errors  []string `json:"errors,omitempty"`
	Covered bool     `json:"covered"`
	// ID is the diagram's id of what draws the item: an edge for
	// transitions, a node for branches, retries and processors.
	ID string `json:"id"`
}

// union gathers what every run of one workflow reached.
type union struct {
	visits      map[string]bool
	choices     map[string]map[int]bool
	catches     map[string]map[int]bool
	retried     map[string]map[int]bool
	iterations  map[string]bool
	transitions map[[2]string]bool
}

func (u *union) add(o *Observation) {
	for s, n := range o.visits {
		if n > 0 {
			u.visits[s] = true
		}
	}
	for s, n := range o.iterations {
		if n > 0 {
			u.iterations[s] = true
		}
	}
	for t := range o.transitions {
		u.transitions[t] = true
	}
	for _, p := range [][2]map[string]map[int]bool{{u.choices, o.choices}, {u.catches, o.catches}, {u.retried, o.retried}} {
		for s, idx := range p[1] {
			for i := range idx {
				mark(p[0], s, i)
			}
		}
	}
}

// Measure computes each workflow's coverage from the results of its
// scenarios (runs that did not happen count for nothing), in the order
// the workflows first appear.
func Measure(results []*Result) []*Coverage {
	var order []*Suite
	unions := map[string]*union{}
	suites := map[string][]string{}
	first := map[string]*Suite{}
	for _, r := range results {
		wf := r.Suite.Key()
		u := unions[wf]
		if u == nil {
			u = &union{visits: map[string]bool{}, choices: map[string]map[int]bool{}, catches: map[string]map[int]bool{},
				retried: map[string]map[int]bool{}, iterations: map[string]bool{}, transitions: map[[2]string]bool{}}
			unions[wf], first[wf] = u, r.Suite
			order = append(order, r.Suite)
		}
		if !slices.Contains(suites[wf], r.Suite.File) {
			suites[wf] = append(suites[wf], r.Suite.File)
		}
		if r.Observed != nil {
			u.add(r.Observed)
		}
	}
	var out []*Coverage
	for _, s := range order {
		key := s.Key()
		c := &Coverage{Workflow: s.Workflow, MachineID: s.MachineID, Suites: suites[key], States: []StateCoverage{}, Transitions: []Item{}, doc: s.doc}
		c.machine(s.doc.Machine, "", unions[key])
		for _, st := range c.States {
			c.count(st.Covered)
		}
		for _, t := range c.Transitions {
			c.count(t.Covered)
		}
		if c.Total > 0 {
			c.Percent = math.Round(1000*float64(c.Covered)/float64(c.Total)) / 10
		}
		out = append(out, c)
	}
	return out
}

func (c *Coverage) count(covered bool) {
	c.Total++
	if covered {
		c.Covered++
	}
}

func index(i int) *int { return &i }

// machine lists m's states and transitions; base is m's pointer, as the
// diagram names its nodes and edges.
func (c *Coverage) machine(m *asl.StateMachine, base string, u *union) {
	if m == nil {
		return
	}
	for _, s := range m.States {
		id := base + asl.Pointer("States", s.Name)
		c.States = append(c.States, StateCoverage{Name: s.Name, Type: s.Type, ID: id, Covered: u.visits[s.Name]})
		for _, t := range s.Transitions() {
			it := Item{State: s.Name, Target: t.Target, ID: id + t.Pointer}
			switch t.Kind {
			case asl.ViaNext:
				it.Kind, it.Covered = KindNext, u.transitions[[2]string{s.Name, t.Target}]
			case asl.ViaDefault:
				it.Kind, it.Covered = KindDefault, u.choices[s.Name][-1]
			case asl.ViaChoice:
				it.Kind, it.Index, it.Covered = KindChoice, index(t.Index), u.choices[s.Name][t.Index]
			case asl.ViaCatch:
				it.Kind, it.Index, it.Errors, it.Covered = KindCatch, index(t.Index), t.Errors, u.catches[s.Name][t.Index]
			}
			c.Transitions = append(c.Transitions, it)
		}
		for i, r := range s.Retry {
			c.Transitions = append(c.Transitions, Item{State: s.Name, Kind: KindRetry, Index: index(i), Errors: r.ErrorEquals, ID: id, Covered: u.retried[s.Name][i]})
		}
		for i, b := range s.Branches {
			bid := id + "/Branches/" + strconv.Itoa(i)
			c.Transitions = append(c.Transitions, Item{State: s.Name, Kind: KindBranch, Index: index(i), Target: b.StartAt, ID: bid, Covered: anyVisited(b, u)})
			c.machine(b, bid, u)
		}
		if s.ItemProcessor != nil {
			field := "/ItemProcessor"
			if s.LegacyIterator {
				field = "/Iterator"
			}
			c.Transitions = append(c.Transitions, Item{State: s.Name, Kind: KindProcessor, Target: s.ItemProcessor.StartAt, ID: id, Covered: u.iterations[s.Name]})
			c.machine(s.ItemProcessor, id+field, u)
		}
	}
}

func anyVisited(m *asl.StateMachine, u *union) bool {
	for _, s := range m.States {
		if u.visits[s.Name] {
			return true
		}
	}
	return false
}

// Machine is the workflow the coverage is of, to draw it.
func (c *Coverage) Machine() *asl.StateMachine { return c.doc.Machine }
