package asl

import "fmt"

// Pos is a position in the source text. Line and Column are 1-based;
// Column counts Unicode code points from the start of the line; Offset is
// the 0-based byte offset.
type Pos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Offset int `json:"offset"`
}

// Range is the half-open span [Start, End) of a key or value in the source.
type Range struct {
	Start Pos `json:"start"`
	End   Pos `json:"end"`
}

func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Column) }

// IsZero reports whether the range was never set (e.g. a synthetic node).
func (r Range) IsZero() bool { return r.Start.Line == 0 }

// Contains reports whether the byte offset lies inside r.
func (r Range) Contains(offset int) bool {
	return r.Start.Offset <= offset && offset < r.End.Offset
}
