package asl

import "fmt"

// MaxDepth bounds the nesting of arrays and objects Parse accepts, so that
// hostile input cannot exhaust the stack of Parse or of any later walk.
const MaxDepth = 512

// SyntaxError reports text that is not well-formed JSON or YAML.
type SyntaxError struct {
	Name string // file name given to Parse, may be empty
	Pos  Pos
	// Msg says in plain words what is wrong and, where it can, what to
	// write instead ("A comma is missing after the value on line 30.");
	// it may name lines, and Pos is where the fix belongs.
	Msg string
}

func (e *SyntaxError) Error() string {
	if e.Name != "" {
		return fmt.Sprintf("%s:%d:%d: %s", e.Name, e.Pos.Line, e.Pos.Column, e.Msg)
	}
	return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Column, e.Msg)
}
