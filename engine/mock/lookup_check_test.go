package mock

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckAgainstTheStateMachine(t *testing.T) {
	cfg, err := Parse("m.json", []byte(`{
  "StateMachines": {
    "orders": {"TestCases": {"Happy": {"Charge Card": "ok", "Wait a bit": "ok", "Ship": "ok"}}},
    "other": {"TestCases": {"T": {"Nope": "ok"}}}
  },
  "MockedResponses": {"ok": {"0": {"Return": {}}}}
}`))
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]string{"Charge card": "Task", "Wait a bit": "Wait", "Ship": "Task"}
	err = cfg.Check("orders", types)
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 2 {
		t.Fatalf("Check = %v, want 2 problems", err)
	}
	if !errors.Is(errs[0], ErrUnknownState) || !strings.Contains(errs[0].Msg, `did you mean "Charge card"`) || errs[0].Line != 3 {
		t.Errorf("unknown state: %+v", errs[0])
	}
	if !strings.Contains(errs[1].Msg, `mocks "Wait a bit", a Wait state`) || errs[1].Line != 3 {
		t.Errorf("non-Task: %+v", errs[1])
	}
	// A machine the file has no entry for: every test case is checked.
	if err := cfg.Check("unknown", types); err == nil || !strings.Contains(err.Error(), `"Nope"`) {
		t.Errorf("Check(unknown) = %v", err)
	}
	if err := cfg.Check("orders", map[string]string{"Charge Card": "Task", "Wait a bit": "Task", "Ship": "Task"}); err != nil {
		t.Errorf("all known Tasks: %v", err)
	}
}
