package iac

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/stepstudio/stepstudio/app/files"
)

// WriteSettings writes s as the deploy settings of resource id of the
// template at path, as small text edits: only the properties whose value
// changes are touched, a scalar's value is replaced where it stands (its
// comment stays), a structured property (Logging, Tracing, encryption) is
// rewritten as a whole, a property to add goes at the end of Properties in
// the file's own indentation, one to clear is removed with its lines.
// Everything else — other properties, the definition, comments, key
// order — is left byte for byte. hash is the template's hash as last read
// (TemplateSettings.Hash or Opened.Hash): a file changed since is refused
// and nothing is written. The edited template must read back with exactly
// s and the same definition, or nothing is written either.
func WriteSettings(path, id, hash string, s Settings) (*TemplateSettings, error) {
	src, kind, err := readTemplate(path)
	if err != nil {
		return nil, err
	}
	if hash != "" && hashOf(src) != hash {
		return nil, fmt.Errorf("%s: %w; reopen it to see the other change (nothing was written)", path, ErrChanged)
	}
	edit := EditSettings
	if kind == Terraform {
		edit = editTFSettings
	}
	out, err := edit(src, id, s)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if !bytes.Equal(out, src) {
		if err := sameDefinition(path, id, src, out); err != nil {
			return nil, fmt.Errorf("%s: %w; nothing was written", path, err)
		}
		if err := files.Write(path, out); err != nil {
			return nil, err
		}
	}
	return settingsOf(kind, out, path, id)
}

// EditSettings is src with s written as resource id's settings (see
// WriteSettings); it checks that the result reads back as s.
func EditSettings(src []byte, id string, s Settings) ([]byte, error) {
	// One property at a time, each against the text as the last left it:
	// a property removed and one added at the end of Properties never
	// overlap. Each round settles one property, so six rounds do.
	out := src
	for round := 0; ; round++ {
		r, err := findResource(out, id)
		if err != nil {
			return nil, fmt.Errorf("the template would no longer read after this edit (%v)", err)
		}
		todo := r.changes(r.settings("", id).Settings, s)
		if len(todo) == 0 {
			break
		}
		if round > 8 {
			return nil, fmt.Errorf("the settings do not settle in the template (still to change: %s)", todo[0].key)
		}
		edits, err := r.edit(r.propsKey, r.props, todo[0])
		if err != nil {
			return nil, err
		}
		out = applyEdits(out, edits)
	}
	back, err := findResource(out, id)
	if err != nil {
		return nil, fmt.Errorf("the template would no longer read after this edit (%v)", err)
	}
	if got, want := normalSettings(back.settings("", id).Settings), normalSettings(s); got != want {
		return nil, fmt.Errorf("the edit would not read back as the settings given (got %+v, want %+v)", got, want)
	}
	return out, nil
}

// normalSettings says each setting one way: no type is STANDARD, logging OFF
// without a destination is no logging.
func normalSettings(s Settings) Settings {
	if s.Type == "" {
		s.Type = "STANDARD"
	}
	if (s.LogLevel == "" || s.LogLevel == "OFF") && s.LogDestination == "" {
		s.LogLevel, s.IncludeExecutionData = "", false
	}
	return s
}

// sameDefinition checks that the edit left the machine's definition as
// it was.
func sameDefinition(path, id string, before, after []byte) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	rs, err := Project{}.resolver(abs)
	if err != nil {
		return err
	}
	def := func(src []byte) (string, error) {
		t, err := scanSource(path, abs, src, rs)
		if err != nil {
			return "", err
		}
		m, err := t.Find(id)
		if err != nil {
			return "", err
		}
		if m.Problem != "" {
			return m.Origin, nil // a definition in S3 or elsewhere: where it is said stays
		}
		return m.region.decode(src)
	}
	a, err := def(before)
	if err != nil {
		return err
	}
	b, err := def(after)
	if err != nil || a != b {
		return fmt.Errorf("the edit would change the state machine's definition")
	}
	return nil
}

// change is one property to set (value non-nil) or remove.
type change struct {
	key   string
	value any // string, bool, obj, []any or expr
}

// obj is a mapping written in this key order.
type obj []kv

type kv struct {
	k string
	v any
}

// expr is a value the template computes, written back as it was.
type expr struct{ n *yaml.Node }

// changes lists the properties that differ between cur and s.
func (r *resource) changes(cur, s Settings) []change {
	n := namesFor(r.typ)
	c, w := normalSettings(cur), normalSettings(s)
	var out []change
	str := func(field, v string) any {
		if e, ok := r.exprs[field]; ok && renderYAML(e) == v {
			return expr{e}
		}
		return v
	}
	scalar := func(key, field, have, want string) {
		if have == want {
			return
		}
		if want == "" {
			out = append(out, change{key: key})
			return
		}
		out = append(out, change{key, str(field, want)})
	}
	scalar(n.name, "name", c.Name, w.Name)
	if c.Type != w.Type {
		out = append(out, change{n.typ, str("type", w.Type)})
	}
	scalar(n.role, "roleArn", c.RoleArn, w.RoleArn)
	if c.LogLevel != w.LogLevel || c.IncludeExecutionData != w.IncludeExecutionData || c.LogDestination != w.LogDestination {
		if w.LogLevel == "" && w.LogDestination == "" {
			out = append(out, change{key: n.logging})
		} else {
			level := w.LogLevel
			if level == "" {
				level = "OFF"
			}
			lg := obj{{"Level", str("logLevel", level)}, {"IncludeExecutionData", w.IncludeExecutionData}}
			if w.LogDestination != "" {
				lg = append(lg, kv{"Destinations", []any{obj{{"CloudWatchLogsLogGroup", obj{{"LogGroupArn", str("logDestination", w.LogDestination)}}}}}})
			}
			out = append(out, change{n.logging, lg})
		}
	}
	if c.Tracing != w.Tracing {
		if w.Tracing {
			out = append(out, change{n.tracing, obj{{"Enabled", true}}})
		} else {
			out = append(out, change{key: n.tracing})
		}
	}
	if c.KMSKeyID != w.KMSKeyID {
		if w.KMSKeyID == "" {
			out = append(out, change{key: n.encryption})
		} else {
			out = append(out, change{n.encryption, obj{{"Type", "CUSTOMER_MANAGED_KMS_KEY"}, {"KmsKeyId", str("kmsKeyId", w.KMSKeyID)}}})
		}
	}
	return out
}

// textEdit replaces src[from:to] with text.
type textEdit struct {
	from, to int
	text     string
}

// applyEdits applies non-overlapping edits, inserts at one place in the
// order given (the last applied first, so the first ends up first).
func applyEdits(src []byte, edits []textEdit) []byte {
	order := make([]int, len(edits))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := edits[order[i]], edits[order[j]]
		return a.from > b.from || (a.from == b.from && order[i] > order[j])
	})
	sorted := make([]textEdit, len(edits))
	for i, o := range order {
		sorted[i] = edits[o]
	}
	edits = sorted
	out := append([]byte(nil), src...)
	for _, e := range edits {
		out = append(out[:e.from], append([]byte(e.text), out[e.to:]...)...)
	}
	return out
}

// edit is the text edits of one change to mapping m (under key pk). A
// structured value set over an existing mapping is merged into it: only
// the keys that differ are edited, keys it does not name (and comments)
// stay.
func (r *resource) edit(pk, m *yaml.Node, c change) ([]textEdit, error) {
	if o, ok := c.value.(obj); ok {
		if k, v := mapEntry(m, c.key); k != nil && v.Kind == yaml.MappingNode && (v.Style&yaml.FlowStyle != 0) == r.json && len(v.Content) > 0 {
			var out []textEdit
			for _, e := range o {
				if saysValue(mapGet(v, e.k), e.v) {
					continue
				}
				got, err := r.edit(k, v, change{e.k, e.v})
				if err != nil {
					return nil, err
				}
				out = append(out, got...)
			}
			return out, nil
		}
	}
	var (
		e   textEdit
		err error
	)
	if r.json {
		e, err = r.jsonEdit(pk, m, c)
	} else {
		e, err = r.yamlEdit(pk, m, c)
	}
	if err != nil || (e == textEdit{}) {
		return nil, err
	}
	return []textEdit{e}, nil
}

// saysValue reports whether node n (nil: absent) already says v.
func saysValue(n *yaml.Node, v any) bool {
	if n == nil {
		return false
	}
	switch v := v.(type) {
	case string:
		return n.Kind == yaml.ScalarNode && isLiteral(n) && n.Value == v
	case bool:
		return n.Kind == yaml.ScalarNode && n.Tag == "!!bool" && n.Value == fmt.Sprint(v)
	case expr:
		return n == v.n
	case obj:
		if n.Kind != yaml.MappingNode {
			return false
		}
		for _, e := range v {
			if !saysValue(mapGet(n, e.k), e.v) {
				return false
			}
		}
		return true
	case []any:
		if n.Kind != yaml.SequenceNode || len(n.Content) != len(v) {
			return false
		}
		for i, e := range v {
			if !saysValue(n.Content[i], e) {
				return false
			}
		}
		return true
	}
	return false
}

// indents are the column of mapping m's keys and the file's indent step.
func indents(pk, m *yaml.Node) (ind, step string) {
	first := m.Content[0]
	ind = strings.Repeat(" ", first.Column-1)
	if d := first.Column - pk.Column; d > 0 {
		step = strings.Repeat(" ", d)
	} else {
		step = "  "
	}
	return ind, step
}

// yamlEdit edits a block-style mapping m under key pk.
func (r *resource) yamlEdit(pk, m *yaml.Node, c change) (textEdit, error) {
	k, v := mapEntry(m, c.key)
	ind, step := indents(pk, m)
	if k == nil {
		if c.value == nil {
			return textEdit{}, nil
		}
		// At the end of the mapping, after its last content line.
		at := blockEnd(r.l, pk.Line-1, pk.Column-1)
		text, err := yamlProperty(ind, step, c.key, c.value)
		return textEdit{at, at, "\n" + text}, err
	}
	first := k.Line - 1
	end := blockEnd(r.l, first, k.Column-1)
	last := r.l.lineOf(end)
	if c.value == nil { // the key's lines, with their line break
		if last+1 < len(r.l.starts) {
			return textEdit{r.l.starts[first], r.l.starts[last+1], ""}, nil
		}
		return textEdit{max(r.l.starts[first]-1, 0), end, ""}, nil
	}
	if s, ok := c.value.(string); ok && v.Kind == yaml.ScalarNode && v.Line == k.Line && isLiteral(v) && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		// A one-line literal: only the value changes; a comment after it stays.
		from := r.l.offset(v.Line, v.Column)
		to := r.yamlScalarEnd(v, from)
		return textEdit{from, to, yamlScalar(s)}, nil
	}
	text, err := yamlProperty(ind, step, c.key, c.value)
	return textEdit{r.l.starts[first], end, text}, err
}

func isLiteral(v *yaml.Node) bool {
	return v.Tag == "!!str" || v.Tag == "!!bool" || v.Tag == "!!int" || v.Tag == "!!float"
}

// yamlScalarEnd is where the one-line scalar v starting at from ends.
func (r *resource) yamlScalarEnd(v *yaml.Node, from int) int {
	switch {
	case v.Style&yaml.DoubleQuotedStyle != 0:
		return quotedEnd(r.src, from) + 1
	case v.Style&yaml.SingleQuotedStyle != 0:
		for i := from + 1; i < len(r.src); i++ {
			if r.src[i] == '\'' {
				if i+1 < len(r.src) && r.src[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
	}
	line := r.l.lineOf(from)
	rest := string(r.src[from:r.l.end(line)])
	if i := strings.Index(rest, " #"); i >= 0 {
		rest = rest[:i]
	}
	return from + len(strings.TrimRight(rest, " \t"))
}

// yamlScalar is s as a YAML scalar (quoted only when it must be).
func yamlScalar(s string) string {
	b, _ := yaml.Marshal(s) // a string always marshals
	return strings.TrimSuffix(string(b), "\n")
}

// yamlProperty writes key: value as block YAML indented by ind.
func yamlProperty(ind, step, key string, value any) (string, error) {
	m := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: key}, yamlNode(value)}}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(len(step))
	if err := enc.Encode(m); err != nil {
		return "", err
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	for i := range lines {
		lines[i] = ind + lines[i]
	}
	return strings.Join(lines, "\n"), nil
}

func yamlNode(v any) *yaml.Node {
	switch v := v.(type) {
	case string:
		n := &yaml.Node{}
		_ = n.Encode(v) // a string always encodes
		return n
	case bool:
		n := &yaml.Node{}
		_ = n.Encode(v)
		return n
	case expr:
		c := *v.n
		c.HeadComment, c.LineComment, c.FootComment = "", "", ""
		c.Style &^= yaml.FlowStyle
		return &c
	case obj:
		m := &yaml.Node{Kind: yaml.MappingNode}
		for _, e := range v {
			m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: e.k}, yamlNode(e.v))
		}
		return m
	case []any:
		s := &yaml.Node{Kind: yaml.SequenceNode}
		for _, e := range v {
			s.Content = append(s.Content, yamlNode(e))
		}
		return s
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
}

// jsonEdit edits an object m (under key pk) of a JSON template.
func (r *resource) jsonEdit(pk, m *yaml.Node, c change) (textEdit, error) {
	k, v := mapEntry(m, c.key)
	if k == nil {
		if c.value == nil {
			return textEdit{}, nil
		}
		// After the last key's value, as that key is indented.
		lastKey, lastValue := m.Content[len(m.Content)-2], m.Content[len(m.Content)-1]
		_, at := r.jsonSpan(lastValue)
		if at < 0 {
			return textEdit{}, fmt.Errorf("the value of %s on line %d does not end", lastKey.Value, lastValue.Line)
		}
		before := string(r.src[r.l.starts[lastKey.Line-1]:r.l.offset(lastKey.Line, lastKey.Column)])
		ind, step := r.jsonIndents(pk, lastKey)
		text, err := jsonValue(c.value, ind, step)
		if err != nil {
			return textEdit{}, err
		}
		sep := ", "
		if strings.TrimSpace(before) == "" {
			sep = ",\n" + before
		}
		return textEdit{at, at, sep + jsonString(c.key) + ": " + text}, nil
	}
	from, to := r.jsonSpan(v)
	if to < 0 {
		return textEdit{}, fmt.Errorf("the value of %s on line %d does not end", c.key, v.Line)
	}
	if c.value == nil {
		ks := r.l.offset(k.Line, k.Column)
		if i := index(m.Content, k); i+2 < len(m.Content) {
			next := m.Content[i+2]
			return textEdit{ks, r.l.offset(next.Line, next.Column), ""}, nil
		}
		// The last property: from the comma before it.
		c := ks - 1
		for c > 0 && r.src[c] != ',' {
			c--
		}
		return textEdit{c, to, ""}, nil
	}
	ind, step := r.jsonIndents(pk, k)
	text, err := jsonValue(c.value, ind, step)
	return textEdit{from, to, text}, err
}

func index(ns []*yaml.Node, n *yaml.Node) int {
	for i, x := range ns {
		if x == n {
			return i
		}
	}
	return -1
}

// jsonIndents are the indentation of key k's line and the file's step
// (against its parent key pk's line).
func (r *resource) jsonIndents(pk, k *yaml.Node) (ind, step string) {
	ind = leading(r.l.text(k.Line - 1))
	outer := leading(r.l.text(pk.Line - 1))
	step = "  "
	if len(ind) > len(outer) {
		step = ind[len(outer):]
	}
	return ind, step
}

// jsonSpan is where value v stands in a JSON template.
func (r *resource) jsonSpan(v *yaml.Node) (int, int) {
	from := r.l.offset(v.Line, v.Column)
	switch {
	case v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode:
		return from, matchClose(r.src, from)
	case v.Style&yaml.DoubleQuotedStyle != 0:
		end := quotedEnd(r.src, from)
		if end < 0 {
			return from, -1
		}
		return from, end + 1
	}
	to := from
	for to < len(r.src) && !strings.ContainsRune(",}] \t\r\n", rune(r.src[to])) {
		to++
	}
	return from, to
}

// jsonValue writes v as indented JSON whose lines after the first start
// with ind; an expression is written as the template had it.
func jsonValue(v any, ind, step string) (string, error) {
	var b strings.Builder
	if err := writeJSONValue(&b, v, ind, step); err != nil {
		return "", err
	}
	return b.String(), nil
}

func writeJSONValue(b *strings.Builder, v any, ind, step string) error {
	switch v := v.(type) {
	case string:
		b.WriteString(jsonString(v))
	case bool:
		fmt.Fprint(b, v)
	case expr:
		raw, err := json.Marshal(nodeValue(v.n))
		if err != nil {
			return err
		}
		b.Write(raw)
	case obj:
		b.WriteString("{")
		for i, e := range v {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n" + ind + step + jsonString(e.k) + ": ")
			if err := writeJSONValue(b, e.v, ind+step, step); err != nil {
				return err
			}
		}
		b.WriteString("\n" + ind + "}")
	case []any:
		b.WriteString("[")
		for i, e := range v {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n" + ind + step)
			if err := writeJSONValue(b, e, ind+step, step); err != nil {
				return err
			}
		}
		b.WriteString("\n" + ind + "]")
	default:
		return fmt.Errorf("cannot write %T", v)
	}
	return nil
}

// nodeValue is a JSON template's node as plain values (an intrinsic
// such as {"Fn::GetAtt": ["Role", "Arn"]}).
func nodeValue(n *yaml.Node) any {
	var v any
	if err := n.Decode(&v); err != nil {
		return n.Value
	}
	return v
}

func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}
