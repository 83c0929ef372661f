package cloud

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"

	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/schema"
)

// Validation is AWS's verdict on a definition.
type Validation struct {
	// Result is OK or FAIL, as AWS says.
	Result string `json:"result"`
	// Diagnostics are located in the source as the studio's own are
	// (Location is a JSON pointer; Range its place in the text).
	Diagnostics []schema.Diagnostic `json:"diagnostics"`
	// Truncated is true when AWS had more to say than it returned.
	Truncated bool `json:"truncated,omitempty"`
}

// Validate asks AWS's ValidateStateMachineDefinition about src (JSON or
// YAML). machineType is STANDARD, EXPRESS or "" (AWS's default).
func (c *Client) Validate(ctx context.Context, src []byte, machineType string) (*Validation, error) {
	text, doc, err := definition(src)
	if err != nil {
		return nil, err
	}
	in := &sfn.ValidateStateMachineDefinitionInput{Definition: aws.String(text), MaxResults: 100}
	if machineType != "" {
		in.Type = types.StateMachineType(machineType)
	}
	out, err := c.SFN.ValidateStateMachineDefinition(ctx, in)
	if err != nil {
		return nil, explain(err)
	}
	v := &Validation{Result: string(out.Result), Truncated: aws.ToBool(out.Truncated), Diagnostics: []schema.Diagnostic{}}
	for _, d := range out.Diagnostics {
		v.Diagnostics = append(v.Diagnostics, locate(doc, schema.Diagnostic{
			Severity: schema.Severity(d.Severity), Code: aws.ToString(d.Code),
			Message: aws.ToString(d.Message), Location: aws.ToString(d.Location),
		}))
	}
	// The problems panel sets these beside the studio's own
	// (frontend/src/cloud/verdicts.ts).
	return v, nil
}

// locate places a diagnostic AWS located by JSON pointer (/States/A/Next)
// in the source: on the key when it exists, else on the deepest part of
// the path that does (a missing field shows on its parent), else on the
// whole document. AWS also writes "/" for the root.
func locate(doc *asl.Document, d schema.Diagnostic) schema.Diagnostic {
	if d.Location == "/" {
		d.Location = ""
	}
	if doc == nil || doc.Root == nil {
		return d
	}
	if node, field, ok := doc.Root.Lookup(d.Location); ok {
		if field != nil {
			d.Range = field.KeyRange
		} else {
			d.Range = node.Range
		}
		return d
	}
	d.Range = doc.Root.Nearest(d.Location).Range
	return d
}
