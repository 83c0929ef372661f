package cloud

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/aws/smithy-go"

	"github.com/stepstudio/stepstudio/app/flowdiff"
	"github.com/stepstudio/stepstudio/app/sidecar"
)

// Deployed is a state machine as AWS holds it.
type Deployed struct {
	Arn        string `json:"arn"`
	Name       string `json:"name"`
	Type       string `json:"type"`
	RoleArn    string `json:"roleArn"`
	Definition string `json:"definition"`
	// Hash is Hash(Definition): what the sidecar's deploy.pulled keeps.
	Hash       string `json:"hash"`
	RevisionID string `json:"revisionId,omitempty"`
	// Config is the deployed configuration in the sidecar's terms.
	Config sidecar.Deploy `json:"config"`
}

// Plan is what a deploy would do, shown before it is done.
type Plan struct {
	// Create is true when no state machine has the name yet.
	Create bool `json:"create"`
	// Arn is the deployed state machine's, "" when Create.
	Arn string `json:"arn,omitempty"`
	// Same is true when the deployed definition already is this one.
	Same bool `json:"same"`
	// Diff compares the deployed definition (A) with this one (B); nil
	// when Create.
	Diff *flowdiff.Result `json:"diff,omitempty"`
	// Changed is true when the deployed definition changed since it was
	// last pulled or deployed from here (or was never pulled and differs):
	// deploying would overwrite someone's work, so it needs force.
	Changed bool `json:"changed"`
	// ChangedWhy says why Changed, in plain words.
	ChangedWhy string   `json:"changedWhy,omitempty"`
	Deployed   Deployed `json:"deployed"`
}

// DeployOptions are a deploy's choices beyond the configuration.
type DeployOptions struct {
	// Force overwrites a deployed definition that changed since pulled.
	Force bool `json:"force"`
	// Publish publishes a version of what is deployed.
	Publish bool `json:"publish"`
	// VersionDescription describes the published version.
	VersionDescription string `json:"versionDescription,omitempty"`
	// Alias, when set, points this alias at the published version (made
	// if new). It implies Publish.
	Alias string `json:"alias,omitempty"`
	// Substitutions are the values of the definition's ${Name}
	// placeholders (IaC substitutions), as the user confirmed them.
	Substitutions map[string]string `json:"substitutions,omitempty"`
}

// DeployResult is what a deploy did.
type DeployResult struct {
	Plan    *Plan  `json:"plan"`
	Arn     string `json:"arn"`
	Created bool   `json:"created"`
	// Updated is false when nothing needed deploying (Same and no
	// version asked for).
	Updated    bool   `json:"updated"`
	RevisionID string `json:"revisionId,omitempty"`
	VersionArn string `json:"versionArn,omitempty"`
	AliasArn   string `json:"aliasArn,omitempty"`
	// Pulled is what the sidecar should now record as last seen.
	Pulled sidecar.DeployPulled `json:"pulled"`
}

// Describe reads the deployed state machine arn.
func (c *Client) Describe(ctx context.Context, arn string) (*Deployed, error) {
	if err := c.checkRegion(arn); err != nil {
		return nil, err
	}
	out, err := c.SFN.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: aws.String(arn)})
	if err != nil {
		return nil, explain(err)
	}
	d := &Deployed{Arn: aws.ToString(out.StateMachineArn), Name: aws.ToString(out.Name), Type: string(out.Type),
		RoleArn: aws.ToString(out.RoleArn), Definition: aws.ToString(out.Definition), RevisionID: aws.ToString(out.RevisionId)}
	d.Hash = Hash(d.Definition)
	d.Config = sidecar.Deploy{Name: d.Name, Type: d.Type, RoleArn: d.RoleArn, StateMachineArn: d.Arn, Region: c.Region,
		Pulled: &sidecar.DeployPulled{Hash: d.Hash, RevisionID: d.RevisionID}}
	if l := out.LoggingConfiguration; l != nil && l.Level != "" && l.Level != types.LogLevelOff {
		d.Config.Logging = &sidecar.DeployLogging{Level: string(l.Level), IncludeExecutionData: l.IncludeExecutionData}
		for _, dest := range l.Destinations {
			if dest.CloudWatchLogsLogGroup != nil {
				d.Config.Logging.Destination = aws.ToString(dest.CloudWatchLogsLogGroup.LogGroupArn)
			}
		}
	}
	if t := out.TracingConfiguration; t != nil {
		d.Config.Tracing = t.Enabled
	}
	if e := out.EncryptionConfiguration; e != nil && e.Type == types.EncryptionTypeCustomerManagedKmsKey {
		d.Config.KMSKeyID = aws.ToString(e.KmsKeyId)
	}
	return d, nil
}

// PlanDeploy compares src (the open definition, JSON or YAML) with what
// is deployed under cfg's ARN or name.
// Its ${Name} placeholders are filled in from subs first.
func (c *Client) PlanDeploy(ctx context.Context, src []byte, cfg sidecar.Deploy, subs map[string]string) (*Plan, error) {
	src, err := resolve(src, subs)
	if err != nil {
		return nil, err
	}
	text, _, err := definition(src)
	if err != nil {
		return nil, err
	}
	if cfg.Name == "" && cfg.StateMachineArn == "" {
		return nil, &Problem{Code: CodeInvalidInput, Title: "The state machine has no name.", Action: "Give the name it has (or will have) in AWS."}
	}
	arn, err := c.findDeployed(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if arn == "" {
		return &Plan{Create: true}, nil
	}
	d, err := c.Describe(ctx, arn)
	if err != nil {
		return nil, err
	}
	p := &Plan{Arn: arn, Deployed: *d, Same: d.Definition == text}
	if diff, err := flowdiff.CompareSources("deployed.asl.json", []byte(d.Definition), "local.asl.json", []byte(text), flowdiff.Options{}); err == nil {
		p.Diff = diff
		p.Same = p.Same || diff.Same
	}
	switch {
	case p.Same:
	case cfg.Pulled == nil:
		p.Changed, p.ChangedWhy = true, "The deployed workflow was never pulled into this project, and it differs from this one."
	case cfg.Pulled.Hash != d.Hash:
		p.Changed, p.ChangedWhy = true, "Someone changed the deployed workflow since it was last pulled or deployed from here."
	}
	return p, nil
}

// findDeployed is the ARN of cfg's state machine: its recorded ARN when
// that still exists, else the one of that name; "" when none.
func (c *Client) findDeployed(ctx context.Context, cfg sidecar.Deploy) (string, error) {
	if cfg.StateMachineArn != "" {
		if err := c.checkRegion(cfg.StateMachineArn); err != nil {
			return "", err
		}
		_, err := c.SFN.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: aws.String(cfg.StateMachineArn)})
		if err == nil {
			return cfg.StateMachineArn, nil
		}
		if !notFound(err) {
			return "", explain(err)
		}
	}
	if cfg.Name == "" {
		return "", nil
	}
	return c.Resolve(ctx, cfg.Name)
}

// Deploy creates or updates cfg's state machine with src, after
// PlanDeploy: a deployed definition changed since last pulled is not
// overwritten unless o.Force (the Problem's code is CodeChanged).
func (c *Client) Deploy(ctx context.Context, src []byte, cfg sidecar.Deploy, o DeployOptions) (*DeployResult, error) {
	src, err := resolve(src, o.Substitutions)
	if err != nil {
		return nil, err
	}
	text, _, err := definition(src)
	if err != nil {
		return nil, err
	}
	plan, err := c.PlanDeploy(ctx, src, cfg, nil)
	if err != nil {
		return nil, err
	}
	if plan.Changed && !o.Force {
		return nil, &Problem{Code: CodeChanged, Title: plan.ChangedWhy,
			Action: "Look at the differences, pull the deployed workflow first, or deploy anyway (force) to overwrite it."}
	}
	if o.Alias != "" {
		o.Publish = true
	}
	r := &DeployResult{Plan: plan}
	var desc *string
	if o.VersionDescription != "" {
		desc = aws.String(o.VersionDescription)
	}
	if plan.Create {
		if cfg.RoleArn == "" {
			return nil, &Problem{Code: CodeInvalidInput, Title: "A new state machine needs an execution role.",
				Action: "Pick a role that Step Functions may assume (or paste its ARN)."}
		}
		in := &sfn.CreateStateMachineInput{Name: aws.String(cfg.Name), Definition: aws.String(text), RoleArn: aws.String(cfg.RoleArn),
			Publish: o.Publish, VersionDescription: desc, LoggingConfiguration: logging(cfg), TracingConfiguration: tracing(cfg),
			EncryptionConfiguration: encryption(cfg)}
		if cfg.Type != "" {
			in.Type = types.StateMachineType(strings.ToUpper(cfg.Type))
		}
		out, err := c.SFN.CreateStateMachine(ctx, in)
		if err != nil {
			return nil, explain(err)
		}
		r.Arn, r.Created, r.Updated, r.VersionArn = aws.ToString(out.StateMachineArn), true, true, aws.ToString(out.StateMachineVersionArn)
		r.Pulled.UpdateDate = stamp(out.CreationDate)
	} else {
		r.Arn = plan.Arn
		if cfg.Type != "" && !strings.EqualFold(cfg.Type, plan.Deployed.Type) {
			return nil, &Problem{Code: CodeConflict, Title: fmt.Sprintf("The deployed state machine is %s; its type cannot change to %s.", plan.Deployed.Type, strings.ToUpper(cfg.Type)),
				Action: "Deploy under another name, or keep the type."}
		}
		if !plan.Same || o.Publish || configChanged(cfg, plan.Deployed.Config) {
			in := &sfn.UpdateStateMachineInput{StateMachineArn: aws.String(plan.Arn), Definition: aws.String(text), Publish: o.Publish, VersionDescription: desc,
				LoggingConfiguration: logging(cfg), TracingConfiguration: tracing(cfg), EncryptionConfiguration: encryption(cfg)}
			if cfg.RoleArn != "" {
				in.RoleArn = aws.String(cfg.RoleArn)
			}
			out, err := c.SFN.UpdateStateMachine(ctx, in)
			if err != nil {
				return nil, explain(err)
			}
			r.Updated, r.RevisionID, r.VersionArn = true, aws.ToString(out.RevisionId), aws.ToString(out.StateMachineVersionArn)
			r.Pulled.UpdateDate = stamp(out.UpdateDate)
		}
	}
	r.Pulled.Hash, r.Pulled.RevisionID = Hash(text), r.RevisionID
	if !r.Updated && plan.Deployed.Config.Pulled != nil {
		r.Pulled = *plan.Deployed.Config.Pulled
	}
	if o.Alias != "" && r.VersionArn != "" {
		if r.AliasArn, err = c.pointAlias(ctx, r.Arn, o.Alias, r.VersionArn); err != nil {
			return r, err
		}
	}
	return r, nil
}

// pointAlias moves alias name of machine arn to version (all traffic),
// creating it when it does not exist.
func (c *Client) pointAlias(ctx context.Context, arn, name, version string) (string, error) {
	route := []types.RoutingConfigurationListItem{{StateMachineVersionArn: aws.String(version), Weight: 100}}
	aliasArn := arn + ":" + name
	_, err := c.SFN.DescribeStateMachineAlias(ctx, &sfn.DescribeStateMachineAliasInput{StateMachineAliasArn: aws.String(aliasArn)})
	switch {
	case err == nil:
		if _, err := c.SFN.UpdateStateMachineAlias(ctx, &sfn.UpdateStateMachineAliasInput{StateMachineAliasArn: aws.String(aliasArn), RoutingConfiguration: route}); err != nil {
			return "", explain(err)
		}
		return aliasArn, nil
	case notFound(err):
		out, err := c.SFN.CreateStateMachineAlias(ctx, &sfn.CreateStateMachineAliasInput{Name: aws.String(name), RoutingConfiguration: route})
		if err != nil {
			return "", explain(err)
		}
		return aws.ToString(out.StateMachineAliasArn), nil
	}
	return "", explain(err)
}

// configChanged reports a configuration to send even when the definition
// is the same.
func configChanged(want, have sidecar.Deploy) bool {
	if want.RoleArn != "" && want.RoleArn != have.RoleArn {
		return true
	}
	if want.Tracing != have.Tracing || want.KMSKeyID != have.KMSKeyID {
		return true
	}
	wl, hl := want.Logging, have.Logging
	if (wl == nil || wl.Level == "OFF") != (hl == nil) {
		return true
	}
	return wl != nil && hl != nil && *wl != *hl
}

func logging(cfg sidecar.Deploy) *types.LoggingConfiguration {
	l := cfg.Logging
	if l == nil || l.Level == "" {
		return nil
	}
	out := &types.LoggingConfiguration{Level: types.LogLevel(strings.ToUpper(l.Level)), IncludeExecutionData: l.IncludeExecutionData}
	if l.Destination != "" {
		out.Destinations = []types.LogDestination{{CloudWatchLogsLogGroup: &types.CloudWatchLogsLogGroup{LogGroupArn: aws.String(l.Destination)}}}
	}
	return out
}

func tracing(cfg sidecar.Deploy) *types.TracingConfiguration {
	return &types.TracingConfiguration{Enabled: cfg.Tracing}
}

func encryption(cfg sidecar.Deploy) *types.EncryptionConfiguration {
	if cfg.KMSKeyID == "" {
		return nil
	}
	return &types.EncryptionConfiguration{Type: types.EncryptionTypeCustomerManagedKmsKey, KmsKeyId: aws.String(cfg.KMSKeyID)}
}

func asAPI(err error, api *smithy.APIError) bool { return errors.As(err, api) }

func stamp(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// Pulled is what the sidecar keeps of a deployed definition.
type Pulled = sidecar.DeployPulled

// Pull reads cfg's deployed state machine: its definition to write into
// the project, and its configuration.
func (c *Client) Pull(ctx context.Context, cfg sidecar.Deploy) (*Deployed, error) {
	arn, err := c.findDeployed(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if arn == "" {
		return nil, &Problem{Code: CodeNotFound, Title: fmt.Sprintf("There is no state machine named %q in %s to pull.", cfg.Name, c.Region),
			Action: "Check the name in the deploy settings, the profile and the region."}
	}
	return c.Describe(ctx, arn)
}
