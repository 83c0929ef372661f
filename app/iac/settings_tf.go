package iac

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// A Terraform aws_sfn_state_machine keeps the same settings as attributes
// (name, type, role_arn) and nested blocks (logging_configuration,
// tracing_configuration, encryption_configuration). They are edited like
// a template's properties: one at a time, an attribute's expression
// replaced where it stands, a block merged attribute by attribute, what is
// new added before the closing brace.

// tfResource is a parsed .tf file's state machine resource block.
type tfResource struct {
	src   []byte
	l     lines
	block *hclsyntax.Block
	// exprs are the source texts of the settings written as expressions
	// (aws_iam_role.flow.arn), by JSON name.
	exprs map[string]string
}

func findTFResource(src []byte, id string) (*tfResource, error) {
	f, diags := hclsyntax.ParseConfig(src, "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		return nil, fmt.Errorf("parse Terraform: %w", diags)
	}
	name, ok := strings.CutPrefix(id, tfStateMachine+".")
	if !ok {
		return nil, fmt.Errorf("%s is not an %s resource", id, tfStateMachine)
	}
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		if b.Type == "resource" && len(b.Labels) == 2 && b.Labels[0] == tfStateMachine && b.Labels[1] == name {
			return &tfResource{src: src, l: newLines(src), block: b, exprs: map[string]string{}}, nil
		}
	}
	return nil, fmt.Errorf("%s is not a state machine resource of this file", id)
}

func (r *tfResource) settings(path, id string) *TemplateSettings {
	ts := &TemplateSettings{Template: path, ID: id, ResourceType: tfStateMachine, Hash: hashOf(r.src), Expressions: map[string]string{},
		Properties: map[string]string{"name": "name", "type": "type", "roleArn": "role_arn", "logLevel": "logging_configuration",
			"includeExecutionData": "logging_configuration", "logDestination": "logging_configuration", "tracing": "tracing_configuration", "kmsKeyId": "encryption_configuration"}}
	b := r.block.Body
	s := &ts.Settings
	s.Name = r.value("name", b, "name")
	s.Type = r.value("type", b, "type")
	s.RoleArn = r.value("roleArn", b, "role_arn")
	if lg := tfBlock(b, "logging_configuration"); lg != nil {
		s.LogLevel = r.value("logLevel", lg, "level")
		s.IncludeExecutionData = r.value("includeExecutionData", lg, "include_execution_data") == "true"
		s.LogDestination = r.value("logDestination", lg, "log_destination")
	}
	if tr := tfBlock(b, "tracing_configuration"); tr != nil {
		s.Tracing = r.value("tracing", tr, "enabled") == "true"
	}
	if enc := tfBlock(b, "encryption_configuration"); enc != nil {
		s.KMSKeyID = r.value("kmsKeyId", enc, "kms_key_id")
	}
	for k, v := range r.exprs {
		ts.Expressions[k] = v
	}
	return ts
}

func tfBlock(b *hclsyntax.Body, typ string) *hclsyntax.Body {
	for _, x := range b.Blocks {
		if x.Type == typ {
			return x.Body
		}
	}
	return nil
}

// value is attribute name's literal (a string or a bool) or, for an
// expression, its source text (remembered under field).
func (r *tfResource) value(field string, b *hclsyntax.Body, name string) string {
	a, ok := b.Attributes[name]
	if !ok {
		return ""
	}
	if v, diags := a.Expr.Value(nil); !diags.HasErrors() && v.IsKnown() && !v.IsNull() {
		switch v.Type() {
		case cty.String:
			return v.AsString()
		case cty.Bool:
			return fmt.Sprint(v.True())
		}
	}
	text := string(r.src[a.Expr.Range().Start.Byte:a.Expr.Range().End.Byte])
	r.exprs[field] = text
	return text
}

// tfChanges lists what differs between cur and s, in Terraform's names.
func (r *tfResource) changes(cur, s Settings) []change {
	c, w := normalSettings(cur), normalSettings(s)
	var out []change
	str := func(field, v string) any {
		if e, ok := r.exprs[field]; ok && e == v {
			return expr{}
		}
		return v
	}
	scalar := func(key, field, have, want string) {
		switch {
		case have == want:
		case want == "":
			out = append(out, change{key: key})
		default:
			out = append(out, change{key, str(field, want)})
		}
	}
	scalar("name", "name", c.Name, w.Name)
	if c.Type != w.Type {
		out = append(out, change{"type", w.Type})
	}
	scalar("role_arn", "roleArn", c.RoleArn, w.RoleArn)
	if c.LogLevel != w.LogLevel || c.IncludeExecutionData != w.IncludeExecutionData || c.LogDestination != w.LogDestination {
		if w.LogLevel == "" && w.LogDestination == "" {
			out = append(out, change{key: "logging_configuration"})
		} else {
			level := w.LogLevel
			if level == "" {
				level = "OFF"
			}
			lg := obj{{"level", str("logLevel", level)}, {"include_execution_data", w.IncludeExecutionData}}
			if w.LogDestination != "" {
				lg = append(lg, kv{"log_destination", str("logDestination", w.LogDestination)})
			}
			out = append(out, change{"logging_configuration", lg})
		}
	}
	if c.Tracing != w.Tracing {
		if w.Tracing {
			out = append(out, change{"tracing_configuration", obj{{"enabled", true}}})
		} else {
			out = append(out, change{key: "tracing_configuration"})
		}
	}
	if c.KMSKeyID != w.KMSKeyID {
		if w.KMSKeyID == "" {
			out = append(out, change{key: "encryption_configuration"})
		} else {
			out = append(out, change{"encryption_configuration", obj{{"type", "CUSTOMER_MANAGED_KMS_KEY"}, {"kms_key_id", str("kmsKeyId", w.KMSKeyID)}}})
		}
	}
	return out
}

// edit is the text edits of one change to body b.
func (r *tfResource) edit(b *hclsyntax.Body, c change) []textEdit {
	if o, ok := c.value.(obj); ok {
		if blk := tfBlockNode(b, c.key); blk != nil {
			var out []textEdit
			for _, e := range o {
				if _, keep := e.v.(expr); keep {
					continue // an expression the person left as it was
				}
				if a, ok := blk.Body.Attributes[e.k]; ok && r.literal(a) == hclLiteral(e.v) {
					continue
				}
				out = append(out, r.edit(blk.Body, change{e.k, e.v})...)
			}
			return out
		}
	}
	a, isAttr := b.Attributes[c.key]
	blk := tfBlockNode(b, c.key)
	switch {
	case c.value == nil && isAttr:
		return []textEdit{r.removeLines(a.SrcRange)}
	case c.value == nil && blk != nil:
		return []textEdit{r.removeLines(blk.Range())}
	case c.value == nil:
		return nil
	case isAttr:
		if _, keep := c.value.(expr); keep {
			return nil
		}
		rg := a.Expr.Range()
		return []textEdit{{rg.Start.Byte, rg.End.Byte, hclLiteral(c.value)}}
	}
	// New: before the closing brace, indented as the body's first item.
	closing := b.SrcRange.End.Byte - 1
	line := r.l.lineOf(closing)
	ind := r.bodyIndent(b)
	text := r.tfItem(ind, c.key, c.value)
	if strings.TrimSpace(string(r.src[r.l.starts[line]:closing])) == "" {
		return []textEdit{{r.l.starts[line], r.l.starts[line], text + "\n"}}
	}
	return []textEdit{{closing, closing, "\n" + text + "\n"}}
}

func tfBlockNode(b *hclsyntax.Body, typ string) *hclsyntax.Block {
	for _, x := range b.Blocks {
		if x.Type == typ {
			return x
		}
	}
	return nil
}

func (r *tfResource) literal(a *hclsyntax.Attribute) string {
	return string(r.src[a.Expr.Range().Start.Byte:a.Expr.Range().End.Byte])
}

// bodyIndent is the indentation of b's items (its enclosing line's plus two).
func (r *tfResource) bodyIndent(b *hclsyntax.Body) string {
	for _, a := range b.Attributes {
		return leading(r.l.text(a.SrcRange.Start.Line - 1))
	}
	for _, x := range b.Blocks {
		return leading(r.l.text(x.TypeRange.Start.Line - 1))
	}
	return leading(r.l.text(b.SrcRange.Start.Line-1)) + "  "
}

// tfItem writes key = value, or a block for an obj with its "=" lined
// up as terraform fmt lines them up.
func (r *tfResource) tfItem(ind, key string, v any) string {
	o, ok := v.(obj)
	if !ok {
		return ind + key + " = " + hclLiteral(v)
	}
	width := 0
	for _, e := range o {
		width = max(width, len(e.k))
	}
	lines := []string{ind + key + " {"}
	for _, e := range o {
		lines = append(lines, r.tfItem(ind+"  ", e.k+strings.Repeat(" ", width-len(e.k)), e.v))
	}
	return strings.Join(append(lines, ind+"}"), "\n")
}

// removeLines removes the whole lines of rg, with their line break.
func (r *tfResource) removeLines(rg hcl.Range) textEdit {
	first := r.l.lineOf(rg.Start.Byte)
	last := r.l.lineOf(max(rg.End.Byte-1, rg.Start.Byte))
	if last+1 < len(r.l.starts) {
		return textEdit{r.l.starts[first], r.l.starts[last+1], ""}
	}
	return textEdit{max(r.l.starts[first]-1, 0), r.l.end(last), ""}
}

// hclLiteral is a string or bool as HCL writes it ("${" escaped).
func hclLiteral(v any) string {
	switch v := v.(type) {
	case bool:
		return fmt.Sprint(v)
	case string:
		s := jsonString(v)
		return strings.NewReplacer("${", "$${", "%{", "%%{").Replace(s)
	}
	return ""
}

// editTFSettings is EditSettings for a Terraform file.
func editTFSettings(src []byte, id string, s Settings) ([]byte, error) {
	out := src
	for round := 0; ; round++ {
		r, err := findTFResource(out, id)
		if err != nil {
			return nil, fmt.Errorf("the file would no longer read after this edit (%v)", err)
		}
		todo := r.changes(r.settings("", id).Settings, s)
		// Unchanged expressions are kept: nothing to do for them.
		for len(todo) > 0 && len(r.edit(r.block.Body, todo[0])) == 0 {
			todo = todo[1:]
		}
		if len(todo) == 0 {
			break
		}
		if round > 8 {
			return nil, fmt.Errorf("the settings do not settle in the file (still to change: %s)", todo[0].key)
		}
		out = applyEdits(out, r.edit(r.block.Body, todo[0]))
	}
	back, err := findTFResource(out, id)
	if err != nil {
		return nil, err
	}
	if got, want := normalSettings(back.settings("", id).Settings), normalSettings(s); got != want {
		return nil, fmt.Errorf("the edit would not read back as the settings given (got %+v, want %+v)", got, want)
	}
	return out, nil
}
