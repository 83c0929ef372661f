package runs

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Try it answers every task nothing else answers at once — a plain task,
// a callback and an activity — so the run goes to its end without a hand
// answer, and says which tasks were generated; mocks still answer first.
func TestTryItRunsToTheEnd(t *testing.T) {
	cases := []struct {
		name      string
		req       StartRequest
		generated []string
	}{
		{"no mocks", StartRequest{Workflow: "w", Definition: definition(t, "tasks.asl.json"), Input: `{"q": 1}`, TryIt: true},
			[]string{"Ask", "Approve", "Work"}},
		{"a mock answers first", StartRequest{Workflow: "w", Definition: definition(t, "tasks.asl.json"), Input: `{"q": 1}`, TryIt: true,
			Mocks: definition(t, "tasks.mocks.json"), TestCase: "Happy"}, []string{"Approve", "Work"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, rec, _ := newManager(t)
			id, err := m.Start(c.req)
			if err != nil {
				t.Fatal(err)
			}
			last := rec.await(t, id, "the end", ended)
			if last.Meta.Status != "SUCCEEDED" {
				t.Fatalf("status %s (%s %s)", last.Meta.Status, last.Meta.Error, last.Meta.Cause)
			}
			for _, u := range rec.of(id) {
				if len(u.Pending) > 0 {
					t.Fatalf("a task waited for an answer: %+v", u.Pending)
				}
			}
			if !last.Meta.TryIt || !slices.Equal(last.Meta.Generated, c.generated) {
				t.Errorf("meta tryIt %v generated %v, want %v", last.Meta.TryIt, last.Meta.Generated, c.generated)
			}
			list, err := m.List("w")
			if err != nil || len(list) != 1 || !list[0].TryIt {
				t.Errorf("the run history does not mark the run as Try it: %+v %v", list, err)
			}
		})
	}
}

// The example workflow plays through with generated answers: the Choice
// reads the echoed payload and takes the path the sample input leads to.
func TestTryItExample(t *testing.T) {
	def, err := os.ReadFile(filepath.Join("..", "examples", "order-process.asl.json"))
	if err != nil {
		t.Fatal(err)
	}
	in, err := os.ReadFile(filepath.Join("..", "examples", "order-process.input.json"))
	if err != nil {
		t.Fatal(err)
	}
	m, rec, _ := newManager(t)
	id, err := m.Start(StartRequest{Workflow: "order-process.asl.json", Definition: string(def), Input: string(in), TryIt: true})
	if err != nil {
		t.Fatal(err)
	}
	last := rec.await(t, id, "the end", ended)
	if last.Meta.Status != "SUCCEEDED" {
		t.Fatalf("status %s (%s %s)", last.Meta.Status, last.Meta.Error, last.Meta.Cause)
	}
	var entered []string
	_, evs, err := m.events(id)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		var ev struct {
			Details *struct {
				Name string `json:"name"`
			} `json:"stateEnteredEventDetails"`
		}
		if err := json.Unmarshal(e, &ev); err != nil {
			t.Fatal(err)
		}
		if ev.Details != nil && !slices.Contains(entered, ev.Details.Name) {
			entered = append(entered, ev.Details.Name)
		}
	}
	for _, s := range []string{"Validate order", "Is the order valid?", "Reserve items", "Reserve stock", "Charge and notify", "Charge card", "Send confirmation", "Order complete"} {
		if !slices.Contains(entered, s) {
			t.Errorf("%q was not entered; entered %v", s, entered)
		}
	}
}
