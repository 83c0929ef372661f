package exporter

import (
	"gopkg.in/yaml.v3"
)

// parameters declares one template parameter per substitution; a value
// taken from the definition is its default, a pre-existing placeholder
// has none (the deployer supplies it).
func (j *job) parameters() (*yaml.Node, *yaml.Node) {
	params := ymap()
	defsubs := ymap()
	for _, s := range j.subs {
		p := ymap("Type", "String", "Description", "Substituted for ${"+s.Name+"} in the definition.")
		if s.Value != "" {
			set(p, "Default", s.Value)
		}
		set(params, s.Name, p)
		set(defsubs, s.Name, ytag("!Ref", s.Name))
	}
	return params, defsubs
}

// policyDocument is the drafted policy as an IAM policy document.
func (j *job) policyDocument() *yaml.Node {
	stmts := yseq()
	for _, s := range j.policy.Statements {
		stmts.Content = append(stmts.Content, ymap("Sid", s.Sid, "Effect", "Allow", "Action", s.Actions, "Resource", ysubs(s.Resources)))
	}
	return ymap("Version", "2012-10-17", "Statement", stmts)
}

func (j *job) header(transform bool) *yaml.Node {
	root := ymap("AWSTemplateFormatVersion", "2010-09-09")
	if transform {
		set(root, "Transform", "AWS::Serverless-2016-10-31")
	}
	set(root, "Description", j.name+" state machine, exported by Stepstudio.")
	return root
}

// sam: AWS::Serverless::StateMachine with DefinitionUri (or an inline
// Definition), DefinitionSubstitutions and the drafted Policies.
func (j *job) sam() ([]File, error) {
	root := j.header(true)
	params, defsubs := j.parameters()
	if len(params.Content) > 0 {
		set(root, "Parameters", params)
	}
	props := ymap("Type", j.machineType())
	if j.opts.Inline {
		set(props, "Definition", yamlNode(j.doc.Root))
	} else {
		set(props, "DefinitionUri", j.defPath)
	}
	if len(defsubs.Content) > 0 {
		set(props, "DefinitionSubstitutions", defsubs)
	}
	if len(j.policy.Statements) > 0 {
		set(props, "Policies", yseq(j.policyDocument()))
	}
	set(root, "Resources", ymap(j.id, ymap("Type", "AWS::Serverless::StateMachine", "Properties", props)))
	set(root, "Outputs", ymap(j.id+"Arn", ymap("Description", "ARN of the state machine", "Value", ytag("!Ref", j.id))))
	text, err := encodeYAML(root)
	if err != nil {
		return nil, err
	}
	files := []File{{Path: "template.yaml", Content: text}}
	if !j.opts.Inline {
		files = append(files, j.definitionFile())
	}
	return files, nil
}

// cloudFormation: AWS::StepFunctions::StateMachine with DefinitionString
// (or Definition), DefinitionSubstitutions and a role parameter; the
// drafted policy is a managed policy attached to that role.
func (j *job) cloudFormation() ([]File, error) {
	root := j.header(false)
	params, defsubs := j.parameters()
	role := ymap("Type", "String", "Description", "ARN of the IAM role the state machine runs as (trusting states.amazonaws.com).",
		"AllowedPattern", "arn:aws[a-z-]*:iam::\\d{12}:role/.+")
	params.Content = append([]*yaml.Node{ystr("ExecutionRoleArn"), role}, params.Content...)
	set(root, "Parameters", params)
	props := ymap("StateMachineType", j.machineType(), "RoleArn", ytag("!Ref", "ExecutionRoleArn"))
	if j.opts.Inline {
		set(props, "Definition", yamlNode(j.doc.Root))
	} else {
		def := ystr(string(j.text))
		def.Style = yaml.LiteralStyle
		set(props, "DefinitionString", def)
	}
	if len(defsubs.Content) > 0 {
		set(props, "DefinitionSubstitutions", defsubs)
	}
	resources := ymap(j.id, ymap("Type", "AWS::StepFunctions::StateMachine", "Properties", props))
	if len(j.policy.Statements) > 0 {
		roleName := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!Select", Style: yaml.FlowStyle, Content: []*yaml.Node{
			{Kind: yaml.ScalarNode, Tag: "!!int", Value: "1"},
			{Kind: yaml.SequenceNode, Tag: "!Split", Style: yaml.FlowStyle, Content: []*yaml.Node{ystr("/"), ytag("!Ref", "ExecutionRoleArn")}},
		}}
		set(resources, j.id+"Policy", ymap("Type", "AWS::IAM::ManagedPolicy", "Properties", ymap(
			"Description", "Least-privilege draft for "+j.name+", from the tasks it runs; review before deploying.",
			"Roles", yseq(roleName),
			"PolicyDocument", j.policyDocument())))
	}
	set(root, "Resources", resources)
	set(root, "Outputs", ymap(j.id+"Arn", ymap("Description", "ARN of the state machine", "Value", ytag("!Ref", j.id))))
	text, err := encodeYAML(root)
	if err != nil {
		return nil, err
	}
	return []File{{Path: "template.yaml", Content: text}}, nil
}
