package flowdiff

import (
	"strconv"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// stateRef is one state of a version, nested ones included.
type stateRef struct {
	s      *asl.State
	id     string // diagram node id: the JSON pointer of the state
	parent string // id of the Parallel or Map holding it, "" at the top
	pname  string // its name
	order  int    // position in a pre-order walk of the document
}

// machineRef is one (sub-)machine: the top level, a Parallel branch or a
// Map's processor. owner is the container's id, "" for the top level.
type machineRef struct {
	m     *asl.StateMachine
	oname string // the container's name
	base  string // pointer prefix of its states
	owner string
	label string // "", "Branches 2" or "ItemProcessor" for connection labels
}

// version is one side of the comparison, indexed.
type version struct {
	top      *asl.StateMachine
	states   []*stateRef
	byName   map[string]*stateRef // state names are unique machine-wide; the first wins
	machines []machineRef
}

func index(m *asl.StateMachine) *version {
	v := &version{top: m, byName: map[string]*stateRef{}}
	v.walk(machineRef{m: m})
	return v
}

func (v *version) walk(mr machineRef) {
	v.machines = append(v.machines, mr)
	for _, s := range mr.m.States {
		id := mr.base + asl.Pointer("States", s.Name)
		ref := &stateRef{s: s, id: id, parent: mr.owner, pname: mr.oname, order: len(v.states)}
		v.states = append(v.states, ref)
		if _, dup := v.byName[s.Name]; !dup {
			v.byName[s.Name] = ref
		}
		for i, b := range s.Branches {
			if s.Type == asl.TypeParallel {
				v.walk(machineRef{m: b, base: id + "/Branches/" + strconv.Itoa(i), owner: id, oname: s.Name, label: "Branches " + strconv.Itoa(i+1)})
			}
		}
		if s.Type == asl.TypeMap && s.ItemProcessor != nil {
			field := "/ItemProcessor"
			if s.LegacyIterator {
				field = "/Iterator"
			}
			v.walk(machineRef{m: s.ItemProcessor, base: id + field, owner: id, oname: s.Name, label: field[1:]})
		}
	}
}
