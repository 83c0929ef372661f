package fault_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stepstudio/stepstudio/engine/fault"
)

func TestErrorsAsThroughWrapping(t *testing.T) {
	err := fmt.Errorf("state Pass: %w", fault.New(fault.Runtime, "boom"))
	fe, ok := fault.As(err)
	if !ok || fe.Name != fault.Runtime || fe.Cause != "boom" {
		t.Fatalf("As = %v, %v", fe, ok)
	}
	if !errors.Is(err, &fault.Error{Name: fault.Runtime}) {
		t.Error("errors.Is by name failed")
	}
	if errors.Is(err, &fault.Error{Name: fault.TaskFailed}) {
		t.Error("errors.Is matched a different name")
	}
	if _, ok := fault.As(errors.New("plain")); ok {
		t.Error("As found a fault in a plain error")
	}
}

func TestErrorText(t *testing.T) {
	tests := []struct {
		err  *fault.Error
		want string
	}{
		{fault.New("Custom", ""), "Custom"},
		{fault.Newf(fault.Runtime, "bad %d", 7), "States.Runtime: bad 7"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestInState(t *testing.T) {
	got := fault.New(fault.Runtime, "Invalid path '$.x' : No results for path: $['x']").InState("pass", 2)
	want := "An error occurred while executing the state 'pass' (entered at the event id #2). Invalid path '$.x' : No results for path: $['x']"
	if got.Cause != want || got.Name != fault.Runtime {
		t.Errorf("InState = %+v", got)
	}
}

func TestAtKeepsTheInnermostLocation(t *testing.T) {
	inner := &fault.Location{State: "A", Pointer: "/States/A/Parameters"}
	outer := &fault.Location{State: "P", Pointer: "/States/P"}
	orig := fault.New(fault.Runtime, "boom")
	located := orig.At(inner)
	if orig.Location != nil {
		t.Error("At changed the error it was given")
	}
	if located.Location != inner {
		t.Errorf("At = %+v", located.Location)
	}
	if got := located.At(outer); got != located {
		t.Errorf("At replaced a location: %+v", got.Location)
	}
	if got := located.InState("A", 2); got.Location != inner {
		t.Errorf("InState dropped the location: %+v", got.Location)
	}
}
