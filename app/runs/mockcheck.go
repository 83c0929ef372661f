package runs

import (
	"errors"
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/mock"
	"github.com/stepstudio/stepstudio/schema"
)

// MockProblem is one located problem of a mock file, for the editor.
type MockProblem struct {
	Line    int    `json:"line"` // 1-based; 0 when the place is unknown
	Column  int    `json:"column"`
	Pointer string `json:"pointer"`
	Message string `json:"message"`
}

// CheckMocks checks a mock file (AWS MockConfigFile) as it is typed:
// what Parse refuses, and, against the workflow (definition), test cases
// that mock a state it lacks or a state that is no Task. machine names the
// workflow's entry in the file ("" checks every entry). Nil when all is well.
func CheckMocks(machine, definition, mocks string) []MockProblem {
	if strings.TrimSpace(mocks) == "" {
		return nil
	}
	cfg, err := mock.Parse("mocks", []byte(mocks))
	if err == nil {
		res := schema.Validate("definition", []byte(definition), schema.Options{Placeholders: true})
		if res.Document != nil && res.Document.Machine != nil {
			err = cfg.Check(machine, stateTypes(res.Document.Machine))
		}
	}
	if err == nil {
		return nil
	}
	var list mock.Errors
	var one *mock.Error
	switch {
	case errors.As(err, &list):
	case errors.As(err, &one):
		list = mock.Errors{one}
	default:
		return []MockProblem{{Message: err.Error()}}
	}
	out := make([]MockProblem, len(list))
	for i, e := range list {
		out[i] = MockProblem{Line: e.Line, Column: e.Column, Pointer: e.Pointer, Message: e.Msg}
	}
	return out
}

// stateTypes maps every state of m, at any depth, to its type.
func stateTypes(m *asl.StateMachine) map[string]string {
	out := map[string]string{}
	var walk func(*asl.StateMachine)
	walk = func(m *asl.StateMachine) {
		for _, s := range m.States {
			out[s.Name] = s.Type
			for _, b := range s.Branches {
				walk(b)
			}
			if s.ItemProcessor != nil {
				walk(s.ItemProcessor)
			}
		}
	}
	walk(m)
	return out
}
