package render

import (
	"fmt"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

// The Go fonts are embedded in the binary, so a PNG renders the same on a
// CI machine without fonts; text widths are measured with them for both
// formats (the SVG names them first in its font list).
var (
	fontsOnce sync.Once
	fontsErr  error
	fontSrc   map[[2]bool]*opentype.Font // [bold, mono]
	facesMu   sync.Mutex
	faces     = map[faceKey]font.Face{}
)

type faceKey struct {
	bold, mono bool
	size       float64
}

func loadFonts() error {
	fontsOnce.Do(func() {
		fontSrc = map[[2]bool]*opentype.Font{}
		for key, ttf := range map[[2]bool][]byte{{false, false}: goregular.TTF, {true, false}: gobold.TTF, {false, true}: gomono.TTF} {
			f, err := opentype.Parse(ttf)
			if err != nil {
				fontsErr = fmt.Errorf("render: font: %w", err)
				return
			}
			fontSrc[key] = f
		}
	})
	return fontsErr
}

// face returns the face of t at scale (1 for measuring).
func face(t textStyle, scale float64) font.Face {
	if loadFonts() != nil {
		return nil
	}
	k := faceKey{bold: t.bold && !t.mono, mono: t.mono, size: t.size * scale}
	facesMu.Lock()
	defer facesMu.Unlock()
	if f, ok := faces[k]; ok {
		return f
	}
	f, err := opentype.NewFace(fontSrc[[2]bool{k.bold, k.mono}], &opentype.FaceOptions{Size: k.size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil
	}
	faces[k] = f
	return f
}

// measure is the width of s in t, in pixels.
func measure(s string, t textStyle) float64 {
	f := face(t, 1)
	if f == nil {
		return float64(len([]rune(s))) * t.size * 0.6
	}
	return float64(font.MeasureString(f, s)) / 64
}

// fit shortens s with an ellipsis until it is at most w pixels wide. It
// finds the longest prefix that fits by bisection (widths grow with the
// prefix), so a 30,000-character name costs a few measurements, not one
// per character.
func fit(s string, t textStyle, w float64) string {
	if measure(s, t) <= w {
		return s
	}
	r := []rune(s)
	// The longest n with r[:n]+"…" fitting: lo fits (or is 0), hi does not.
	lo, hi := 0, len(r)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if measure(string(r[:mid])+"…", t) <= w {
			lo = mid
		} else {
			hi = mid
		}
	}
	if lo == 0 && measure("…", t) > w {
		return ""
	}
	return string(r[:lo]) + "…"
}
