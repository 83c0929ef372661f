package asl

import (
	"path/filepath"
	"strings"
)

// Format is the syntax a definition was written in.
type Format string

// The formats Parse reads.
const (
	JSON Format = "json"
	YAML Format = "yaml"
)

// Document is a parsed definition: its generic tree and its typed machine.
type Document struct {
	Name    string
	Format  Format
	Root    *Node
	Machine *StateMachine // nil only when Root is not an object
}

// DetectFormat picks the syntax from the file extension (.yaml and .yml are
// YAML, .json JSON) and otherwise from the content: text whose first
// non-blank character opens a JSON object or array is JSON, else YAML.
func DetectFormat(name string, src []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return YAML
	case ".json":
		return JSON
	}
	for _, b := range src {
		switch b {
		case ' ', '\t', '\r', '\n':
			continue
		case '{', '[', 0xEF: // 0xEF starts a UTF-8 byte order mark
			return JSON
		}
		return YAML
	}
	return JSON
}

// Parse reads a definition in the format DetectFormat picks. A syntax
// problem is returned as *SyntaxError; a well-formed document of the wrong
// shape (say, an array) parses, with Machine nil when Root is not an object.
func Parse(name string, src []byte) (*Document, error) {
	return ParseFormat(name, src, DetectFormat(name, src))
}

// ParseFormat is Parse with the format given. Text that is not UTF-8, and
// YAML with a second document, are syntax errors located at the first
// byte that is not UTF-8 and at the second document.
func ParseFormat(name string, src []byte, f Format) (*Document, error) {
	if f != YAML {
		f = JSON
	}
	if err := checkUTF8(name, src, f); err != nil {
		return nil, err
	}
	var (
		root *Node
		err  error
	)
	if f == YAML {
		root, err = parseYAML(name, src)
	} else {
		f = JSON
		root, err = parseJSON(name, src)
	}
	if err != nil {
		return nil, err
	}
	doc := &Document{Name: name, Format: f, Root: root}
	if root.Is(KindObject) {
		doc.Machine = DecodeMachine(root)
	}
	return doc, nil
}
