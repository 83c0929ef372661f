package app

import "context"

// Studio holds the bound methods the frontend calls.
type Studio struct {
	ctx context.Context
}

// NewStudio returns a Studio ready to be bound.
func NewStudio() *Studio { return &Studio{} }

func (s *Studio) startup(ctx context.Context) { s.ctx = ctx }
