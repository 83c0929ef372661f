package render

import "image/color"

// The light theme of frontend/src/theme/colours.json, so an exported picture
// matches what the user sees on the canvas; palette_test.go holds them equal.
var (
	colBackground   = hex(0xf0f2f5)
	colPanel        = hex(0xffffff)
	colBorder       = hex(0xdde1e7)
	colBorderStrong = hex(0xc3c9d2)
	colText         = hex(0x1d2330)
	colMuted        = hex(0x5d6677)
	colEdge         = hex(0x7b8494)
	colCatch        = hex(0xd93b3b)
	colBadge        = hex(0xeef1f5)
)

// typeColour is the accent of a state type, as colours.json's stateTypes
// gives it to the canvas.
func typeColour(t string) color.RGBA {
	switch t {
	case "Task":
		return hex(0x2f6bff)
	case "Choice":
		return hex(0xe07b00)
	case "Wait":
		return hex(0x0b8f8f)
	case "Succeed":
		return hex(0x1f9d55)
	case "Fail":
		return hex(0xd93b3b)
	case "Parallel":
		return hex(0x8a5a00)
	case "Map":
		return hex(0xb0006e)
	}
	return hex(0x7c4dff) // Pass and anything else: the "flow" colour
}

func hex(v uint32) color.RGBA {
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// tint is c at alpha a over nothing (for container backgrounds).
func tint(c color.RGBA, a uint8) color.NRGBA {
	return color.NRGBA{R: c.R, G: c.G, B: c.B, A: a}
}
