package diagram_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/diagram"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/internal/corpus"
)

// expected walks the raw parsed tree (not the decoded machine the diagram
// is built from) for the ids the diagram must have: one node per state,
// nested included, and one edge per transition whose target exists.
type expected struct {
	states   map[string]bool
	edges    map[string]bool
	dangling int
}

func walkMachine(m *asl.Node, base string, want *expected) {
	states := m.Get("States")
	if states == nil || states.Kind != asl.KindObject {
		return
	}
	names := map[string]bool{}
	for _, f := range states.Fields {
		names[f.Key] = true
	}
	for _, f := range states.Fields {
		id := base + asl.Pointer("States", f.Key)
		want.states[id] = true
		s := f.Value
		target := func(field string, n *asl.Node) {
			if n == nil || n.Kind != asl.KindString {
				return
			}
			if names[n.Str] {
				want.edges[id+field] = true
			} else {
				want.dangling++
			}
		}
		target("/Next", s.Get("Next"))
		target("/Default", s.Get("Default"))
		for _, list := range []string{"Choices", "Catch"} {
			if l := s.Get(list); l != nil {
				for i, r := range l.Items {
					target("/"+list+"/"+strconv.Itoa(i)+"/Next", r.Get("Next"))
				}
			}
		}
		if b := s.Get("Branches"); b != nil {
			for i, br := range b.Items {
				walkMachine(br, id+"/Branches/"+strconv.Itoa(i), want)
			}
		}
		for _, proc := range []string{"ItemProcessor", "Iterator"} {
			if p := s.Get(proc); p != nil {
				walkMachine(p, id+"/"+proc, want)
			}
		}
	}
}

// TestRealWorldDiagrams checks every real-world definition that parses:
// the diagram has one node per state and one edge per transition.
func TestRealWorldDiagrams(t *testing.T) {
	dir := corpus.Dir(t, "realworld")
	var files []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !strings.HasSuffix(path, ".manifest.json") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)

	var parsed, ok, states, transitions, dangling int
	var failures []string
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, path)
		doc, err := asl.Parse(filepath.Base(path), src)
		if err != nil || doc.Machine == nil {
			continue // not JSON/YAML or not an object: the validator's business
		}
		parsed++
		want := expected{states: map[string]bool{}, edges: map[string]bool{}}
		walkMachine(doc.Root, "", &want)
		states += len(want.states)
		transitions += len(want.edges)
		dangling += want.dangling

		d, err := diagram.Build(context.Background(), doc.Machine)
		if err != nil {
			failures = append(failures, fmt.Sprintf("%s: no diagram: %v", rel, err))
			continue
		}
		if problems := compare(d, want); len(problems) > 0 {
			failures = append(failures, fmt.Sprintf("%s: %s", rel, strings.Join(problems, "; ")))
			continue
		}
		ok++
	}
	t.Logf("realworld diagrams: %d files, %d parse, %d/%d with one node per state and one edge per transition "+
		"(%d states, %d transitions; %d dangling targets left to the validator)",
		len(files), parsed, ok, parsed, states, transitions, dangling)
	for _, f := range failures {
		t.Error(f)
	}
}

func compare(d *diagram.Diagram, want expected) []string {
	var problems []string
	got := map[string]int{}
	for _, n := range d.Nodes {
		if n.Kind == diagram.KindState || n.Kind == diagram.KindContainer {
			got[n.ID]++
		}
	}
	for id := range want.states {
		if got[id] != 1 {
			problems = append(problems, fmt.Sprintf("state %s drawn %d times", id, got[id]))
		}
	}
	for id := range got {
		if !want.states[id] {
			problems = append(problems, "a node for no state: "+id)
		}
	}
	gotEdges := map[string]int{}
	for _, e := range d.Edges {
		switch e.Kind {
		case diagram.EdgeNext, diagram.EdgeDefault, diagram.EdgeChoice, diagram.EdgeCatch:
			gotEdges[e.ID]++
			if len(e.Route.Points) < 2 {
				problems = append(problems, "edge without a route: "+e.ID)
			}
		}
	}
	for id := range want.edges {
		if gotEdges[id] != 1 {
			problems = append(problems, fmt.Sprintf("transition %s drawn %d times", id, gotEdges[id]))
		}
	}
	for id := range gotEdges {
		if !want.edges[id] {
			problems = append(problems, "an edge for no transition: "+id)
		}
	}
	sort.Strings(problems)
	return problems
}
