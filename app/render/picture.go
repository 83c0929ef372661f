package render

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/stepstudio/stepstudio/app/diagram"
	"github.com/stepstudio/stepstudio/engine/asl"
)

// Picture lays out m and draws it as "json" (the placed graph), "svg" or
// "png" (scale times the diagram's pixel size). It is the one pipeline
// behind the studio's template previews, the File menu's diagram export
// and `stepstudio graph`. The picture is built in memory, so a failure
// never leaves half a file behind.
func Picture(ctx context.Context, m *asl.StateMachine, format string, scale float64) ([]byte, error) {
	d, err := diagram.Build(ctx, m)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	switch format {
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		err = enc.Encode(GraphOf(d))
	case "svg":
		err = SVG(&buf, d)
	case "png":
		err = PNG(&buf, d, scale)
	default:
		err = fmt.Errorf("render: unknown format %q (json, svg or png)", format)
	}
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
