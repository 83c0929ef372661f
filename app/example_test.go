package app

import (
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// The embedded example must be a valid definition: a broken example is a
// build-time failure, not something a user discovers.
func TestExampleParsesAndDraws(t *testing.T) {
	doc := NewStudio().OpenExample()
	parsed, err := asl.Parse(doc.Name, []byte(doc.Text))
	if err != nil {
		t.Fatalf("embedded example does not parse: %v", err)
	}
	types := map[string]int{}
	var walk func(m *asl.StateMachine)
	walk = func(m *asl.StateMachine) {
		for _, s := range m.States {
			types[s.Type]++
			if len(s.Retry) > 0 {
				types["Retry"]++
			}
			if len(s.Catch) > 0 {
				types["Catch"]++
			}
			for _, b := range s.Branches {
				walk(b)
			}
			if s.ItemProcessor != nil {
				walk(s.ItemProcessor)
			}
		}
	}
	walk(parsed.Machine)
	for _, want := range []string{"Choice", "Parallel", "Map", "Retry", "Catch"} {
		if types[want] == 0 {
			t.Errorf("the example should show a %s", want)
		}
	}
	d, err := NewStudio().Diagram(doc.Name, doc.Text)
	if err != nil {
		t.Fatalf("embedded example does not lay out: %v", err)
	}
	if len(d.Nodes) < 11 {
		t.Errorf("diagram has %d nodes", len(d.Nodes))
	}
}

func TestDiagramReportsSyntaxErrorsWithPosition(t *testing.T) {
	_, err := NewStudio().Diagram("x.asl.json", "{\n  \"StartAt\": ,\n}")
	if err == nil || !strings.HasPrefix(err.Error(), "line 2, column") {
		t.Fatalf("want a located error, got %v", err)
	}
}
