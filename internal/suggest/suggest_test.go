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
