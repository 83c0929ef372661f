package jsonpath

import (
	"errors"
	"fmt"
	"slices"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// ErrNotReference is returned by Set for paths that cannot be written:
// indefinite paths and paths on the context object or variables.
var ErrNotReference = errors.New("jsonpath: not a reference path")

// Set returns doc with value placed where the path points, as ResultPath
// does: "$" replaces doc, missing objects on the way are created, and doc
// itself is never modified (objects and arrays on the path are copied).
// A path that runs through a value that is not an object (or an index out
// of range) raises States.ResultPathMatchFailure.
func (p *Path) Set(doc, value any) (any, error) {
	if !p.definite || p.root != Input || len(p.steps) > 0 && p.steps[len(p.steps)-1].merge != nil {
		return nil, fmt.Errorf("%w: %s", ErrNotReference, p.src)
	}
	out, ok := p.set(doc, 0, value)
	if !ok {
		return nil, fault.Newf(fault.ResultPathMatchFailure,
			"Unable to apply ReferencePath %s to input %s", p.src, jsonvalue.String(doc))
	}
	return out, nil
}

func (p *Path) set(cur any, i int, value any) (any, bool) {
	if i == len(p.steps) {
		return value, true
	}
	s := p.steps[i]
	if s.isIndex {
		arr, ok := cur.([]any)
		if !ok {
			return nil, false
		}
		idx := s.index
		if idx < 0 {
			idx += len(arr)
		}
		if idx < 0 || idx >= len(arr) {
			return nil, false
		}
		v, ok := p.set(arr[idx], i+1, value)
		if !ok {
			return nil, false
		}
		arr = slices.Clone(arr)
		arr[idx] = v
		return arr, true
	}
	obj, ok := cur.(map[string]any)
	// A missing (or null) object below the root is created, as AWS does;
	// the document itself must be an object.
	if !ok && (cur != nil || i == 0) {
		return nil, false
	}
	v, ok := p.set(obj[s.key], i+1, value)
	if !ok {
		return nil, false
	}
	// AWS keeps the input's key order and puts a new key last.
	return jsonvalue.With(obj, s.key, v), true
}
