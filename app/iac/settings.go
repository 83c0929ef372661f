package iac

import (
	"errors"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/stepstudio/stepstudio/app/files"
)

// Settings are the deploy settings of a state machine resource as its
// SAM or CloudFormation template gives them: the studio's Deploy
// settings read and write them there when the workflow lives in a
// template, so the template stays the one place they are kept.
type Settings struct {
	Name                 string `json:"name,omitempty"`
	Type                 string `json:"type,omitempty"` // STANDARD or EXPRESS; "" when the template leaves it out (STANDARD)
	RoleArn              string `json:"roleArn,omitempty"`
	LogLevel             string `json:"logLevel,omitempty"` // ALL, ERROR, FATAL, OFF; "" when there is no logging
	IncludeExecutionData bool   `json:"includeExecutionData,omitempty"`
	LogDestination       string `json:"logDestination,omitempty"`
	Tracing              bool   `json:"tracing,omitempty"`
	KMSKeyID             string `json:"kmsKeyId,omitempty"`
}

// TemplateSettings are a resource's Settings and where they live.
type TemplateSettings struct {
	Settings Settings `json:"settings"`
	Template string   `json:"template"`
	ID       string   `json:"id"`
	// ResourceType is AWS::Serverless::StateMachine or
	// AWS::StepFunctions::StateMachine: their properties' names differ.
	ResourceType string `json:"resourceType"`
	// Properties names the template property of each setting, by its JSON
	// name ("roleArn": "Role"), for the UI to say where each one lives.
	Properties map[string]string `json:"properties"`
	// Expressions are the settings the template computes (!GetAtt
	// Role.Arn, !Ref Name), by JSON name; their value in Settings is this
	// text, and writing it back unchanged keeps the expression.
	Expressions map[string]string `json:"expressions"`
	// Hash is the template's SHA-256 (Opened.Hash's): a write over a file
	// changed since is refused.
	Hash string `json:"hash"`
}

// ErrSettingsUnsupported: deploy settings are read and written in SAM,
// CloudFormation and Terraform files only (not Serverless Framework's).
var ErrSettingsUnsupported = errors.New("deploy settings are kept in SAM, CloudFormation and Terraform files only")

// propNames are a resource type's property names for each setting.
type propNames struct{ name, typ, role, logging, tracing, encryption string }

var (
	samProps = propNames{"Name", "Type", "Role", "Logging", "Tracing", "EncryptionConfiguration"}
	cfnProps = propNames{"StateMachineName", "StateMachineType", "RoleArn", "LoggingConfiguration", "TracingConfiguration", "EncryptionConfiguration"}
)

func namesFor(resourceType string) propNames {
	if resourceType == samStateMachine {
		return samProps
	}
	return cfnProps
}

// resource is a parsed template's state machine resource.
type resource struct {
	src      []byte
	l        lines
	json     bool
	typ      string
	propsKey *yaml.Node
	props    *yaml.Node
	// exprs are the nodes of the settings written as expressions.
	exprs map[string]*yaml.Node
}

// findResource parses src and finds resource id's Properties.
func findResource(src []byte, id string) (*resource, error) {
	doc, err := parseYAML(src)
	if err != nil {
		return nil, fmt.Errorf("parse template: %w", err)
	}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("the template is empty")
	}
	res := mapGet(mapGet(doc.Content[0], "Resources"), id)
	typ := mapGet(res, "Type")
	if typ == nil || (typ.Value != samStateMachine && typ.Value != cfnStateMachine) {
		return nil, fmt.Errorf("%s is not a state machine resource of this template", id)
	}
	pk, props := mapEntry(res, "Properties")
	if props == nil || props.Kind != yaml.MappingNode || len(props.Content) == 0 {
		return nil, fmt.Errorf("%s has no Properties to keep settings in", id)
	}
	r := &resource{src: src, l: newLines(src), typ: typ.Value, propsKey: pk, props: props, exprs: map[string]*yaml.Node{}}
	r.json = strings.HasPrefix(strings.TrimSpace(string(src)), "{")
	if r.json != (props.Style&yaml.FlowStyle != 0) {
		return nil, fmt.Errorf("%s: a template that mixes JSON and YAML styles is not edited here; edit its properties by hand", id)
	}
	return r, nil
}

// ReadSettings reads the deploy settings of resource id of the SAM or
// CloudFormation template at path.
func ReadSettings(path, id string) (*TemplateSettings, error) {
	src, kind, err := readTemplate(path)
	if err != nil {
		return nil, err
	}
	ts, err := settingsOf(kind, src, path, id)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ts, nil
}

func settingsOf(kind Kind, src []byte, path, id string) (*TemplateSettings, error) {
	if kind == Terraform {
		r, err := findTFResource(src, id)
		if err != nil {
			return nil, err
		}
		return r.settings(path, id), nil
	}
	r, err := findResource(src, id)
	if err != nil {
		return nil, err
	}
	return r.settings(path, id), nil
}

func readTemplate(path string) ([]byte, Kind, error) {
	src, err := files.ReadFile(path, files.Definitions)
	if err != nil {
		return nil, "", fmt.Errorf("read template: %w", err)
	}
	kind := detectKind(path, src)
	if kind != CloudFormation && kind != Terraform {
		return nil, "", fmt.Errorf("%s: %w", path, ErrSettingsUnsupported)
	}
	return src, kind, nil
}

func (r *resource) settings(path, id string) *TemplateSettings {
	n := namesFor(r.typ)
	ts := &TemplateSettings{Template: path, ID: id, ResourceType: r.typ, Hash: hashOf(r.src), Expressions: map[string]string{},
		Properties: map[string]string{"name": n.name, "type": n.typ, "roleArn": n.role, "logLevel": n.logging, "includeExecutionData": n.logging,
			"logDestination": n.logging, "tracing": n.tracing, "kmsKeyId": n.encryption}}
	s := &ts.Settings
	s.Name = r.scalar("name", mapGet(r.props, n.name))
	s.Type = r.scalar("type", mapGet(r.props, n.typ))
	s.RoleArn = r.scalar("roleArn", mapGet(r.props, n.role))
	if lg := mapGet(r.props, n.logging); lg != nil {
		s.LogLevel = r.scalar("logLevel", mapGet(lg, "Level"))
		s.IncludeExecutionData = r.scalar("includeExecutionData", mapGet(lg, "IncludeExecutionData")) == "true"
		if d := mapGet(lg, "Destinations"); d != nil && d.Kind == yaml.SequenceNode && len(d.Content) > 0 {
			s.LogDestination = r.scalar("logDestination", mapGet(mapGet(d.Content[0], "CloudWatchLogsLogGroup"), "LogGroupArn"))
		}
	}
	s.Tracing = r.scalar("tracing", mapGet(mapGet(r.props, n.tracing), "Enabled")) == "true"
	s.KMSKeyID = r.scalar("kmsKeyId", mapGet(mapGet(r.props, n.encryption), "KmsKeyId"))
	for k, v := range r.exprs {
		ts.Expressions[k] = renderYAML(v)
	}
	return ts
}

// scalar is a literal's value, or an expression's text (remembered as
// such under field).
func (r *resource) scalar(field string, v *yaml.Node) string {
	if v == nil {
		return ""
	}
	if v.Kind == yaml.ScalarNode && (v.Tag == "!!str" || v.Tag == "!!bool" || v.Tag == "!!int" || v.Tag == "!!float") {
		return v.Value
	}
	r.exprs[field] = v
	return renderYAML(v)
}
