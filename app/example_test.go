package app

import (
	"testing"

	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/schema"
)

// The embedded example must be a valid, drawable definition that shows the
// main features: a broken example is a build-time failure, not something a
// user discovers.
func TestExampleIsValidAndDraws(t *testing.T) {
	doc := NewStudio().OpenExample()
	res := schema.Validate(doc.Name, []byte(doc.Text), schema.Options{})
	for _, d := range res.Diagnostics {
		if d.Severity == schema.Error {
			t.Errorf("embedded example: %s %s at %s", d.Code, d.Message, d.Location)
		}
	}
	if res.Document == nil {
		t.Fatal("embedded example does not parse")
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
	walk(res.Document.Machine)
	for _, want := range []string{"Choice", "Parallel", "Map", "Retry", "Catch"} {
		if types[want] == 0 {
			t.Errorf("the example should show a %s", want)
		}
	}
	a := NewStudio().Analyze(doc.Name, doc.Text, nil, nil)
	if a.Diagram == nil || a.LayoutError != "" {
		t.Fatalf("embedded example does not lay out: %q", a.LayoutError)
	}
}

func TestAnalyzeLocatesSyntaxErrorsAndKeepsNoDiagram(t *testing.T) {
	a := NewStudio().Analyze("x.asl.json", "{\n  \"StartAt\": ,\n}", nil, nil)
	if a.Diagram != nil {
		t.Error("a text that does not parse has no diagram")
	}
	if len(a.Diagnostics) != 1 || a.Diagnostics[0].Code != schema.CodeInvalidJSON || a.Diagnostics[0].Range.Start.Line != 2 {
		t.Fatalf("want one located INVALID_JSON_DESCRIPTION on line 2, got %+v", a.Diagnostics)
	}
}

func TestAnalyzeDrawsInvalidButParsedDefinitions(t *testing.T) {
	a := NewStudio().Analyze("x.asl.json", `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Gone"}}}`, nil, nil)
	if a.Diagram == nil {
		t.Fatal("a definition with semantic problems is still drawn")
	}
	found := false
	for _, d := range a.Diagnostics {
		if d.Location == "/States/A/Next" && d.Severity == schema.Error {
			found = true
		}
	}
	if !found {
		t.Errorf("want an error at /States/A/Next, got %+v", a.Diagnostics)
	}
}
