package jsonpath

import (
	"errors"
	"fmt"
)

// ErrNotFound is matched by every *NotFoundError.
var ErrNotFound = errors.New("jsonpath: no value")

// NotFoundError says a definite path names no value. Detail is Jayway's
// text, which AWS prints in its causes; callers that print AWS causes use
// Path and Detail (see InvalidPathCause).
type NotFoundError struct {
	Path   string // the path as written
	Detail string // e.g. "No results for path: $['a']"
	// Missing is true when a name or index is absent, false when the path
	// runs into a value of the wrong type (an index on a string, ...).
	Missing bool
}

func (e *NotFoundError) Error() string { return e.Detail }

// Unwrap lets errors.Is(err, ErrNotFound) match.
func (e *NotFoundError) Unwrap() error { return ErrNotFound }

// InvalidPathCause is the cause AWS gives when InputPath, OutputPath or
// ItemsPath names no value: "Invalid path '$.x' : No results for path: $['x']".
func (e *NotFoundError) InvalidPathCause() string {
	return fmt.Sprintf("Invalid path '%s' : %s", e.Path, e.Detail)
}

// SyntaxError says a path could not be compiled.
type SyntaxError struct {
	Path   string
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("invalid JSONPath %q at offset %d: %s", e.Path, e.Offset, e.Msg)
}
