package cli

import (
	"context"

	"github.com/stepstudio/stepstudio/app/coverview"
	"github.com/stepstudio/stepstudio/app/suite"
)

// coverageSVG draws a workflow's coverage on its diagram.
func coverageSVG(ctx context.Context, c *suite.Coverage) ([]byte, error) {
	return coverview.SVG(ctx, c.Machine(), c)
}
