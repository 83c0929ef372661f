package render

import (
	"strings"
	"testing"
)

// fit keeps the longest prefix that fits with its ellipsis: the same
// answer as dropping one character at a time, for names short and long.
func TestFitKeepsTheLongestPrefix(t *testing.T) {
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Charge card", "Wait for the warehouse to confirm the shipment", "Ünïcödé ✓ names 注文を確認", strings.Repeat("W", 3000)} {
		for _, w := range []float64{0, 5, 40, 120, 400} {
			got := fit(s, nameText, w)
			if measure(got, nameText) > w && got != "" {
				t.Errorf("fit(%.20q, %v) = %q is %v wide", s, w, got, measure(got, nameText))
			}
			if got == s {
				continue
			}
			if n := len([]rune(strings.TrimSuffix(got, "…"))); n < len([]rune(s)) {
				if longer := string([]rune(s)[:n+1]) + "…"; measure(longer, nameText) <= w {
					t.Errorf("fit(%.20q, %v) = %q, but %q fits too", s, w, got, longer)
				}
			}
		}
	}
}
