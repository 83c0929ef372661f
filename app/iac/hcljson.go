package iac

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// hclToJSON writes the HCL expression in src (a jsonencode() argument) as
// the JSON it encodes, two-space indented, keys in source order.
// References and interpolations stay as ${...} placeholders, the way a
// templatefile() definition would hold them.
func hclToJSON(src []byte) (string, error) {
	e, diags := hclsyntax.ParseExpression(src, "definition", hcl.InitialPos)
	if diags.HasErrors() {
		return "", fmt.Errorf("parse HCL: %w", diags)
	}
	var b strings.Builder
	if err := writeHCLJSON(&b, e, src, ""); err != nil {
		return "", err
	}
	return b.String(), nil
}

func writeHCLJSON(b *strings.Builder, e hclsyntax.Expression, src []byte, indent string) error {
	source := func(x hclsyntax.Expression) string {
		r := x.Range()
		return string(src[r.Start.Byte:r.End.Byte])
	}
	str := func(s string) {
		q, _ := json.Marshal(s)
		b.Write(q)
	}
	switch e := e.(type) {
	case *hclsyntax.ObjectConsExpr:
		if len(e.Items) == 0 {
			b.WriteString("{}")
			return nil
		}
		b.WriteString("{\n")
		for i, it := range e.Items {
			key, err := hclKey(it.KeyExpr, source)
			if err != nil {
				return err
			}
			b.WriteString(indent + "  ")
			str(key)
			b.WriteString(": ")
			if err := writeHCLJSON(b, it.ValueExpr, src, indent+"  "); err != nil {
				return err
			}
			if i < len(e.Items)-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString(indent + "}")
	case *hclsyntax.TupleConsExpr:
		if len(e.Exprs) == 0 {
			b.WriteString("[]")
			return nil
		}
		b.WriteString("[\n")
		for i, x := range e.Exprs {
			b.WriteString(indent + "  ")
			if err := writeHCLJSON(b, x, src, indent+"  "); err != nil {
				return err
			}
			if i < len(e.Exprs)-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString(indent + "]")
	case *hclsyntax.LiteralValueExpr:
		return writeCty(b, e.Val)
	case *hclsyntax.TemplateExpr:
		var s strings.Builder
		for _, p := range e.Parts {
			if lit, ok := p.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String {
				s.WriteString(lit.Val.AsString())
			} else {
				s.WriteString("${" + source(p) + "}")
			}
		}
		str(s.String())
	case *hclsyntax.TemplateWrapExpr:
		str("${" + source(e.Wrapped) + "}")
	case *hclsyntax.ParenthesesExpr:
		return writeHCLJSON(b, e.Expression, src, indent)
	default: // a reference, a function call, a conditional: the IaC tool's value
		str("${" + source(e) + "}")
	}
	return nil
}

// hclKey is an object key: a bare name or a string.
func hclKey(k hclsyntax.Expression, source func(hclsyntax.Expression) string) (string, error) {
	if w, ok := k.(*hclsyntax.ObjectConsKeyExpr); ok {
		if name := hcl.ExprAsKeyword(w.Wrapped); name != "" && !w.ForceNonLiteral {
			return name, nil
		}
		k = w.Wrapped
	}
	if t, ok := k.(*hclsyntax.TemplateExpr); ok && t.IsStringLiteral() {
		v, _ := t.Value(nil)
		return v.AsString(), nil
	}
	return "${" + source(k) + "}", nil
}

func writeCty(b *strings.Builder, v cty.Value) error {
	switch {
	case v.IsNull():
		b.WriteString("null")
	case v.Type() == cty.String:
		q, _ := json.Marshal(v.AsString())
		b.Write(q)
	case v.Type() == cty.Number:
		b.WriteString(v.AsBigFloat().Text('g', -1))
	case v.Type() == cty.Bool:
		if v.True() {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	default:
		return fmt.Errorf("unsupported HCL value of type %s", v.Type().FriendlyName())
	}
	return nil
}
