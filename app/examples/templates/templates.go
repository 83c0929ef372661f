// Package templates is the gallery the studio offers under File > New:
// small, valid definitions that each show one common shape of workflow.
// They are embedded in the binary; a test validates and lays out each.
package templates

import (
	"embed"
	"fmt"
)

//go:embed *.asl.json
var definitions embed.FS

// Template is one entry of the gallery.
type Template struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description"` // one plain-language line for the gallery card
	FileName    string `json:"fileName"`    // the name a new document starts with
}

// All lists the gallery in the order it is shown.
var All = []Template{
	{"hello-world", "Hello world", "One step that passes a greeting on. The smallest workflow there is.", "hello-world.asl.json"},
	{"approval", "Approval", "Ask a person, wait for their answer, then go one way or the other (Choice).", "approval.asl.json"},
	{"fan-out", "Fan-out", "Do independent work at the same time and combine the results (Parallel).", "fan-out.asl.json"},
	{"batch", "Batch", "Process every item of a list, ten at a time (Map).", "batch.asl.json"},
	{"retry-and-compensate", "Retry and compensate", "Retry passing failures; when a step still fails, undo what was done (Retry, Catch).", "retry-and-compensate.asl.json"},
	{"store-and-notify", "Validate, store, notify", "Validate the input, store it in DynamoDB, send an email, and report any error.", "store-and-notify.asl.json"},
}

// Text returns the definition of the template id.
func Text(id string) (Template, string, error) {
	for _, t := range All {
		if t.ID == id {
			data, err := definitions.ReadFile(t.FileName)
			if err != nil {
				return Template{}, "", fmt.Errorf("templates: %s: %w", id, err)
			}
			return t, string(data), nil
		}
	}
	return Template{}, "", fmt.Errorf("templates: no template %q", id)
}
