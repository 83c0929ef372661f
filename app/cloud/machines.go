package cloud

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/smithy-go"
)

// Machine is a state machine as listed.
type Machine struct {
	Name         string `json:"name"`
	Arn          string `json:"arn"`
	Type         string `json:"type"`
	CreationDate string `json:"creationDate,omitempty"`
}

// Machines lists the account's state machines in this region (all pages).
func (c *Client) Machines(ctx context.Context) ([]Machine, error) {
	var out []Machine
	p := sfn.NewListStateMachinesPaginator(c.SFN, &sfn.ListStateMachinesInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, explain(err)
		}
		for _, m := range page.StateMachines {
			out = append(out, Machine{Name: aws.ToString(m.Name), Arn: aws.ToString(m.StateMachineArn), Type: string(m.Type), CreationDate: stamp(m.CreationDate)})
		}
	}
	return out, nil
}

// Resolve turns a state machine's name or ARN into its ARN; "" and no
// error when a name names no state machine. An ARN of another region is
// refused before any call (AWS's own answer to it is an obscure
// InvalidArn).
func (c *Client) Resolve(ctx context.Context, nameOrArn string) (string, error) {
	if strings.HasPrefix(nameOrArn, "arn:") {
		return nameOrArn, c.checkRegion(nameOrArn)
	}
	ms, err := c.Machines(ctx)
	if err != nil {
		return "", err
	}
	for _, m := range ms {
		if m.Name == nameOrArn {
			return m.Arn, nil
		}
	}
	return "", nil
}

// mustResolve is Resolve that fails when there is no such state machine.
func (c *Client) mustResolve(ctx context.Context, nameOrArn string) (string, error) {
	arn, err := c.Resolve(ctx, nameOrArn)
	if err == nil && arn == "" {
		err = &Problem{Code: CodeNotFound, Title: fmt.Sprintf("There is no state machine named %q in %s.", nameOrArn, c.Region),
			Action: "Check the name, the profile and the region; deploy it first if it is new."}
	}
	return arn, err
}

// checkRegion refuses an ARN (arn:PARTITION:states:REGION:...) of another
// region than the connection's; an endpoint stand-in takes any.
func (c *Client) checkRegion(arn string) error {
	parts := strings.SplitN(arn, ":", 5)
	if len(parts) < 5 {
		return &Problem{Code: CodeInvalidInput, Title: fmt.Sprintf("%q is not an ARN.", arn), Action: "Give the whole ARN (arn:aws:states:REGION:ACCOUNT:...)."}
	}
	if parts[3] != "" && parts[3] != c.Region && !c.Local() {
		return &Problem{Code: CodeRegionMismatch, Title: fmt.Sprintf("The ARN is in %s but the studio is connected to %s.", parts[3], c.Region),
			Action: fmt.Sprintf("Connect to %s (the region picker), or use an ARN of %s.", parts[3], c.Region)}
	}
	return nil
}

// notFound reports AWS's "no such thing" answers.
func notFound(err error) bool {
	var api smithy.APIError
	if !asAPI(err, &api) {
		return false
	}
	switch api.ErrorCode() {
	case "StateMachineDoesNotExist", "ResourceNotFound", "ExecutionDoesNotExist":
		return true
	}
	return false
}
