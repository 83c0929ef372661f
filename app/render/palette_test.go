package render

import (
	"encoding/json"
	"fmt"
	"image/color"
	"os"
	"testing"
)

// The export palette is the light theme the canvas draws with: every colour
// here must equal the one of the same role in frontend/src/theme/colours.json,
// which the frontend turns into its CSS variables. Change a colour there and
// this test names the Go value to change with it.
func TestPaletteMatchesTheFrontendTheme(t *testing.T) {
	raw, err := os.ReadFile("../../frontend/src/theme/colours.json")
	if err != nil {
		t.Fatal(err)
	}
	var theme struct {
		Light      map[string]string `json:"light"`
		StateTypes map[string]string `json:"stateTypes"`
	}
	if err := json.Unmarshal(raw, &theme); err != nil {
		t.Fatal(err)
	}
	check := func(what, cssName string, got color.RGBA) {
		t.Helper()
		want, ok := theme.Light[cssName]
		if !ok {
			t.Errorf("%s: colours.json has no light %q", what, cssName)
			return
		}
		if h := fmt.Sprintf("#%02x%02x%02x", got.R, got.G, got.B); h != want {
			t.Errorf("%s is %s, but --%s is %s in colours.json", what, h, cssName, want)
		}
	}
	for _, c := range []struct {
		goName, cssName string
		got             color.RGBA
	}{
		{"colBackground", "bg-canvas", colBackground},
		{"colPanel", "bg-panel", colPanel},
		{"colBorder", "border", colBorder},
		{"colBorderStrong", "border-strong", colBorderStrong},
		{"colText", "text", colText},
		{"colMuted", "text-muted", colMuted},
		{"colEdge", "edge", colEdge},
		{"colCatch", "edge-catch", colCatch},
		{"colBadge", "bg-hover", colBadge},
	} {
		check(c.goName, c.cssName, c.got)
	}
	if len(theme.StateTypes) == 0 {
		t.Fatal("colours.json gives no state type a colour")
	}
	for typ, cssName := range theme.StateTypes {
		check(fmt.Sprintf("typeColour(%q)", typ), cssName, typeColour(typ))
	}
	check(`typeColour of an unknown type`, "type-flow", typeColour("NoSuchType"))
}
