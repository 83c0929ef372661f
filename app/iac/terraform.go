package iac

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

const tfStateMachine = "aws_sfn_state_machine"

// tfFile is a parsed Terraform file with what definitions may refer to.
type tfFile struct {
	path   string
	src    []byte
	lines  lines
	body   *hclsyntax.Body
	data   map[string]*hclsyntax.Body // data "template_file" blocks by name
	locals map[string]hclsyntax.Expression
	rs     resolver
}

// scanTerraform lists the aws_sfn_state_machine resources of a .tf file.
func scanTerraform(path string, src []byte, rs resolver) (*Template, error) {
	f, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, fmt.Errorf("parse Terraform: %w", diags)
	}
	tf := &tfFile{path: path, src: src, lines: newLines(src), body: f.Body.(*hclsyntax.Body),
		data: map[string]*hclsyntax.Body{}, locals: map[string]hclsyntax.Expression{}, rs: rs}
	for _, b := range tf.body.Blocks {
		switch {
		case b.Type == "data" && len(b.Labels) == 2 && b.Labels[0] == "template_file":
			tf.data[b.Labels[1]] = b.Body
		case b.Type == "locals":
			for name, a := range b.Body.Attributes {
				tf.locals[name] = a.Expr
			}
		}
	}
	t := &Template{Path: path, Kind: Terraform, Machines: []Machine{}}
	for _, b := range tf.body.Blocks {
		if b.Type != "resource" || len(b.Labels) != 2 || b.Labels[0] != tfStateMachine {
			continue
		}
		m := Machine{ID: tfStateMachine + "." + b.Labels[1], Type: tfStateMachine, File: path,
			Line: b.TypeRange.Start.Line, Substitutions: []Substitution{}, src: src}
		a, ok := b.Body.Attributes["definition"]
		if !ok {
			m.Problem = "the resource has no definition attribute"
		} else {
			tf.definition(&m, a.Expr, 0)
		}
		t.Machines = append(t.Machines, m)
	}
	return t, nil
}

// definition follows the definition expression to the text it takes.
func (tf *tfFile) definition(m *Machine, e hclsyntax.Expression, depth int) {
	if depth > 8 {
		m.Problem = "the definition refers to itself"
		return
	}
	m.Line = e.Range().Start.Line
	switch e := e.(type) {
	case *hclsyntax.TemplateWrapExpr: // "${expr}"
		tf.definition(m, e.Wrapped, depth+1)
	case *hclsyntax.TemplateExpr:
		tf.inlineTemplate(m, e)
	case *hclsyntax.FunctionCallExpr:
		tf.call(m, e)
	case *hclsyntax.ScopeTraversalExpr:
		tf.traversal(m, e, depth)
	default:
		m.Problem = fmt.Sprintf("the definition is an expression Stepstudio cannot follow (%s)", tf.source(e.Range()))
	}
}

// inlineTemplate: a heredoc (<<EOF or <<-EOF) or a quoted string.
func (tf *tfFile) inlineTemplate(m *Machine, e *hclsyntax.TemplateExpr) {
	start := e.Range().Start.Byte
	if strings.HasPrefix(string(tf.src[start:]), "<<") {
		m.Origin = "heredoc"
		r, ok := tf.heredoc(e.Range())
		if !ok {
			m.Problem = "the heredoc is empty"
			return
		}
		m.region = r
		m.Line = tf.lines.lineOf(r.Start) + 1
	} else {
		m.Origin = "string"
		end := e.Range().End.Byte - 1
		if tf.src[start] != '"' || end <= start || tf.src[end] != '"' {
			m.Problem = "the definition string cannot be located"
			return
		}
		m.region = region{Start: start + 1, End: end, Codec: codecJSONString, Embedded: true}
	}
	text, _ := m.region.decode(tf.src)
	m.Format = formatOf([]byte(text))
}

// heredoc returns the region of a heredoc's content lines; for <<- the
// common indentation is taken off, as Terraform does.
func (tf *tfFile) heredoc(rng hcl.Range) (region, bool) {
	l := tf.lines
	open := l.lineOf(rng.Start.Byte)
	close := l.lineOf(rng.End.Byte - 1) // the line holding the closing marker
	if close <= open+1 {
		return region{}, false
	}
	first, last := open+1, close-1
	indent := ""
	if strings.HasPrefix(string(tf.src[rng.Start.Byte:]), "<<-") {
		set := false
		for i := first; i <= last; i++ {
			t := l.text(i)
			if strings.TrimSpace(t) == "" {
				continue
			}
			if ind := leading(t); !set || len(ind) < len(indent) {
				indent, set = ind, true
			}
		}
	}
	return region{Start: l.starts[first] + len(indent), End: l.end(last), Codec: codecLines, Indent: indent, Embedded: true}, true
}

// call: templatefile(path, vars), file(path) or jsonencode({...}).
func (tf *tfFile) call(m *Machine, e *hclsyntax.FunctionCallExpr) {
	switch e.Name {
	case "templatefile", "file":
		m.Origin = e.Name
		if len(e.Args) == 0 {
			m.Problem = e.Name + "() has no path"
			return
		}
		p, absolute, err := tf.filePath(e.Args[0])
		if err != nil {
			m.Problem = err.Error()
			return
		}
		if e.Name == "templatefile" && len(e.Args) > 1 {
			m.Substitutions = tf.vars(e.Args[1])
		}
		at := e.Args[0].Range().Start
		tf.rs.fileRef(m, reference{what: e.Name + "()", text: tf.source(e.Args[0].Range()), path: p, absolute: absolute, line: at.Line, col: at.Column})
	case "jsonencode":
		m.Origin = "jsonencode"
		if len(e.Args) != 1 {
			m.Problem = "jsonencode() takes one argument"
			return
		}
		r := e.Args[0].Range()
		m.region = region{Start: r.Start.Byte, End: r.End.Byte, Codec: codecHCL, Embedded: true}
		m.Format = "json"
		m.ReadOnly = "the definition is HCL inside jsonencode(), shown here as the JSON it encodes; saving would rewrite the HCL, so it is read-only: move it to a file read with templatefile() to edit it here"
	default:
		m.Problem = fmt.Sprintf("the definition comes from %s(), which Stepstudio cannot follow", e.Name)
	}
}

// traversal: data.template_file.NAME.rendered or local.NAME; a variable
// is set by the module's caller and cannot be followed from here.
func (tf *tfFile) traversal(m *Machine, e *hclsyntax.ScopeTraversalExpr, depth int) {
	names := []string{e.Traversal.RootName()}
	for _, s := range e.Traversal[1:] {
		if a, ok := s.(hcl.TraverseAttr); ok {
			names = append(names, a.Name)
		}
	}
	ref := strings.Join(names, ".")
	switch {
	case len(names) >= 3 && names[0] == "data" && names[1] == "template_file":
		b, ok := tf.data[names[2]]
		if !ok {
			m.Problem = fmt.Sprintf("the definition refers to %s, which this file does not define", ref)
			m.Broken = true
			return
		}
		a, ok := b.Attributes["template"]
		if !ok {
			m.Problem = ref + " has no template attribute"
			return
		}
		if v, ok := b.Attributes["vars"]; ok {
			defer func() { m.Substitutions = append(tf.vars(v.Expr), m.Substitutions...) }()
		}
		tf.definition(m, a.Expr, depth+1)
		if m.Origin == "file" {
			m.Origin = "template_file"
		}
	case len(names) == 2 && names[0] == "local":
		x, ok := tf.locals[names[1]]
		if !ok {
			m.Problem = fmt.Sprintf("the definition refers to %s, which this file does not define", ref)
			m.Broken = true
			return
		}
		tf.definition(m, x, depth+1)
	case names[0] == "var":
		m.Problem = fmt.Sprintf("the definition comes from the variable %s, set by whoever calls this module; open that file instead", ref)
	default:
		m.Problem = fmt.Sprintf("the definition comes from %s, which Stepstudio cannot follow", ref)
	}
}

// filePath evaluates a file path argument: literals and path.module,
// path.root or path.cwd, all taken as the .tf file's folder. absolute
// says the path was written as one (it starts with a literal /), not
// built from path.module.
func (tf *tfFile) filePath(e hclsyntax.Expression) (p string, absolute bool, err error) {
	var b strings.Builder
	var parts []hclsyntax.Expression
	switch e := e.(type) {
	case *hclsyntax.TemplateExpr:
		parts = e.Parts
	default:
		parts = []hclsyntax.Expression{e}
	}
	for i, part := range parts {
		switch part := part.(type) {
		case *hclsyntax.LiteralValueExpr:
			if !part.Val.Type().Equals(cty.String) || part.Val.IsNull() {
				return "", false, fmt.Errorf("the file path %s is not a string", tf.source(e.Range()))
			}
			if i == 0 && filepath.IsAbs(part.Val.AsString()) {
				absolute = true
			}
			b.WriteString(part.Val.AsString())
		case *hclsyntax.ScopeTraversalExpr:
			if part.Traversal.RootName() != "path" {
				return "", false, fmt.Errorf("the file path %s depends on %s, which Stepstudio cannot resolve", tf.source(e.Range()), tf.source(part.Range()))
			}
			b.WriteString(filepath.Dir(tf.path))
		default:
			return "", false, fmt.Errorf("the file path %s cannot be resolved", tf.source(e.Range()))
		}
	}
	p = b.String()
	if !filepath.IsAbs(p) {
		p = filepath.Join(filepath.Dir(tf.path), p)
	}
	return filepath.Clean(p), absolute, nil
}

// vars lists a templatefile() or template_file vars object.
func (tf *tfFile) vars(e hclsyntax.Expression) []Substitution {
	out := []Substitution{}
	obj, ok := e.(*hclsyntax.ObjectConsExpr)
	if !ok {
		return out
	}
	for _, item := range obj.Items {
		name := strings.Trim(tf.source(item.KeyExpr.Range()), `"`)
		s := Substitution{Name: name, Value: tf.source(item.ValueExpr.Range())}
		if v, diags := item.ValueExpr.Value(nil); !diags.HasErrors() && v.Type().Equals(cty.String) {
			s.Value, s.Literal = v.AsString(), true
		}
		out = append(out, s)
	}
	return out
}

func (tf *tfFile) source(r hcl.Range) string { return string(tf.src[r.Start.Byte:r.End.Byte]) }
