package app

import (
	"context"

	"github.com/stepstudio/stepstudio/app/diagram"
	"github.com/stepstudio/stepstudio/app/layout"
	"github.com/stepstudio/stepstudio/app/sidecar"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/schema"
)

// Studio holds the methods the frontend calls. Each returns a typed result
// and an error, which the frontend receives as a rejected promise.
type Studio struct {
	ctx context.Context
	// validator re-validates each document as it is edited, reusing what
	// an edit did not change (one previous text per name).
	validator *schema.Validator
}

// NewStudio returns a Studio ready to be bound.
func NewStudio() *Studio {
	return &Studio{ctx: context.Background(), validator: schema.NewValidator()}
}

// ServedToBrowser reports whether the studio is served to a browser (the
// headless mode): the app's own window is then never seen, and shows a
// line instead of a second studio that would follow every run.
func (s *Studio) ServedToBrowser() bool { return servesBrowser() }

func (s *Studio) startup(ctx context.Context) {
	s.ctx = ctx
	// Graphviz starts on first use; start it while the window opens. A
	// failure here is reported by the first layout, which tries again.
	go func() { _ = layout.Start(ctx) }()
}

// Document is an ASL definition as the editor holds it.
type Document struct {
	Name   string `json:"name"`
	Path   string `json:"path"` // "" until the document is saved to a file
	Text   string `json:"text"`
	Format string `json:"format"` // "json" or "yaml"
	Input  string `json:"input"`  // a sample execution input, "" when none
}

// OpenExample returns the example workflow embedded in the binary.
func (s *Studio) OpenExample() Document {
	return Document{Name: ExampleName, Text: string(exampleDefinition), Format: string(asl.JSON), Input: string(exampleInput)}
}

// Analysis is what the editor shows for a text: its problems and, when it
// parses, its diagram.
type Analysis struct {
	Diagnostics []schema.Diagnostic `json:"diagnostics"`
	// Diagram is nil when the text does not parse; the editor then keeps
	// the last one, marked stale.
	Diagram *diagram.Diagram `json:"diagram"`
	// LayoutError says why a parsed definition could not be drawn.
	LayoutError string `json:"layoutError,omitempty"`
}

// Analyze validates text and lays it out, parsing it once. It is called
// as the user types, so it never fails: every problem is a diagnostic.
// collapsed names the Parallel and Map states (JSON pointers) the viewer
// folded into single boxes; pinned holds the positions people moved states
// to (by state name, from the notes beside the file). Both change the
// picture, never the text.
func (s *Studio) Analyze(name, text string, collapsed []string, pinned map[string]sidecar.Point) Analysis {
	var out Analysis
	// The document is the validator's while this runs (it updates it in
	// place for the next keystroke): the diagram is drawn from it here.
	s.validator.Analyze(name, []byte(text), schema.Options{Placeholders: true}, func(res schema.Result) {
		out = Analysis{Diagnostics: res.Diagnostics}
		if out.Diagnostics == nil {
			out.Diagnostics = []schema.Diagnostic{}
		}
		if res.Document == nil || res.Document.Machine == nil {
			return
		}
		pins := make(map[string]diagram.Point, len(pinned))
		for name, p := range pinned {
			pins[name] = diagram.Point{X: p.X, Y: p.Y}
		}
		d, err := diagram.Build(s.ctx, res.Document.Machine, diagram.Collapsed(collapsed...), diagram.Pinned(pins))
		if err != nil {
			out.LayoutError = err.Error()
			return
		}
		out.Diagram = d
	})
	return out
}
