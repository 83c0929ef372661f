package suggest_test

import (
	"testing"

	"github.com/stepstudio/stepstudio/internal/suggest"
)

func TestClosest(t *testing.T) {
	names := []string{"command", "url", "lambdaEndpoint", "timeoutSeconds", "ChargeCard", "Charge", "Next"}
	tests := []struct{ word, want string }{
		{"comand", "command"},
		{"timeoutSecond", "timeoutSeconds"},
		{"TimeoutSeconds", "timeoutSeconds"}, // case differs only
		{"ChargeCrad", "ChargeCard"},
		{"Chrage", "Charge"}, // a swap is one edit
		{"Chaerg", ""},       // two swaps are two
		{"Nxt", "Next"},
		{"lambda", ""}, // too far from lambdaEndpoint
		{"zzz", ""},
		{"url", ""}, // itself is not a suggestion
	}
	for _, tt := range tests {
		if got := suggest.Closest(tt.word, names); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

// The validator's cases: error names, state names that differ in case only,
// a one-letter name.
func TestClosestForTheValidator(t *testing.T) {
	tests := []struct {
		word  string
		cands []string
		want  string
	}{
		{"States.Tiemout", []string{"States.Timeout", "States.TaskFailed"}, "States.Timeout"},
		{"GoodBye", []string{"Goodbye", "Hello"}, "Goodbye"},
		{"Completely", []string{"Next", "End"}, ""},
		{"A", []string{"B"}, "B"},
	}
	for _, tc := range tests {
		if got := suggest.Closest(tc.word, tc.cands); got != tc.want {
			t.Errorf("Closest(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}
