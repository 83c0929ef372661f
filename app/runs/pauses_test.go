package runs

import (
	"errors"
	"fmt"
	"testing"
)

// onePause is an update paused in exactly one Map item before state.
func onePause(state string) func(Update) bool {
	return func(u Update) bool {
		return len(u.Pauses) == 1 && u.Pauses[0].State == state && len(u.Pauses[0].Path) == 1
	}
}

// A breakpoint inside a Map of 5 items run side by side stops one item at
// a time; stepping it moves it alone; the others stop in index order.
func TestMapPausesOneItem(t *testing.T) {
	cases := []struct {
		name, mode string
		paused     int // items paused at Double at first
	}{{"one at a time", "", 1}, {"all", "all", 5}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, rec, _ := newManager(t)
			id, err := m.Start(StartRequest{Workflow: "w", Definition: definition(t, "mapdebug.asl.json"), Breakpoints: []string{"Double"},
				PauseMode: tc.mode, Input: `{"items":[{"v":1},{"v":2},{"v":3},{"v":4},{"v":5}]}`})
			if err != nil {
				t.Fatal(err)
			}
			// One at a time: the 4 others wait before Double, and say so.
			u := rec.await(t, id, "items paused at Double", func(u Update) bool {
				return len(u.Pauses) == tc.paused && len(u.Waiting) == 5-tc.paused
			})
			p := u.Pauses[0]
			k := p.Path[0].Index
			if p.State != "Double" || p.Path[0].State != "Each item" || p.Input != fmt.Sprintf(`{"v":%d}`, k+1) {
				t.Fatalf("pause %+v", p)
			}
			if err := m.StepPause(id, p.ID); err != nil {
				t.Fatal(err)
			}
			if err := m.StepPause(id, p.ID); !errors.Is(err, ErrNoSuchPause) {
				t.Fatalf("stepping a pause that moved on: %v", err)
			}
			at := func(u Update) *PauseInfo { // item k's pause
				for i, p := range u.Pauses {
					if len(p.Path) == 1 && p.Path[0].Index == k {
						return &u.Pauses[i]
					}
				}
				return nil
			}
			u = rec.await(t, id, "the item at Check", func(u Update) bool {
				return len(u.Pauses) == tc.paused && at(u) != nil && at(u).State == "Check"
			})
			if got, want := at(u).Input, fmt.Sprintf(`{"v":%d}`, 2*(k+1)); got != want {
				t.Fatalf("Check will get %s, want %s", got, want)
			}
			if tc.mode == "" {
				// The stepped item ends; another stops at Double.
				if err := m.Step(id); err != nil {
					t.Fatal(err)
				}
				u = rec.await(t, id, "the next item", func(u Update) bool { return onePause("Double")(u) && u.Pauses[0].Path[0].Index != k })
				if err := m.SetPauseMode(id, "all"); err != nil {
					t.Fatal(err)
				}
				rec.await(t, id, "the 4 items left", func(u Update) bool { return len(u.Pauses) == 4 })
			}
			if err := m.SetPauseMode(id, "some"); !errors.Is(err, ErrInvalidRequest) {
				t.Fatalf("SetPauseMode(some): %v", err)
			}
			if err := m.Continue(id); err != nil {
				t.Fatal(err)
			}
			if u := rec.await(t, id, "the end", ended); u.Meta.Status != "SUCCEEDED" || len(u.Pauses) != 0 {
				t.Fatalf("status %s, pauses %v", u.Meta.Status, u.Pauses)
			}
		})
	}
}

func TestStartRefusesUnknownPauseMode(t *testing.T) {
	m, _, _ := newManager(t)
	if _, err := m.Start(StartRequest{Workflow: "w", Definition: definition(t, "chain.asl.json"), PauseMode: "most"}); !errors.Is(err, ErrInvalidRequest) {
		t.Fatalf("PauseMode most: %v", err)
	}
}
