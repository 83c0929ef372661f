package engine_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/engine"
)

// mapFlow runs 5 items through Double then Check; Work is a Task so the
// Map runs its items side by side (MaxConcurrency 0: all at once).
const mapFlow = `{"StartAt":"Each item","States":{"Each item":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":0,
 "ItemProcessor":{"StartAt":"Work","States":{
  "Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","OutputPath":"$.Payload","Next":"Double"},
  "Double":{"Type":"Pass","Parameters":{"v.$":"States.MathAdd($.v, $.v)"},"Next":"Check"},
  "Check":{"Type":"Pass","End":true}}},"End":true}}}`

func mapInput() any {
	v, err := engine.DecodeJSON([]byte(`{"items":[{"v":1},{"v":2},{"v":3},{"v":4},{"v":5}]}`))
	if err != nil {
		panic(err)
	}
	return v
}

// echo answers Work with its input, as a Lambda's Payload.
var echo = engine.InvokerFunc(func(_ context.Context, req engine.TaskRequest) (any, error) {
	return map[string]any{"Payload": req.Input}, nil
})

// waitPauses polls until want pauses are there.
func waitPauses(t *testing.T, ex *engine.Execution, want int) []engine.Pause {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		ps := ex.Pauses()
		if len(ps) == want {
			return ps
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d pauses, want %d: %+v", len(ps), want, ps)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// settle gives runaway siblings time to show themselves.
func settle() { time.Sleep(30 * time.Millisecond) }

func entered(ex *engine.Execution, state string) int {
	n := 0
	for _, e := range ex.Events() {
		if d := e.StateEnteredEventDetails; d != nil && d.Name == state {
			n++
		}
	}
	return n
}

func item(i int) []engine.PathStep { return []engine.PathStep{{State: "Each item", Index: i}} }

func TestMapPauseOneAtATime(t *testing.T) {
	m := compile(t, mapFlow)
	ex, err := m.Start(context.Background(), mapInput(), engine.WithBreakpoints("Double"), engine.WithInvoker(echo))
	if err != nil {
		t.Fatal(err)
	}
	p := waitPauses(t, ex, 1)[0]
	settle()
	if got := ex.Pauses(); len(got) != 1 {
		t.Fatalf("one item at a time: %d paused", len(got))
	}
	// The others queue before Double, in index order.
	for deadline := time.Now().Add(5 * time.Second); len(ex.Waiting()) < 4 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	var queued []int
	for _, w := range ex.Waiting() {
		queued = append(queued, w[0].Index)
	}
	if len(queued) != 4 || !slices.IsSorted(queued) || slices.Contains(queued, p.Path[0].Index) {
		t.Fatalf("waiting %v besides paused item %d", queued, p.Path[0].Index)
	}
	// The first item to reach Double stops (items run side by side, so
	// which one is first varies); the others then go in index order.
	k := p.Path[0].Index
	if p.State != "Double" || !reflect.DeepEqual(p.Path, item(k)) || engine.EncodeJSON(p.Input) != fmt.Sprintf(`{"v":%d}`, k+1) {
		t.Fatalf("pause %+v (input %s), want Double in item %d", p, engine.EncodeJSON(p.Input), k)
	}
	// Step moves item 0 alone to Check, with Double's output as input.
	if !ex.StepPause(p.ID) {
		t.Fatal("StepPause refused a live pause")
	}
	if ex.StepPause(p.ID) {
		t.Fatal("StepPause took a pause that moved on")
	}
	p2 := waitPauses(t, ex, 1)[0]
	if p2.State != "Check" || !reflect.DeepEqual(p2.Path, item(k)) || engine.EncodeJSON(p2.Input) != fmt.Sprintf(`{"v":%d}`, 2*(k+1)) {
		t.Fatalf("after step %+v, want Check in item %d doubled", p2, k)
	}
	settle()
	if n := entered(ex, "Double"); n != 1 {
		t.Fatalf("Double entered %d times while one item was stepped, want 1", n)
	}
	// Item 0 ends: the next ones stop at Double in index order.
	ex.Step()
	var order []int
	for range 4 {
		ps := waitPauses(t, ex, 1)
		if ps[0].State != "Double" {
			t.Fatalf("paused at %s, want Double", ps[0].State)
		}
		order = append(order, ps[0].Path[0].Index)
		ex.Resume()
		for len(ex.Pauses()) > 0 && ex.Pauses()[0].ID == ps[0].ID {
			time.Sleep(time.Millisecond)
		}
	}
	var want []int
	for i := range 5 {
		if i != k {
			want = append(want, i)
		}
	}
	if !reflect.DeepEqual(order, want) {
		t.Fatalf("items paused in order %v, want %v", order, want)
	}
	if res := ex.Wait(); res.Status != engine.StatusSucceeded {
		t.Fatalf("status %s", res.Status)
	}
}

func TestMapPauseAll(t *testing.T) {
	cases := []struct {
		name string
		step int // the item stepped while the others stay paused
	}{{"first", 0}, {"middle", 2}, {"last", 4}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := compile(t, mapFlow)
			ex, err := m.Start(context.Background(), mapInput(), engine.WithBreakpoints("Double"),
				engine.WithPauseMode(engine.PauseAll), engine.WithInvoker(echo))
			if err != nil {
				t.Fatal(err)
			}
			ps := waitPauses(t, ex, 5)
			for i, p := range ps {
				if p.State != "Double" || !reflect.DeepEqual(p.Path, item(i)) {
					t.Fatalf("pause %d: %+v", i, p)
				}
			}
			ex.StepPause(ps[tc.step].ID)
			var after []engine.Pause
			for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
				if after = ex.Pauses(); len(after) == 5 && after[tc.step].State == "Check" {
					break
				}
			}
			settle()
			if n := entered(ex, "Double"); n != 1 {
				t.Fatalf("Double entered %d times, want only the stepped item's", n)
			}
			for i, p := range after {
				want := "Double"
				if i == tc.step {
					want = "Check"
				}
				if p.State != want || !reflect.DeepEqual(p.Path, item(i)) {
					t.Fatalf("after step, pause %d: %+v, want %s", i, p, want)
				}
			}
			ex.Resume()
			if res := ex.Wait(); res.Status != engine.StatusSucceeded {
				t.Fatalf("status %s", res.Status)
			}
		})
	}
}

// Stepping into a Map from the state before it stops in its items, one
// at a time by default; stopping the run while items wait ends it.
func TestStepIntoMapAndStop(t *testing.T) {
	def := `{"StartAt":"Start","States":{"Start":{"Type":"Pass","Next":"Each item"},` + mapFlow[len(`{"StartAt":"Each item","States":{`):]
	m := compile(t, def)
	ex, err := m.Start(context.Background(), mapInput(), engine.WithPauseAtStart(), engine.WithInvoker(echo))
	if err != nil {
		t.Fatal(err)
	}
	if p := waitPauses(t, ex, 1)[0]; p.State != "Start" || len(p.Path) != 0 {
		t.Fatalf("start pause %+v", p)
	}
	ex.Step()
	k := -1
	for _, want := range []string{"Each item", "Work"} {
		deadline := time.Now().Add(5 * time.Second)
		for {
			ps := ex.Pauses()
			if len(ps) == 1 && ps[0].State == want {
				if len(ps[0].Path) > 0 {
					k = ps[0].Path[0].Index
				}
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("pauses %+v, want %s", ps, want)
			}
			time.Sleep(time.Millisecond)
		}
		ex.Step()
	}
	p := waitPauses(t, ex, 1)[0]
	if p.State != "Double" || !reflect.DeepEqual(p.Path, item(k)) {
		t.Fatalf("stepped into %+v, want Double in item %d", p, k)
	}
	ex.SetPauseMode(engine.PauseAll)
	waitPauses(t, ex, 5)
	ex.Stop()
	if res := ex.Wait(); res.Status != engine.StatusAborted {
		t.Fatalf("status %s, want ABORTED", res.Status)
	}
}

func TestWithPauseModeRefusesOthers(t *testing.T) {
	m := compile(t, mapFlow)
	if _, err := m.Start(context.Background(), mapInput(), engine.WithPauseMode("some")); err == nil {
		t.Fatal("Start took an unknown pause mode")
	}
}

// Nested Maps and Parallel branches stop one at a time too, each pause
// saying its whole path; continuing visits every one exactly once.
func TestNestedPausesOneAtATime(t *testing.T) {
	cases := []struct {
		name, def, input string
		want             []string // every pause's path, in any order
	}{{
		name: "Map in a Map",
		def: `{"StartAt":"Outer","States":{"Outer":{"Type":"Map","ItemsPath":"$.rows","ItemProcessor":{"StartAt":"Inner","States":{
			"Inner":{"Type":"Map","ItemProcessor":{"StartAt":"Cell","States":{"Cell":{"Type":"Pass","End":true}}},"End":true}}},"End":true}}}`,
		input: `{"rows":[[1,2,3],[4,5,6]]}`,
		want:  []string{"Outer#0/Inner#0", "Outer#0/Inner#1", "Outer#0/Inner#2", "Outer#1/Inner#0", "Outer#1/Inner#1", "Outer#1/Inner#2"},
	}, {
		name: "Parallel branches",
		def: `{"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[
			{"StartAt":"Cell","States":{"Cell":{"Type":"Pass","End":true}}},
			{"StartAt":"Other","States":{"Other":{"Type":"Pass","Next":"Cell2"},"Cell2":{"Type":"Pass","End":true}}}]}}}`,
		input: `{}`,
		want:  []string{"Both#0"},
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := compile(t, tc.def)
			in, err := engine.DecodeJSON([]byte(tc.input))
			if err != nil {
				t.Fatal(err)
			}
			ex, err := m.Start(context.Background(), in, engine.WithBreakpoints("Cell"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			last := int64(0)
			for {
				var ps []engine.Pause
				for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
					select {
					case <-ex.Done():
						ps = nil
					default:
						if ps = ex.Pauses(); len(ps) == 0 || ps[0].ID == last {
							if time.Now().After(deadline) {
								t.Fatalf("stuck: pauses %+v, waiting %v", ps, ex.Waiting())
							}
							continue
						}
					}
					break
				}
				if len(ps) == 0 {
					break
				}
				if len(ps) != 1 {
					t.Fatalf("%d paused at once: %+v", len(ps), ps)
				}
				var keys []string
				for _, s := range ps[0].Path {
					keys = append(keys, fmt.Sprintf("%s#%d", s.State, s.Index))
				}
				got = append(got, strings.Join(keys, "/"))
				last = ps[0].ID
				ex.Resume()
			}
			if res := ex.Wait(); res.Status != engine.StatusSucceeded {
				t.Fatalf("status %s", res.Status)
			}
			slices.Sort(got)
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("paused in %v, want %v", got, tc.want)
			}
		})
	}
}
