package iac

import (
	"bytes"
	"errors"
	"io"

	"gopkg.in/yaml.v3"
)

// parseYAML reads a template's one YAML document. yaml.Unmarshal reads
// the first document of a stream and silently ignores the rest, so a
// template with a second one (after ---) would lose it without a word:
// it is an error located where the second document starts.
func parseYAML(src []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return &doc, nil // empty
		}
		return nil, err
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
		return &doc, nil
	case err != nil:
		return nil, err
	}
	return nil, &PosError{Line: next.Line, Column: next.Column,
		Msg: "a second YAML document starts here (---); a template is one document: remove this --- and what follows, or move it to a file of its own"}
}
