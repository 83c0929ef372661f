package exporter

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"
	"sync"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// Target is what a definition is exported to.
type Target string

// The targets.
const (
	ASLJSON        Target = "asl-json"
	ASLYAML        Target = "asl-yaml"
	SAM            Target = "sam"
	CloudFormation Target = "cfn"
	CDK            Target = "cdk"
	Terraform      Target = "terraform"
)

// Targets lists every target in the order the UI offers them.
var Targets = []Target{ASLJSON, ASLYAML, SAM, CloudFormation, CDK, Terraform}

// ErrTarget is returned for a target Export does not know.
var ErrTarget = errors.New("unknown export target")

// Options tune an export.
type Options struct {
	Target Target `json:"target"`
	// Name of the state machine ("order-process"); logical ids, file
	// names and Terraform names derive from it.
	Name string `json:"name"`
	// Substitutions as Candidates listed them, with the names the user
	// chose; an empty name keeps that value hard-coded. Nil means all
	// candidates under their proposed names.
	Substitutions []Substitution `json:"substitutions"`
	// Inline puts the definition in the template (SAM Definition,
	// CloudFormation Definition) instead of a file (DefinitionUri) or a
	// string (DefinitionString).
	Inline bool `json:"inline"`
	// Express makes an EXPRESS state machine (default STANDARD).
	Express bool `json:"express"`
}

// File is one file of an export, its path relative to the output folder.
type File struct {
	Path    string `json:"path"`
	Content string `json:"content"`
}

// Result is an export: its files (the first is the main one), the
// substitutions applied and the drafted policy.
type Result struct {
	Files         []File         `json:"files"`
	Substitutions []Substitution `json:"substitutions"`
	Policy        Policy         `json:"policy"`
}

// job is what every target writer gets.
type job struct {
	opts    Options
	name    string         // kebab-case machine name
	id      string         // PascalCase logical id
	doc     *asl.Document  // the substituted definition, parsed
	text    []byte         // the substituted definition, as the user wrote it
	subs    []Substitution // applied and pre-existing ones, all named
	policy  Policy
	defPath string // definition file, relative to the output folder
}

// Export converts the definition src (JSON or YAML) to opts.Target.
func Export(src []byte, opts Options) (*Result, error) {
	src = IdentifierPlaceholders(src)
	doc, err := ParseDefinition(src)
	if err != nil {
		return nil, err
	}
	if doc.Machine == nil {
		return nil, errors.New("the definition is not an object with StartAt and States")
	}
	subs := opts.Substitutions
	if subs == nil {
		subs = Candidates(doc)
	}
	text, err := Apply(doc, src, subs)
	if err != nil {
		return nil, err
	}
	if doc, err = asl.ParseFormat("definition", text, doc.Format); err != nil {
		return nil, fmt.Errorf("substituted definition: %w", err)
	}
	// Name every placeholder the substituted text holds, applied or not.
	var named []Substitution
	seen := map[string]bool{}
	for _, s := range subs {
		if s.Name != "" && !seen[s.Name] && strings.Contains(string(text), "${"+s.Name+"}") {
			named, seen[s.Name] = append(named, s), true
		}
	}
	for _, s := range Candidates(doc) {
		if s.Kind == "placeholder" && !seen[s.Name] {
			named, seen[s.Name] = append(named, s), true
		}
	}
	name := kebab(opts.Name)
	if name == "" {
		name = "state-machine"
	}
	values := map[string]string{}
	for _, s := range named {
		values[s.Name] = s.Value
	}
	j := &job{opts: opts, name: name, id: pascal(name), doc: doc, text: text, subs: named, policy: DraftPolicy(doc.Machine, values)}
	// Step Functions takes JSON: only SAM (which converts DefinitionUri
	// files) and the ASL YAML target keep a YAML definition as YAML.
	ext := ".asl.json"
	if doc.Format == asl.YAML {
		if opts.Target == SAM || opts.Target == ASLYAML {
			ext = ".asl.yaml"
		} else {
			var b bytes.Buffer
			writeJSON(&b, doc.Root, "")
			j.text = b.Bytes()
		}
	}
	j.defPath = path.Join("statemachine", name+ext)
	var files []File
	switch opts.Target {
	case ASLJSON:
		files, err = j.aslJSON()
	case ASLYAML:
		files, err = j.aslYAML()
	case SAM:
		files, err = j.sam()
	case CloudFormation:
		files, err = j.cloudFormation()
	case CDK:
		files, err = j.cdk()
	case Terraform:
		files, err = j.terraform()
	default:
		return nil, fmt.Errorf("%w %q: use one of asl-json, asl-yaml, sam, cfn, cdk, terraform", ErrTarget, opts.Target)
	}
	if err != nil {
		return nil, err
	}
	if named == nil {
		named = []Substitution{}
	}
	return &Result{Files: files, Substitutions: named, Policy: j.policy}, nil
}

// ParseDefinition parses a definition as JSON or YAML by its content; a
// text that opens like JSON but is only YAML (a flow mapping with trailing
// commas, as some templates inline it) is read as YAML.
func ParseDefinition(src []byte) (*asl.Document, error) {
	doc, err := asl.Parse("definition", src)
	if err == nil {
		return doc, nil
	}
	if asl.DetectFormat("", src) == asl.JSON {
		if y, yerr := asl.ParseFormat("definition", src, asl.YAML); yerr == nil && y.Machine != nil {
			return y, nil
		}
	}
	return nil, fmt.Errorf("parse definition: %w", err)
}

var dotted = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$\{[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+\}`) })

// IdentifierPlaceholders writes ${Table.Arn} (from !GetAtt) as
// ${TableArn}: every target names substitutions with identifiers.
func IdentifierPlaceholders(src []byte) []byte {
	return dotted().ReplaceAllFunc(src, func(m []byte) []byte { return bytes.ReplaceAll(m, []byte("."), nil) })
}

// definitionFile is the definition as written, beside the template.
func (j *job) definitionFile() File {
	text := string(j.text)
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	return File{Path: j.defPath, Content: text}
}

func (j *job) machineType() string {
	if j.opts.Express {
		return "EXPRESS"
	}
	return "STANDARD"
}

// kebab turns "Order Process" or "OrderProcess" into "order-process".
func kebab(s string) string {
	return strings.Trim(strings.ReplaceAll(snake(pascal(s)), "_", "-"), "-")
}

// placeholderParts splits s at ${...} placeholders, for targets that
// write them their own way.
func placeholderParts(s string, lit func(string), place func(name string)) {
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		lit(s[:i])
		place(s[i+2 : i+j])
		s = s[i+j+1:]
	}
	lit(s)
}
