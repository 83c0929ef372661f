package iac

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/engine/asl"
)

// Kind is the IaC tool a template is written for.
type Kind string

// The template kinds Scan reads.
const (
	CloudFormation Kind = "cloudformation" // SAM or plain CloudFormation, YAML or JSON
	Terraform      Kind = "terraform"
	Serverless     Kind = "serverless"
)

// Template is a template file and the state machines it defines.
type Template struct {
	Path     string    `json:"path"`
	Kind     Kind      `json:"kind"`
	Machines []Machine `json:"machines"`
}

// Machine is one state machine found in a template.
type Machine struct {
	// ID names the machine in its template: a CloudFormation logical id,
	// a Terraform resource address, a Serverless state machine key.
	ID string `json:"id"`
	// Type is the resource type (AWS::Serverless::StateMachine,
	// aws_sfn_state_machine, …).
	Type string `json:"type"`
	// Origin says how the definition is given: "Definition",
	// "DefinitionString", "DefinitionUri", "templatefile", "heredoc", …
	Origin string `json:"origin"`
	// File is where the definition text lives: the template itself, or the
	// file it references.
	File string `json:"file"`
	// Line is the 1-based line in File where the definition starts.
	Line          int            `json:"line"`
	Format        asl.Format     `json:"format"`
	Substitutions []Substitution `json:"substitutions"`
	// Problem says why the definition cannot be opened ("" when it can);
	// ReadOnly that it can be opened but not written back.
	Problem  string `json:"problem,omitempty"`
	ReadOnly string `json:"readOnly,omitempty"`
	// Broken marks a Problem that is a mistake in the template (a file or
	// data source that does not exist), not just a form Stepstudio cannot
	// open.
	Broken bool `json:"broken,omitempty"`

	region  region
	src     []byte // the bytes of File, as read by the scan
	column  int    // with Line, where a refused file reference is written
	outside bool   // Problem is a reference outside the project folder
}

// Substitution is one value the IaC tool puts in place of ${Name}.
type Substitution struct {
	Name string `json:"name"`
	// Value is the template's expression, in the template's own notation
	// (a literal, "!GetAtt Table.Arn", "aws_dynamodb_table.orders.arn").
	Value string `json:"value"`
	// Literal is true when Value is a plain string the tool substitutes
	// as is, so a validator can apply it.
	Literal bool `json:"literal"`
	// Problem says what is wrong with the value ("" when nothing is): a
	// reference to something the template does not declare.
	Problem string `json:"problem,omitempty"`
}

// Errors callers can match with errors.Is.
var (
	ErrNoMachines  = errors.New("no state machine found")
	ErrNotFound    = errors.New("no such state machine")
	ErrChanged     = errors.New("file changed on disk since it was opened")
	ErrNotEditable = errors.New("definition cannot be written back")
	ErrUnsupported = errors.New("not a template Stepstudio reads")
)

// Scan reads a template and lists its state machines, following file
// references inside the template's own folder only (see Project). A
// template that defines none gives an error wrapping ErrNoMachines.
func Scan(path string) (*Template, error) { return Project{}.Scan(path) }

// Scan reads a template (a regular file of at most
// files.MaxDefinitionSize) and lists its state machines; the files it
// references are read only inside the project folder.
func (p Project) Scan(path string) (*Template, error) {
	src, err := files.ReadFile(path, files.Definitions)
	if err != nil {
		return nil, fmt.Errorf("read template: %w", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	rs, err := p.resolver(abs)
	if err != nil {
		return nil, err
	}
	return scanSource(path, abs, src, rs)
}

// scanSource is Scan of src as the content of abs (path as the user named it).
func scanSource(path, abs string, src []byte, rs resolver) (*Template, error) {
	var (
		t   *Template
		err error
	)
	switch kind := detectKind(abs, src); kind {
	case Terraform:
		t, err = scanTerraform(abs, src, rs)
	case Serverless:
		t, err = scanServerless(abs, src, rs)
	case CloudFormation:
		t, err = scanCloudFormation(abs, src, rs)
	default:
		return nil, fmt.Errorf("%s: %w: expected a SAM or CloudFormation template (Resources), a Terraform file (.tf) or a Serverless Framework file (stepFunctions)", path, ErrUnsupported)
	}
	var pe *PosError
	if errors.As(err, &pe) {
		pe.File = path
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(t.Machines) == 0 {
		return nil, fmt.Errorf("%s: %w: %s", path, ErrNoMachines, lookedFor[t.Kind])
	}
	return t, nil
}

// lookedFor says what a template of each kind would declare.
var lookedFor = map[Kind]string{
	CloudFormation: "this SAM/CloudFormation template defines no state machine (no AWS::Serverless::StateMachine or AWS::StepFunctions::StateMachine resource)",
	Terraform:      `this Terraform file defines no state machine (no resource "aws_sfn_state_machine")`,
	Serverless:     "this Serverless file defines no state machine (nothing under stepFunctions.stateMachines)",
}

// IsTemplate reports whether src looks like a template Scan reads rather
// than a plain ASL definition.
func IsTemplate(path string, src []byte) bool { return detectKind(path, src) != "" }

func detectKind(path string, src []byte) Kind {
	if strings.HasSuffix(strings.ToLower(path), ".tf") {
		return Terraform
	}
	if looksLikeKey(src, "stepFunctions") {
		return Serverless
	}
	if (looksLikeKey(src, "Resources") && resourceType().Match(src)) || looksLikeKey(src, "AWSTemplateFormatVersion") {
		return CloudFormation
	}
	return ""
}

// resourceType finds a CloudFormation resource type (AWS::SQS::Queue), not
// a pseudo parameter such as ${AWS::Region} that an ASL file may hold.
var resourceType = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`AWS::[A-Za-z0-9]+::[A-Za-z]`) })

// looksLikeKey reports a top-level key in YAML ("Key:" at column 0) or
// JSON ("Key": anywhere; ASL has no such keys).
func looksLikeKey(src []byte, key string) bool {
	for _, line := range bytes.Split(src, []byte("\n")) {
		if bytes.HasPrefix(line, []byte(key+":")) {
			return true
		}
	}
	return bytes.Contains(src, []byte(`"`+key+`"`))
}

// Find returns the machine named id.
func (t *Template) Find(id string) (*Machine, error) {
	for i := range t.Machines {
		if t.Machines[i].ID == id {
			return &t.Machines[i], nil
		}
	}
	return nil, fmt.Errorf("%s: %w %q", t.Path, ErrNotFound, id)
}
