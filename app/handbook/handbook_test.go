package handbook

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/mock"
)

func build(t *testing.T, def string, in Input) *Handbook {
	t.Helper()
	doc, err := asl.Parse("flow.asl.json", []byte(def))
	if err != nil {
		t.Fatal(err)
	}
	in.Doc = doc
	if in.Name == "" {
		in.Name = "flow"
	}
	h, err := Build(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func names(steps []*Step) string {
	var out []string
	for _, s := range allSteps(steps) {
		out = append(out, strings.Repeat(">", s.Depth)+s.Name)
	}
	return strings.Join(out, " ")
}

// Steps come as a reader follows them: StartAt, then breadth-first along
// the transitions (Choice rules, Default, Next, Catch), nested steps
// under their container, unreachable steps last.
func TestReadingOrder(t *testing.T) {
	h := build(t, `{"StartAt":"A","States":{
		"Z":{"Type":"Pass","End":true},
		"D":{"Type":"Succeed"},
		"C":{"Type":"Choice","Choices":[{"Variable":"$.x","IsPresent":true,"Next":"D"}],"Default":"P"},
		"P":{"Type":"Parallel","Branches":[{"StartAt":"P2","States":{"P1":{"Type":"Succeed"},"P2":{"Type":"Pass","Next":"P1"}}}],"Next":"D"},
		"A":{"Type":"Pass","Next":"C"}}}`, Input{})
	if got, want := names(h.Steps), "A C D P >P2 >P1 Z"; got != want {
		t.Errorf("order %q, want %q", got, want)
	}
	if z := h.Steps[len(h.Steps)-1]; z.Reachable {
		t.Error("Z is unreachable and should say so")
	}
}

func TestUnits(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{{0, "0 seconds"}, {1, "1 second"}, {45, "45 seconds"}, {60, "1 minute"}, {90, "1 minute 30 seconds"},
		{3600, "1 hour"}, {5400, "1 hour 30 minutes"}, {86400, "1 day"}, {90061, "about 1 day 1 hour"}} {
		if got := duration(c.n); got != c.want {
			t.Errorf("duration(%d) = %q, want %q", c.n, got, c.want)
		}
	}
	for in, want := range map[string]string{"orderTotal": "order total", "order_total": "order total", "HTTPStatus": "HTTP status", "id": "id", "ID": "ID"} {
		if got := splitWords(in); got != want {
			t.Errorf("splitWords(%q) = %q, want %q", in, got, want)
		}
	}
}

// A test case that loops is cut off and listed as not finished, and the
// next one still runs.
func TestScenarioThatDoesNotFinish(t *testing.T) {
	old := scenarioTime
	scenarioTime = 20 * time.Millisecond
	defer func() { scenarioTime = old }()
	cfg, err := mock.Parse("m.json", []byte(`{"StateMachines":{"flow":{"TestCases":{"Loops":{"Work":"Again"},"Ends":{"Work":"Done"}}}},
		"MockedResponses":{"Again":{"0-999999":{"Return":{"again":true}}},"Done":{"0":{"Return":{"again":false}}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	h := build(t, `{"StartAt":"Work","States":{
		"Work":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:w","Next":"More?"},
		"More?":{"Type":"Choice","Choices":[{"Variable":"$.again","BooleanEquals":true,"Next":"Work"}],"Default":"Done"},
		"Done":{"Type":"Succeed"}}}`, Input{Mocks: cfg, MockMachine: "flow"})
	if len(h.Scenarios) != 2 {
		t.Fatalf("scenarios %+v", h.Scenarios)
	}
	ends, loops := h.Scenarios[0], h.Scenarios[1]
	if !ends.Finished || ends.Status != "SUCCEEDED" || strings.Join(ends.Path, ",") != "Work,More?,Done" {
		t.Errorf("Ends: %+v", ends)
	}
	if loops.Finished || statusWords(loops) != "did not finish" || len(loops.Path) == 0 {
		t.Errorf("Loops: %+v", loops)
	}
	if !strings.Contains(string(Markdown(h, "", "")), "### Loops — did not finish") {
		t.Error("the Markdown does not list the loop as not finished")
	}
}

// Text from the definition never becomes markup: not in HTML, not in the
// dependency SVG.
func TestEscaping(t *testing.T) {
	h := build(t, `{"Comment":"<script>alert(1)</script>","StartAt":"<b>x</b>","States":{
		"<b>x</b>":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"https://q/<img src=x onerror=alert(1)>"},"End":true}}}`,
		Input{Name: `a"&<b>`, Draw: true})
	page := HTML(h)
	checkSelfContained(t, "escaping", page)
	if bytes.Contains(page, []byte("<b>x")) || bytes.Contains(page, []byte("<img")) {
		t.Errorf("unescaped text in the page:\n%s", page)
	}
	for _, svg := range [][]byte{h.Dependencies, h.Diagram} {
		dec := xml.NewDecoder(bytes.NewReader(svg))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("not XML: %v\n%s", err, svg)
			}
		}
	}
	md := string(Markdown(h, "a.svg", "b.svg"))
	if strings.Contains(md, "<b>") || strings.Contains(md, "<script>") {
		t.Errorf("raw HTML in the Markdown:\n%s", md)
	}
}

// Each resource appears once, with every step that uses it.
func TestResourcesDeduplicated(t *testing.T) {
	h := build(t, `{"StartAt":"A","States":{
		"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","Next":"B"},
		"B":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"arn:aws:lambda:us-east-1:1:function:f"},"Next":"C"},
		"C":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName.$":"$.fn"},"End":true}}}`, Input{})
	if len(h.Resources) != 1 || len(h.Resources[0].Resources) != 2 {
		t.Fatalf("resources %+v", h.Resources)
	}
	run, f := h.Resources[0].Resources[0], h.Resources[0].Resources[1]
	if f.Name != "f" || strings.Join(f.Steps, ",") != "A,B" || run.Name != "$.fn" || !run.Runtime {
		t.Errorf("resources %+v %+v", run, f)
	}
}
