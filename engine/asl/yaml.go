package asl

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// yamlConverter turns a yaml.v3 node tree into Nodes. yaml.v3 gives start
// line and column only; ends are estimated: a plain scalar ends after its
// text on the same line, a quoted or block one at the next sibling, a
// collection at the end of its last child.
type yamlConverter struct {
	src    []byte
	lines  []int // start offset of each line
	budget int   // nodes left; bounds alias expansion ("billion laughs")
	// last is the last position computed. Positions come mostly in
	// document order, so columns are counted on from it rather than from
	// the start of the line: a long single-line (flow) document would
	// otherwise cost quadratic time.
	last Pos
}

var yamlLineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:yaml: )?line (\d+): (.*)`) })

func parseYAML(name string, src []byte) (*Node, error) {
	// A Decoder, not yaml.Unmarshal: Unmarshal reads the first document
	// of a stream and silently ignores the rest, so a second document
	// (after ---) would be dropped without a word.
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlError(name, src, err)
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		ls := lineStarts(src)
		pos := Pos{Line: 1, Column: 1}
		if next.Line >= 1 && next.Line <= len(ls) {
			pos = Pos{Line: next.Line, Column: 1, Offset: ls[next.Line-1]}
		}
		return nil, &SyntaxError{Name: name, Pos: pos, Msg: "a second YAML document starts here (---); a definition is one document: remove this --- and what follows, or move it to a file of its own"}
	} else if !errors.Is(err, io.EOF) {
		return nil, yamlError(name, src, err)
	}
	c := &yamlConverter{src: src, lines: lineStarts(src), budget: 4*len(src) + 1024}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, &SyntaxError{Name: name, Pos: Pos{Line: 1, Column: 1}, Msg: "the document is empty; a definition is a YAML mapping"}
	}
	n, err := c.node(doc.Content[0], 0)
	if err != nil {
		return nil, &SyntaxError{Name: name, Pos: err.pos, Msg: err.msg}
	}
	end := c.pos(len(src))
	c.last = Pos{} // fixEnds visits closing brackets in increasing order
	c.fixEnds(n, end)
	return n, nil
}

// yamlError turns yaml.v3's refusal into a SyntaxError: an indentation
// mistake (the usual cause, which yaml.v3 often places at the line that
// opens the enclosing mapping) in plain words at its own line, else
// yaml.v3's words at the line it names.
func yamlError(name string, src []byte, err error) error {
	if pos, msg, ok := yamlIndentProblem(src); ok {
		return &SyntaxError{Name: name, Pos: pos, Msg: msg}
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	pos := Pos{Line: 1, Column: 1}
	if m := yamlLineRE().FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		msg = m[2]
		ls := lineStarts(src)
		if line >= 1 && line <= len(ls) {
			pos = Pos{Line: line, Column: 1, Offset: ls[line-1]}
		}
	}
	return &SyntaxError{Name: name, Pos: pos, Msg: fmt.Sprintf("The YAML cannot be read at line %d: %s.", pos.Line, msg)}
}

type convError struct {
	pos Pos
	msg string
}

// lineStarts gives the offset of each line's first character (line 1
// starts after a byte order mark: it takes no column).
func lineStarts(src []byte) []int {
	ls := []int{textStart(src).Offset}
	for i, b := range src {
		if b == '\n' {
			ls = append(ls, i+1)
		}
	}
	return ls
}

func (c *yamlConverter) node(y *yaml.Node, depth int) (*Node, *convError) {
	start := c.lineCol(y.Line, y.Column)
	if depth >= MaxDepth { // depth counts from 0; JSON's from 1
		return nil, &convError{start, "nesting is deeper than " + strconv.Itoa(MaxDepth) + " levels"}
	}
	if c.budget--; c.budget < 0 {
		return nil, &convError{start, "the document expands to too many values (alias loop or bomb)"}
	}
	n := &Node{Range: Range{Start: start}}
	switch y.Kind {
	case yaml.AliasNode:
		if y.Alias == nil {
			return nil, &convError{start, "unknown alias"}
		}
		a, err := c.node(y.Alias, depth+1)
		if err != nil {
			return nil, err
		}
		cp := *a
		cp.Range = Range{Start: start, End: c.scalarEnd(y, start)}
		return &cp, nil
	case yaml.DocumentNode:
		if len(y.Content) == 0 {
			n.Kind = KindNull
			return n, nil
		}
		return c.node(y.Content[0], depth)
	case yaml.SequenceNode:
		n.Kind = KindArray
		for _, it := range y.Content {
			v, err := c.node(it, depth+1)
			if err != nil {
				return nil, err
			}
			n.Items = append(n.Items, v)
		}
	case yaml.MappingNode:
		n.Kind = KindObject
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Tag == "!!merge" {
				if err := c.merge(n, v, depth); err != nil {
					return nil, err
				}
				continue
			}
			if k.Kind != yaml.ScalarNode {
				return nil, &convError{c.lineCol(k.Line, k.Column), "a mapping key must be a plain value such as a name, not a list or a mapping"}
			}
			kn, err := c.node(k, depth+1)
			if err != nil {
				return nil, err
			}
			vn, err := c.node(v, depth+1)
			if err != nil {
				return nil, err
			}
			key := kn.Str
			if kn.Kind != KindString {
				key = k.Value
			}
			n.Fields = append(n.Fields, &Field{Key: key, KeyRange: kn.Range, Value: vn})
		}
	case yaml.ScalarNode:
		c.scalar(n, y)
		n.Range.End = c.scalarEnd(y, start)
	default:
		n.Kind = KindNull
	}
	n.buildIndex()
	return n, nil
}

// merge applies a "<<" merge key: fields of the merged mapping(s) that the
// mapping does not define itself.
func (c *yamlConverter) merge(n *Node, v *yaml.Node, depth int) *convError {
	m, err := c.node(v, depth+1)
	if err != nil {
		return err
	}
	srcs := []*Node{m}
	if m.Kind == KindArray {
		srcs = m.Items
	}
	for _, s := range srcs {
		for _, f := range s.Fields {
			if !n.Has(f.Key) {
				n.Fields = append(n.Fields, f)
			}
		}
	}
	return nil
}

func (c *yamlConverter) scalar(n *Node, y *yaml.Node) {
	switch y.ShortTag() {
	case "!!null":
		n.Kind = KindNull
	case "!!bool":
		var b bool
		if y.Decode(&b) == nil {
			n.Kind, n.Bool = KindBool, b
			return
		}
		n.Kind, n.Str = KindString, y.Value
	case "!!int":
		var i int64
		if y.Decode(&i) == nil {
			n.Kind, n.Num = KindNumber, strconv.FormatInt(i, 10)
			return
		}
		var f float64
		if y.Decode(&f) == nil {
			n.Kind, n.Num = KindNumber, strconv.FormatFloat(f, 'g', -1, 64)
			return
		}
		n.Kind, n.Str = KindString, y.Value
	case "!!float":
		var f float64
		if err := y.Decode(&f); err == nil && !isInfOrNaN(f) {
			n.Kind, n.Num = KindNumber, jsonFloatText(y.Value, f)
			return
		}
		n.Kind, n.Str = KindString, y.Value
	default: // !!str, !!binary, !!timestamp and custom tags such as !Sub
		n.Kind, n.Str = KindString, y.Value
	}
}

func isInfOrNaN(f float64) bool {
	return f != f || f > 1.7976931348623157e308 || f < -1.7976931348623157e308
}

// jsonFloatText keeps the literal when it is already valid JSON ("1.5").
func jsonFloatText(lit string, f float64) string {
	if _, err := strconv.ParseFloat(lit, 64); err == nil && jsonNumberRE().MatchString(lit) {
		return lit
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

var jsonNumberRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`) })
