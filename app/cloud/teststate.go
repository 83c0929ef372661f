package cloud

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"

	"github.com/stepstudio/stepstudio/app/teststate"
)

// TestState sends the request the local "Test this state" panel built
// (app/teststate's shape, the API's own) to AWS's TestState, so both
// answers can be shown side by side. The answer is app/teststate's
// Response, the local answer's type (both are the API's shape). AWS needs an execution
// role (roleArn) unless the state is mocked.
func (c *Client) TestState(ctx context.Context, req teststate.Request) (*teststate.Response, error) {
	in := &sfn.TestStateInput{Definition: text(req.Definition), Input: text(req.Input), Variables: text(req.Variables),
		Context: text(req.Context), RevealSecrets: req.RevealSecrets}
	if req.RoleArn != "" {
		in.RoleArn = aws.String(req.RoleArn)
	}
	if req.StateName != "" {
		in.StateName = aws.String(req.StateName)
	}
	if req.InspectionLevel != "" {
		in.InspectionLevel = types.InspectionLevel(req.InspectionLevel)
	}
	if m := req.Mock; m != nil {
		in.Mock = &types.MockInput{Result: m.Result, FieldValidationMode: types.MockResponseValidationMode(m.FieldValidationMode)}
		if m.ErrorOutput != nil {
			in.Mock.ErrorOutput = &types.MockErrorOutput{Error: aws.String(m.ErrorOutput.Error), Cause: aws.String(m.ErrorOutput.Cause)}
		}
	}
	if s := req.StateConfiguration; s != nil {
		in.StateConfiguration = &types.TestStateConfiguration{RetrierRetryCount: i32(s.RetrierRetryCount),
			MapIterationFailureCount: i32(s.MapIterationFailureCount), MapItemReaderData: text(s.MapItemReaderData)}
		if s.ErrorCausedByState != "" {
			in.StateConfiguration.ErrorCausedByState = aws.String(s.ErrorCausedByState)
		}
	}
	out, err := c.SFN.TestState(ctx, in)
	if err != nil {
		return nil, explain(err)
	}
	raw, err := wire(out)
	if err != nil {
		return nil, err
	}
	var resp teststate.Response
	if err := json.Unmarshal(raw, &resp); err != nil {
		return nil, fmt.Errorf("TestState answer: %w", err)
	}
	return &resp, nil
}

// text is a request field as the API sends it: a JSON string's content,
// or any other JSON document's text; nil when absent.
func text(raw json.RawMessage) *string {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return &s
	}
	return aws.String(string(raw))
}

func i32(v *int64) *int32 {
	if v == nil {
		return nil
	}
	return aws.Int32(int32(*v))
}
