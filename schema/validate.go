package schema

import (
	"errors"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// Options tune validation.
type Options struct {
	// Placeholders accepts IaC substitutions such as ${OrderTable} wherever
	// a value will be substituted (ARNs, numbers, paths), as in definitions
	// kept next to SAM or CloudFormation templates.
	Placeholders bool
	// Express applies the rules of EXPRESS state machines (no activities,
	// no .sync or .waitForTaskToken integrations).
	Express bool
}

// Result is the outcome of validating one definition.
type Result struct {
	// Document is nil when the text could not be parsed.
	Document    *asl.Document
	Diagnostics []Diagnostic
}

// Valid reports whether no diagnostic is an error (warnings are allowed).
func (r Result) Valid() bool {
	for _, d := range r.Diagnostics {
		if d.Severity == Error {
			return false
		}
	}
	return true
}

// Validate parses src (JSON or YAML, see asl.DetectFormat; name may be "")
// and validates it.
func Validate(name string, src []byte, opts Options) Result {
	if len(src) == 0 {
		start := asl.Pos{Line: 1, Column: 1}
		return Result{Diagnostics: []Diagnostic{{Severity: Error, Code: CodeMissingDefinition,
			Message: "The definition is empty. Write a JSON object with StartAt and States.",
			Range:   asl.Range{Start: start, End: start}}}}
	}
	doc, err := asl.Parse(name, src)
	if err != nil {
		return Result{Diagnostics: []Diagnostic{syntaxDiagnostic(err)}}
	}
	return ValidateDocument(doc, opts)
}

func syntaxDiagnostic(err error) Diagnostic {
	var se *asl.SyntaxError
	if !errors.As(err, &se) {
		return Diagnostic{Severity: Error, Code: CodeInvalidJSON, Message: err.Error()}
	}
	return Diagnostic{
		Severity: Error, Code: CodeInvalidJSON,
		Message: sentence(se.Msg),
		Range:   asl.Range{Start: se.Pos, End: se.Pos},
	}
}

// sentence is msg with a capital first letter and a final full stop.
func sentence(msg string) string {
	if msg == "" {
		return msg
	}
	r, n := utf8.DecodeRuneInString(msg)
	msg = string(unicode.ToUpper(r)) + msg[n:]
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg
}

// ValidateDocument validates an already parsed definition.
func ValidateDocument(doc *asl.Document, opts Options) Result {
	return validateDocument(doc, opts, nil)
}

// validateDocument validates doc, reusing per-state results through r
// when it is not nil (see Validator).
func validateDocument(doc *asl.Document, opts Options, r *reuseRun) Result {
	c := newChecker(doc, opts)
	c.reuse = r
	if !doc.Root.Is(asl.KindObject) {
		c.errorAt("", doc.Root, CodeSchema, "The definition must be a JSON object with StartAt and States, not %s.", article(doc.Root.Kind))
		return Result{Document: doc, Diagnostics: c.diags}
	}
	// The schema and the semantic checks read the document and nothing
	// else, so they run side by side; sorting makes the merge deterministic.
	sc := newChecker(doc, opts)
	sc.reuse = r
	var wg sync.WaitGroup
	wg.Go(sc.schema)
	c.semantics()
	wg.Wait()
	diags := append(sc.diags, c.diags...)
	sortDiagnostics(diags)
	return Result{Document: doc, Diagnostics: diags}
}
