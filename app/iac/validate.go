package iac

import (
	"fmt"
	"regexp"
	"sync"

	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/schema"
)

// Checked is the validation of one state machine of a template.
type Checked struct {
	Machine Machine
	// Result's diagnostics are located in Machine.File. A machine that
	// cannot be opened has one error saying why.
	Result schema.Result
}

// ValidateTemplate validates every state machine of a template. Literal
// DefinitionSubstitutions (and Terraform vars) are applied; other
// substitutions, intrinsics such as !Ref and !GetAtt, and pseudo
// parameters stay placeholders, which the validator accepts where a value
// will be substituted.
//
// File references are followed inside the template's own folder only
// (see Project).
func ValidateTemplate(path string) ([]Checked, error) { return Project{}.ValidateTemplate(path) }

// ValidateTemplate is the package's ValidateTemplate with the files the
// template references read inside the project folder. A reference outside
// it is an error (IAC_REFERENCE_OUTSIDE_PROJECT) located where the
// template names the file.
func (p Project) ValidateTemplate(path string) ([]Checked, error) {
	t, err := p.Scan(path)
	if err != nil {
		return nil, err
	}
	out := make([]Checked, 0, len(t.Machines))
	for _, m := range t.Machines {
		if m.Problem != "" {
			// A broken reference is an error; a form we cannot read is
			// only reported as not checked.
			sev, code := schema.Warning, "IAC_DEFINITION_NOT_CHECKED"
			switch {
			case m.outside:
				sev, code = schema.Error, CodeOutsideProject
			case m.Broken:
				sev, code = schema.Error, "IAC_BROKEN_REFERENCE"
			}
			at := asl.Pos{Line: m.Line, Column: max(m.column, 1)}
			out = append(out, Checked{Machine: m, Result: schema.Result{Diagnostics: []schema.Diagnostic{{
				Severity: sev, Code: code, Message: m.ID + ": " + m.Problem + ".",
				Range: asl.Range{Start: at, End: at},
			}}}})
			continue
		}
		mm := m // open sets Line to where the definition starts
		o, err := open(t, &mm)
		if err != nil {
			return nil, err
		}
		res := validateOpened(o)
		for _, s := range m.Substitutions {
			if s.Problem != "" {
				res.Diagnostics = append(res.Diagnostics, schema.Diagnostic{
					Severity: schema.Error, Code: "IAC_BROKEN_REFERENCE",
					Message: fmt.Sprintf("%s: the substitution %s %s.", m.ID, s.Name, s.Problem),
					Range:   asl.Range{Start: asl.Pos{Line: m.Line, Column: 1}, End: asl.Pos{Line: m.Line, Column: 1}},
				})
			}
		}
		out = append(out, Checked{Machine: m, Result: res})
	}
	return out, nil
}

// CodeOutsideProject is the diagnostic of a file reference that leads
// outside the project folder.
const CodeOutsideProject = "IAC_REFERENCE_OUTSIDE_PROJECT"

// Short-form intrinsics the validator reads as placeholders.
var (
	tagRef       = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`!Ref\s+([A-Za-z0-9:._-]+)`) })
	tagGetAtt    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`!GetAtt\s+([A-Za-z0-9._-]+)`) })
	tagGetAttSeq = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`!GetAtt\s*\[\s*["']?([A-Za-z0-9_-]+)["']?\s*,\s*["']?([A-Za-z0-9._-]+)["']?\s*\]`)
	})
	tagSub = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`!Sub\s+`) })
)

// PlaceholderText is the definition with the short-form intrinsics of an
// inline YAML definition written as placeholders (!Ref X as "${X}",
// !GetAtt X.Arn as "${X.Arn}", !Sub dropped from its string), which is how
// a definition kept in its own file says the same thing. Columns after a
// replaced tag shift by a few characters.
func (o *Opened) PlaceholderText() string {
	if o.Format != asl.YAML {
		return o.Text
	}
	return IntrinsicsAsPlaceholders(o.Text)
}

// IntrinsicsAsPlaceholders rewrites !Ref, !GetAtt and !Sub in YAML text
// as PlaceholderText does; text without them is returned as is.
func IntrinsicsAsPlaceholders(text string) string {
	text = tagGetAttSeq().ReplaceAllString(text, `"$${$1.$2}"`)
	text = tagRef().ReplaceAllString(text, `"$${$1}"`)
	text = tagGetAtt().ReplaceAllString(text, `"$${$1}"`)
	return tagSub().ReplaceAllString(text, "")
}

func validateOpened(o *Opened) schema.Result {
	text := o.PlaceholderText()
	doc, err := asl.ParseFormat(o.File, []byte(text), o.Format)
	if err != nil {
		res := schema.Validate(o.File, []byte(text), schema.Options{Placeholders: true})
		return relocate(res, o)
	}
	literal := map[string]string{}
	for _, s := range o.Substitutions {
		if s.Literal {
			literal[s.Name] = s.Value
		}
	}
	if len(literal) > 0 {
		Substitute(doc.Root, literal)
		if doc.Root.Is(asl.KindObject) {
			doc.Machine = asl.DecodeMachine(doc.Root)
		}
	}
	return relocate(schema.ValidateDocument(doc, schema.Options{Placeholders: true}), o)
}

var placeholder = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$\{([^{}\s]+)\}`) })

// Substitute applies literal substitutions to string values in place,
// keeping every node's source range; a value that is only a placeholder
// becomes a number or boolean when its substitute is one (TimeoutSeconds:
// "${Timeout}").
func Substitute(n *asl.Node, values map[string]string) {
	switch {
	case n.Is(asl.KindString):
		s := placeholder().ReplaceAllStringFunc(n.Str, func(p string) string {
			if v, ok := values[p[2:len(p)-1]]; ok {
				return v
			}
			return p
		})
		if m := placeholder().FindStringSubmatch(n.Str); m != nil && m[0] == n.Str && s != n.Str {
			switch {
			case isNumber(s):
				n.Kind, n.Num = asl.KindNumber, s
			case s == "true" || s == "false":
				n.Kind, n.Bool = asl.KindBool, s == "true"
			}
		}
		n.Str = s
	case n.Is(asl.KindObject):
		for _, f := range n.Fields {
			Substitute(f.Value, values)
		}
	case n.Is(asl.KindArray):
		for _, it := range n.Items {
			Substitute(it, values)
		}
	}
}

var numberRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$`) })

func isNumber(s string) bool { return numberRE().MatchString(s) }

// relocate moves diagnostics from the definition text to its place in
// the file that holds it.
func relocate(res schema.Result, o *Opened) schema.Result {
	src := o.region
	startLine, startCol, indent := o.Line, 1, len(src.Indent)
	if o.StartColumn > 0 {
		startCol = o.StartColumn
	}
	move := func(p asl.Pos) asl.Pos {
		if p.Line == 0 {
			return p
		}
		if src.Codec == codecHCL { // the text is a conversion: point at the jsonencode() argument
			return asl.Pos{Line: startLine, Column: startCol, Offset: o.Start}
		}
		if p.Line == 1 {
			p.Column += startCol - 1
		} else {
			p.Column += indent
		}
		p.Line += startLine - 1
		p.Offset += o.Start // approximate after the first line: indentation is not counted
		return p
	}
	for i := range res.Diagnostics {
		d := &res.Diagnostics[i]
		d.Range.Start, d.Range.End = move(d.Range.Start), move(d.Range.End)
	}
	return res
}
