package handbook

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/stepstudio/stepstudio/app/render"
	"github.com/stepstudio/stepstudio/app/sidecar"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/mock"
)

// InvalidNotRun is Input.NotRun for a definition with validation errors,
// which `stepstudio run` refuses too.
const InvalidNotRun = "The test cases were not run: the definition has validation errors (see stepstudio validate, or the studio's problems panel)."

// Input is what a handbook is made from.
type Input struct {
	Name string        // the workflow's name (its file name without extensions)
	Doc  *asl.Document // the parsed definition; Doc.Machine must be set
	// Notes is the NAME.studio.json sidecar (nil for none): descriptions
	// that replace the ASL Comment, and comment threads.
	Notes *sidecar.File
	// Mocks, when set, holds the test cases; those of the state machine
	// MockMachine (else of the file's only machine) are run.
	Mocks       *mock.Config
	MockMachine string
	// NotRun, when set, says why the test cases are not run (an invalid
	// definition); the handbook says it in their place.
	NotRun string
	// Draw draws the workflow and its dependencies as SVG (Graphviz).
	Draw bool
}

// Build makes the handbook of in.Doc.
func Build(ctx context.Context, in Input) (*Handbook, error) {
	if in.Doc == nil || in.Doc.Machine == nil {
		return nil, fmt.Errorf("handbook: %s is not a state machine", in.Name)
	}
	m := in.Doc.Machine
	h := &Handbook{Name: in.Name, QueryLanguage: asl.EffectiveQueryLanguage(nil, m, m)}
	notes := in.Notes
	if notes == nil {
		notes = sidecar.New()
	}
	h.Purpose = notes.Description("", m.Comment)
	if m.TimeoutSeconds != nil {
		h.Timeout = words("The whole workflow must finish within " + duration(*m.TimeoutSeconds) + "; after that it stops as timed out.")
	}
	b := &builder{h: h, notes: notes, threads: openThreads(notes), top: m, resources: map[string]*Resource{}, groups: map[string]*Group{}}
	h.Steps = b.machine(m, 0, "")
	b.finishResources()
	h.Threads = b.threads
	switch {
	case in.Mocks != nil && in.NotRun != "":
		h.ScenarioNote = in.NotRun
	case in.Mocks != nil:
		h.Scenarios, h.ScenarioNote = scenarios(ctx, in.Doc, in.Mocks, in.MockMachine)
	}
	if in.Draw {
		pic, err := render.Picture(ctx, m, "svg", 1)
		if err != nil {
			return nil, fmt.Errorf("handbook: drawing %s: %w", in.Name, err)
		}
		h.Diagram = pic
		if len(h.Resources) > 0 {
			h.Dependencies = dependencySVG(h)
		}
	}
	return h, nil
}

type builder struct {
	h         *Handbook
	notes     *sidecar.File
	threads   []Thread
	top       *asl.StateMachine
	resources map[string]*Resource
	groups    map[string]*Group
}

// machine describes m's states in reading order: StartAt first, then
// breadth-first along the transitions, then any state no path reaches.
func (b *builder) machine(m *asl.StateMachine, depth int, within string) []*Step {
	var steps []*Step
	for _, st := range readingOrder(m) {
		steps = append(steps, b.step(st.state, m, depth, within, st.reachable))
	}
	return steps
}

type ordered struct {
	state     *asl.State
	reachable bool
}

func readingOrder(m *asl.StateMachine) []ordered {
	seen := map[*asl.State]bool{}
	var out []ordered
	queue := []string{m.StartAt}
	for len(queue) > 0 {
		st := m.State(queue[0])
		queue = queue[1:]
		if st == nil || seen[st] {
			continue
		}
		seen[st] = true
		out = append(out, ordered{st, true})
		for _, t := range st.Transitions() {
			queue = append(queue, t.Target)
		}
	}
	for _, st := range m.States {
		if !seen[st] {
			seen[st] = true
			out = append(out, ordered{st, false})
		}
	}
	return out
}

func (b *builder) step(s *asl.State, m *asl.StateMachine, depth int, within string, reachable bool) *Step {
	lang := asl.EffectiveQueryLanguage(s, m, b.top)
	st := &Step{Name: s.Name, Type: s.Type, QueryLanguage: lang, Depth: depth, Reachable: reachable}
	st.Description = b.notes.Description(s.Name, s.Comment)
	d := describe(s, lang, within)
	st.Says, st.Rules, st.Human = d.says, d.rules, d.human
	if !reachable {
		st.Says = append(st.Says, words("No path from the start leads to this step."))
	}
	for _, t := range b.threads {
		if t.State == s.Name {
			st.Threads = append(st.Threads, t)
		}
	}
	if st.Human {
		b.h.People = append(b.h.People, st)
	}
	b.problems(s, within)
	for _, u := range d.uses {
		b.use(u, s.Name)
	}
	// A nested machine inherits the language of the state holding it.
	switch s.Type {
	case asl.TypeParallel:
		for i, br := range s.Branches {
			st.Branches = append(st.Branches, Branch{Title: fmt.Sprintf("Branch %d", i+1), Steps: b.nested(br, lang, depth+1, "branch")})
		}
	case asl.TypeMap:
		if s.ItemProcessor != nil {
			st.Branches = append(st.Branches, Branch{Title: "For each item", Steps: b.nested(s.ItemProcessor, lang, depth+1, "item")})
		}
	}
	return st
}

// nested describes a branch or item processor: its own QueryLanguage, else
// the language of the state that holds it.
func (b *builder) nested(m *asl.StateMachine, lang string, depth int, within string) []*Step {
	if m.QueryLanguage == "" {
		inherit := *m
		inherit.QueryLanguage = lang
		// inherit keeps m's lookup table: State() reads the same states.
		return b.machine(&inherit, depth, within)
	}
	return b.machine(m, depth, within)
}

// problems lists what can go wrong in s and where it goes then.
func (b *builder) problems(s *asl.State, within string) {
	add := func(p Phrase) { b.h.Problems = append(b.h.Problems, Problem{Step: s.Name, Says: sentence(p)}) }
	for _, c := range s.Catch {
		add(catch(c))
	}
	switch s.Type {
	case asl.TypeFail:
		add(fail(s, within))
	case asl.TypeChoice:
		if s.Default == "" {
			add(Phrase{{Words, "if no rule matches, it fails with "}, {Code, "States.NoChoiceMatched"}})
		}
	case asl.TypeTask, asl.TypeParallel, asl.TypeMap:
		if !catchesAll(s.Catch) {
			where := "the workflow stops as failed"
			switch within {
			case "item":
				where = "its item fails"
			case "branch":
				where = "its branch fails"
			}
			if len(s.Catch) > 0 {
				add(words("any other error (after any retries) means " + where))
			} else {
				add(words("any error (after any retries) means " + where))
			}
		}
	}
}

func catchesAll(cs []*asl.Catcher) bool {
	for _, c := range cs {
		if slices.Contains(c.ErrorEquals, asl.ErrorAll) {
			return true
		}
	}
	return false
}

// use records that step uses the resource u.
func (b *builder) use(u use, step string) {
	key := u.group + "\x00" + u.kind + "\x00" + u.v.Text + "\x00" + fmt.Sprint(u.v.Runtime)
	r := b.resources[key]
	if r == nil {
		r = &Resource{Kind: u.kind, Name: u.v.Text, Runtime: u.v.Runtime}
		b.resources[key] = r
		g := b.groups[u.group]
		if g == nil {
			g = &Group{Title: u.group}
			b.groups[u.group] = g
		}
		g.Resources = append(g.Resources, r)
	}
	if !slices.Contains(r.Steps, step) {
		r.Steps = append(r.Steps, step)
	}
}

// finishResources sorts the groups by title and each group's resources
// by name: the order is the same on every run.
func (b *builder) finishResources() {
	for _, g := range b.groups {
		slices.SortFunc(g.Resources, func(x, y *Resource) int {
			if c := strings.Compare(x.Name, y.Name); c != 0 {
				return c
			}
			return strings.Compare(x.Kind, y.Kind)
		})
		b.h.Resources = append(b.h.Resources, *g)
	}
	slices.SortFunc(b.h.Resources, func(x, y Group) int { return strings.Compare(x.Title, y.Title) })
}

// openThreads lists the sidecar's unresolved threads that have comments.
func openThreads(f *sidecar.File) []Thread {
	var out []Thread
	for _, l := range f.OpenThreads() {
		if len(l.Thread.Comments) == 0 {
			continue
		}
		t := Thread{State: l.State}
		for _, c := range l.Thread.Comments {
			t.Comments = append(t.Comments, Comment{Author: c.Author, Time: c.Time, Text: c.Text})
		}
		out = append(out, t)
	}
	return out
}
