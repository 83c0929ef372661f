package schema

import (
	"github.com/stepstudio/stepstudio/engine/asl"
)

// scope is one machine being checked: the top level, a Parallel branch or
// a Map's item processor.
type scope struct {
	ptr   string // pointer of the machine object
	m     *asl.StateMachine
	ql    string // query language states inherit
	inMap bool   // inside a Map's item processor
}

// semantics runs the checks the schema cannot express.
func (c *checker) semantics() {
	top := c.doc.Machine
	c.names = make(map[string]bool, len(top.States))
	c.collectVariables(c.doc.Root)
	c.duplicateKeys(make([]string, 0, 16), c.doc.Root)
	if c.reuse != nil {
		c.reuse.context = c.stateContext()
	}
	ql := top.QueryLanguage
	if ql == "" {
		ql = asl.JSONPath
	}
	c.machine(scope{ptr: "", m: top, ql: ql})
}

func (c *checker) machine(sc scope) {
	m := sc.m
	c.startAt(sc)
	c.stateNames(sc)
	c.transitions(sc)
	for _, s := range m.States {
		if !s.Node.Is(asl.KindObject) {
			continue
		}
		ptr := asl.Append(sc.ptr, "States", s.Name)
		c.stateReused(sc, s, ptr)
		for i, b := range s.Branches {
			c.machine(scope{ptr: asl.AppendIndex(asl.Append(ptr, "Branches"), i), m: b, ql: sc.ql, inMap: sc.inMap})
		}
		if s.ItemProcessor != nil {
			key := "ItemProcessor"
			if s.LegacyIterator {
				key = "Iterator"
			}
			c.machine(scope{ptr: asl.Append(ptr, key), m: s.ItemProcessor, ql: sc.ql, inMap: true})
		}
	}
}

// state runs the per-state checks.
func (c *checker) state(sc scope, s *asl.State, ptr string) {
	ql := s.QueryLanguage
	if ql == "" {
		ql = sc.ql
	}
	if s.QueryLanguage == asl.JSONPath && c.doc.Machine.QueryLanguage == asl.JSONata {
		c.errorAt(asl.Append(ptr, "QueryLanguage"), s.Field("QueryLanguage"), CodeSchema,
			"State %q sets QueryLanguage to JSONPath, but the state machine uses JSONata, and a JSONata state machine cannot go back to JSONPath states. Convert the state to JSONata, or set the top-level QueryLanguage to JSONPath and opt states into JSONata one by one.", s.Name)
	}
	c.nextOrEnd(s, ptr)
	c.exclusive(s, ptr)
	c.below(s, ptr)
	c.queryLanguageFields(s, ptr, ql)
	c.retryCatch(s, ptr)
	c.resource(s, ptr)
	c.unfilled(s, ptr)
	switch s.Type {
	case asl.TypeChoice:
		c.choice(s, ptr, ql)
	case asl.TypeWait:
		c.wait(s, ptr)
	case asl.TypeMap:
		c.mapState(s, ptr)
	case asl.TypeTask:
		c.taskWarnings(s, ptr, ql)
	case asl.TypePass:
		c.passWarnings(s, ptr, ql)
	case asl.TypeFail:
		c.failWarnings(s, ptr, ql)
	}
	if ql == asl.JSONPath {
		c.jsonPathState(s, ptr)
	} else {
		c.jsonataState(s, ptr)
	}
}
