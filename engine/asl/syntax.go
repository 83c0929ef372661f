package asl

import "fmt"

// MaxDepth bounds the nesting of arrays and objects Parse accepts, so that
// hostile input cannot exhaust the stack of Parse or of any later walk.
const MaxDepth = 512

// SyntaxError reports text that is not well-formed JSON or YAML.
type SyntaxError struct {
	Name string // file name given to Parse, may be empty
	Pos  Pos
	Msg  string // plain words, no position
}

func (e *SyntaxError) Error() string {
	if e.Name != "" {
		return fmt.Sprintf("%s:%d:%d: %s", e.Name, e.Pos.Line, e.Pos.Column, e.Msg)
	}
	return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Column, e.Msg)
}
