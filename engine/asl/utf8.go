package asl

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// checkUTF8 refuses a definition that is not UTF-8 text, at its first
// byte that is not. JSON is UTF-8 (RFC 8259 §8.1) and so is every
// definition AWS receives: bytes that do not decode are not a definition
// AWS could be sent, so they are a syntax error (INVALID_JSON_DESCRIPTION,
// what AWS answers for a definition it cannot decode), not quietly turned
// into U+FFFD, which would make "A\xff" and "A\xfe" the same state name.
// The message says which state name or value holds the byte.
func checkUTF8(name string, src []byte, f Format) error {
	if utf8.Valid(src) {
		return nil
	}
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		return &SyntaxError{Name: name, Pos: Pos{Line: 1, Column: 1}, Msg: "the file is UTF-16 text; a definition is UTF-8: save it as UTF-8"}
	}
	off := 0
	for off < len(src) {
		r, n := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	what := "the text"
	if where := utf8Context(src, off, f); where != "" {
		what = where
	}
	return &SyntaxError{Name: name, Pos: newCursor(src).at(off),
		Msg: fmt.Sprintf("byte 0x%02X in %s is not UTF-8; a definition is UTF-8 text: save the file as UTF-8", src[off], what)}
}

// utf8Context names what holds byte off: a state name, or the key or
// value at a JSON pointer. It parses a copy of src with every invalid
// byte made '?' (offsets stay the same); "" when that does not parse.
func utf8Context(src []byte, off int, f Format) string {
	clean := make([]byte, 0, len(src))
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			clean = append(clean, '?')
			i++
			continue
		}
		clean = append(clean, src[i:i+n]...)
		i += n
	}
	var root *Node
	var err error
	if f == YAML {
		root, err = parseYAML("", clean)
	} else {
		root, err = parseJSON("", clean)
	}
	if err != nil {
		return ""
	}
	return nodeContext(root, off, "", false)
}

// nodeContext describes what in n (at pointer) holds byte off; states
// says n is a States object (under an object with StartAt), whose keys
// are state names.
func nodeContext(n *Node, off int, pointer string, states bool) string {
	for _, f := range n.Fields {
		if f.KeyRange.Contains(off) {
			if states {
				return "the state name " + strconv.Quote(f.Key)
			}
			if pointer == "" {
				return "the key " + strconv.Quote(f.Key)
			}
			return "the key " + strconv.Quote(f.Key) + " at " + pointer
		}
		if f.Value.Range.Contains(off) {
			return nodeContext(f.Value, off, Append(pointer, f.Key), f.Key == "States" && n.Has("StartAt"))
		}
	}
	for i, it := range n.Items {
		if it.Range.Contains(off) {
			return nodeContext(it, off, AppendIndex(pointer, i), false)
		}
	}
	if pointer == "" {
		return ""
	}
	return "the value at " + pointer
}
