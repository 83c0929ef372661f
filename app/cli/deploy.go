package cli

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/stepstudio/stepstudio/app/cloud"
	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/flowdiff"
	"github.com/stepstudio/stepstudio/app/sidecar"
	"github.com/stepstudio/stepstudio/engine/asl"
)

const deployUsage = `
Usage: stepstudio deploy FLOW [--name N] [--role ARN] [--type standard|express]
                         [--profile P] [--region R] [--endpoint-url U]
                         [--publish] [--alias A] [--description D] [--force] [--sub Name=VALUE]...
                         [--dry-run | --pull] [--format text|json]
Deploys the workflow FLOW (.asl.json or .asl.yaml) to AWS Step Functions, or to any
endpoint that speaks its API (--endpoint-url, e.g. stepstudio serve): creates the
state machine, or updates it after comparing it with what is deployed. A deployed
definition changed since it was last pulled or deployed from here (someone used the
console) is not overwritten unless --force: pull it first (--pull writes it into FLOW)
or look at the differences (--dry-run).
Credentials come from the standard AWS chain (environment, shared files, SSO,
credential_process); none is stored. Name, role and type default to FLOW's
NAME.studio.json "deploy" section, where the deploy is recorded afterwards.
IaC substitutions in FLOW (${OrderTable}) need a value each: --sub OrderTable=orders-prod.
Exit 0 deployed (or nothing to do), 1 when AWS refused or the deployed definition
changed, 2 on a usage error or an unreadable FLOW.`

func runDeploy(ctx context.Context, args []string, s Streams) error {
	fs := newFlagSet("deploy", deployUsage)
	cf := addCloudFlags(fs)
	name := fs.String("name", "", "state machine name (default: the sidecar's, else FLOW's file name)")
	role := fs.String("role", "", "execution role ARN (needed to create; default: the sidecar's)")
	typ := fs.String("type", "", "standard or express, for a new state machine (default: the sidecar's, else standard)")
	publish := fs.Bool("publish", false, "publish a version of what is deployed")
	alias := fs.String("alias", "", "point this alias at the published version (made if new; implies --publish)")
	desc := fs.String("description", "", "description of the published version")
	force := fs.Bool("force", false, "overwrite a deployed definition that changed since it was last pulled")
	dry := fs.Bool("dry-run", false, "only compare with what is deployed and print the differences")
	pull := fs.Bool("pull", false, "write the deployed definition into FLOW instead of deploying")
	subs := map[string]string{}
	fs.Func("sub", "value of a ${Name} substitution in FLOW, as Name=VALUE (repeat for each)", func(v string) error {
		name, value, ok := strings.Cut(v, "=")
		if !ok || name == "" {
			return fmt.Errorf("give Name=VALUE, not %q", v)
		}
		subs[name] = value
		return nil
	})
	pos, err := parseArgs(fs, args, s.Out)
	if err != nil {
		return err
	}
	if err := cf.check(); err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("give one workflow file to deploy: stepstudio deploy FLOW --name N --role ARN")
	}
	if *dry && *pull {
		return usagef("--dry-run and --pull do not go together")
	}
	switch strings.ToLower(*typ) {
	case "", "standard", "express":
	default:
		return usagef("--type must be standard or express, not %q", *typ)
	}
	flow := pos[0]
	cfg, err := deployConfig(flow)
	if err != nil {
		return err
	}
	for _, v := range []struct {
		flag string
		dst  *string
	}{{*name, &cfg.Name}, {*role, &cfg.RoleArn}, {strings.ToUpper(*typ), &cfg.Type}} {
		if v.flag != "" {
			*v.dst = v.flag
		}
	}
	if *name != "" && cfg.StateMachineArn != "" && !strings.HasSuffix(cfg.StateMachineArn, ":"+*name) {
		cfg.StateMachineArn = "" // another state machine than the recorded one
	}
	if cfg.Name == "" {
		cfg.Name = strings.TrimSuffix(machineName(flow), ".asl")
	}
	c, err := cf.connect(ctx)
	if err != nil {
		return cloudFailure(cf, s.Out, err)
	}
	if *pull {
		return deployPull(ctx, c, cf, s, flow, cfg)
	}
	src, err := files.ReadFile(flow, files.Definitions)
	if err != nil {
		return badInput(err)
	}
	if err := notATemplate(flow, src); err != nil {
		return badInput(err)
	}
	if *dry {
		plan, err := c.PlanDeploy(ctx, src, cfg, subs)
		if err != nil {
			return cloudFailure(cf, s.Out, err)
		}
		return printJSONOr(cf, s.Out, plan, func() string { return planText(cfg.Name, plan) })
	}
	r, err := c.Deploy(ctx, src, cfg, cloud.DeployOptions{Force: *force, Publish: *publish, Alias: *alias, VersionDescription: *desc, Substitutions: subs})
	if err != nil {
		return cloudFailure(cf, s.Out, err)
	}
	cfg.StateMachineArn, cfg.Pulled = r.Arn, &r.Pulled
	if err := saveDeploy(flow, cfg); err != nil {
		return err
	}
	return printJSONOr(cf, s.Out, r, func() string { return deployText(cfg.Name, r) })
}

// notATemplate refuses an IaC template: its own tool deploys it.
func notATemplate(flow string, src []byte) error {
	doc, err := asl.Parse(flow, src)
	if err != nil || doc.Root == nil || doc.Root.Has("States") {
		return nil // a workflow, or for AWS to refuse with its reasons
	}
	if doc.Root.Has("Resources") || doc.Root.Has("resource") || doc.Root.Has("AWSTemplateFormatVersion") {
		return fmt.Errorf("%s is an infrastructure template, not a workflow: deploy it with its own tool (sam deploy, aws cloudformation deploy, terraform apply) so the stack stays the one owner of its state machine", flow)
	}
	return nil
}

// saveDeploy records cfg in FLOW's sidecar.
func saveDeploy(flow string, cfg sidecar.Deploy) error {
	_, err := sidecar.Modify(sidecar.PathFor(flow), func(f *sidecar.File) error {
		f.Deploy = &cfg
		return nil
	})
	if err != nil {
		return fmt.Errorf("deployed, but the deploy was not recorded in %s: %w", sidecar.PathFor(flow), err)
	}
	return nil
}

func deployPull(ctx context.Context, c *cloud.Client, cf *cloudFlags, s Streams, flow string, cfg sidecar.Deploy) error {
	d, err := c.Pull(ctx, cfg)
	if err != nil {
		return cloudFailure(cf, s.Out, err)
	}
	if err := files.Write(flow, []byte(d.Definition)); err != nil {
		return fmt.Errorf("cannot write %s: %w", flow, err)
	}
	cfg.StateMachineArn, cfg.Pulled = d.Arn, d.Config.Pulled
	if cfg.Type == "" {
		cfg.Type = d.Type
	}
	if cfg.RoleArn == "" {
		cfg.RoleArn = d.RoleArn
	}
	if err := saveDeploy(flow, cfg); err != nil {
		return err
	}
	return printJSONOr(cf, s.Out, d, func() string {
		return fmt.Sprintf("Pulled %s (%s) into %s.\n", d.Name, d.Arn, flow)
	})
}

func planText(name string, p *cloud.Plan) string {
	var b strings.Builder
	switch {
	case p.Create:
		fmt.Fprintf(&b, "%s is not deployed yet: a deploy creates it.\n", name)
		return b.String()
	case p.Same:
		fmt.Fprintf(&b, "%s is deployed as it is here: nothing to deploy.\n", name)
	default:
		fmt.Fprintf(&b, "A deploy updates %s (%s).\n", name, p.Arn)
	}
	if p.Changed {
		fmt.Fprintf(&b, "Careful: %s A deploy needs --force, or pull it first (--pull).\n", p.ChangedWhy)
	}
	if p.Diff != nil && !p.Same {
		var d bytes.Buffer
		if flowdiff.WriteText(&d, p.Diff) == nil {
			b.WriteString("\nDeployed → this file:\n")
			b.Write(d.Bytes())
		}
	}
	return b.String()
}

func deployText(name string, r *cloud.DeployResult) string {
	var b strings.Builder
	switch {
	case r.Created:
		fmt.Fprintf(&b, "Created %s: %s\n", name, r.Arn)
	case r.Updated:
		fmt.Fprintf(&b, "Updated %s: %s\n", name, r.Arn)
		if r.Plan != nil && r.Plan.Diff != nil && !r.Plan.Same {
			fmt.Fprintf(&b, "  %s\n", r.Plan.Diff.Summary)
		}
	default:
		fmt.Fprintf(&b, "%s is already deployed as it is here: nothing changed.\n", name)
	}
	if r.VersionArn != "" {
		fmt.Fprintf(&b, "Published version %s\n", r.VersionArn[strings.LastIndex(r.VersionArn, ":")+1:])
	}
	if r.AliasArn != "" {
		fmt.Fprintf(&b, "Alias %s now points at it: %s\n", r.AliasArn[strings.LastIndex(r.AliasArn, ":")+1:], r.AliasArn)
	}
	return b.String()
}
