package app

import (
	"context"
	"errors"
	"fmt"

	"github.com/stepstudio/stepstudio/app/diagram"
	"github.com/stepstudio/stepstudio/engine/asl"
)

// Studio holds the methods the frontend calls. Each returns a typed result
// and an error, which the frontend receives as a rejected promise.
type Studio struct {
	ctx context.Context
}

// NewStudio returns a Studio ready to be bound.
func NewStudio() *Studio { return &Studio{ctx: context.Background()} }

func (s *Studio) startup(ctx context.Context) { s.ctx = ctx }

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

// Diagram lays out the definition in text for the canvas. A definition
// that does not parse gives an error naming the line and column.
func (s *Studio) Diagram(name, text string) (*diagram.Diagram, error) {
	doc, err := asl.Parse(name, []byte(text))
	if err != nil {
		var syn *asl.SyntaxError
		if errors.As(err, &syn) {
			return nil, fmt.Errorf("line %d, column %d: %s", syn.Pos.Line, syn.Pos.Column, syn.Msg)
		}
		return nil, err
	}
	return diagram.Build(s.ctx, doc.Machine)
}
