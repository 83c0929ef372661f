package iac

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

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

	region region
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
}

// Opened is a definition read from a template, ready to edit and save.
type Opened struct {
	Machine
	Template string `json:"template"`
	Text     string `json:"text"`
	// Hash is the SHA-256 of File when it was read; Save refuses to write
	// over a file whose hash changed since.
	Hash  string `json:"hash"`
	Start int    `json:"start"` // byte range of the definition in File
	End   int    `json:"end"`
	// StartColumn is the 1-based column of the definition's first
	// character on line Line of File; the lines after it are indented by
	// Indent more than in Text.
	StartColumn int    `json:"startColumn"`
	Indent      string `json:"indent"`
}

// Errors callers can match with errors.Is.
var (
	ErrNoMachines  = errors.New("no state machine found")
	ErrNotFound    = errors.New("no such state machine")
	ErrChanged     = errors.New("file changed on disk since it was opened")
	ErrNotEditable = errors.New("definition cannot be written back")
	ErrUnsupported = errors.New("not a template Stepstudio reads")
)

// Scan reads a template and lists its state machines. A template that
// defines none gives an error wrapping ErrNoMachines.
func Scan(path string) (*Template, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read template: %w", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	return scanSource(path, abs, src)
}

// scanSource is Scan of src as the content of abs (path as the user named it).
func scanSource(path, abs string, src []byte) (*Template, error) {
	var (
		t   *Template
		err error
	)
	switch kind := detectKind(abs, src); kind {
	case Terraform:
		t, err = scanTerraform(abs, src)
	case Serverless:
		t, err = scanServerless(abs, src)
	case CloudFormation:
		t, err = scanCloudFormation(abs, src)
	default:
		return nil, fmt.Errorf("%s: %w: expected a SAM or CloudFormation template (Resources), a Terraform file (.tf) or a Serverless Framework file (stepFunctions)", path, ErrUnsupported)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(t.Machines) == 0 {
		return nil, fmt.Errorf("%s: %w: the %s template defines no state machine", path, ErrNoMachines, t.Kind)
	}
	return t, nil
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
	if (looksLikeKey(src, "Resources") && bytes.Contains(src, []byte("AWS::"))) || looksLikeKey(src, "AWSTemplateFormatVersion") {
		return CloudFormation
	}
	return ""
}

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

// Open reads the definition of machine id from template path.
func Open(path, id string) (*Opened, error) {
	t, err := Scan(path)
	if err != nil {
		return nil, err
	}
	m, err := t.Find(id)
	if err != nil {
		return nil, err
	}
	if m.Problem != "" {
		return nil, fmt.Errorf("%s: %s", m.ID, m.Problem)
	}
	src, err := os.ReadFile(m.File)
	if err != nil {
		return nil, fmt.Errorf("read definition of %s: %w", m.ID, err)
	}
	text, err := m.region.decode(src)
	if err != nil {
		return nil, fmt.Errorf("decode definition of %s: %w", m.ID, err)
	}
	l := newLines(src)
	first := l.lineOf(m.region.Start)
	m.Line = first + 1
	return &Opened{Machine: *m, Template: t.Path, Text: text, Hash: hashOf(src), Start: m.region.Start, End: m.region.End,
		StartColumn: len([]rune(string(src[l.starts[first]:m.region.Start]))) + 1, Indent: m.region.Indent}, nil
}

// Save writes text back where machine id of template path took its
// definition from, changing only the lines (or, in a JSON string, the
// characters) that differ. hash is Opened.Hash: a file changed on disk
// since it was opened is refused and nothing is written. It returns the
// definition as saved.
func Save(path, id, hash, text string) (*Opened, error) {
	o, err := Open(path, id)
	if err != nil {
		return nil, err
	}
	if o.Hash != hash {
		return nil, fmt.Errorf("%s: %w; reopen it to see the other change (nothing was written)", o.File, ErrChanged)
	}
	if o.ReadOnly != "" {
		if text == o.Text {
			return o, nil // nothing to write
		}
		return nil, fmt.Errorf("%s: %w: %s", o.ID, ErrNotEditable, o.ReadOnly)
	}
	src, err := os.ReadFile(o.File)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", o.File, err)
	}
	if hashOf(src) != hash { // changed between Open and now
		return nil, fmt.Errorf("%s: %w; reopen it to see the other change (nothing was written)", o.File, ErrChanged)
	}
	out, end, err := o.region.splice(src, o.Text, text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", o.ID, err)
	}
	saved := *o
	saved.End, saved.region.End = end, end
	saved.Hash = hashOf(out)
	if saved.Text, err = saved.region.decode(out); err != nil {
		return nil, err
	}
	if o.File == o.Template && !bytes.Equal(out, src) {
		if err := checkReads(o, out, saved.Text); err != nil {
			return nil, fmt.Errorf("%s: %w; nothing was written", o.ID, err)
		}
	}
	if !bytes.Equal(out, src) {
		if err := writeFile(o.File, out); err != nil {
			return nil, err
		}
	}
	return &saved, nil
}

func hashOf(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// writeFile replaces path atomically, keeping its mode.
func writeFile(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// checkReads makes sure the edited template still parses and still
// defines machine o.ID with the text saved, so an edit can never break the
// rest of the template (a YAML syntax error, a heredoc's end marker typed
// into the definition).
func checkReads(o *Opened, out []byte, text string) error {
	t, err := scanSource(o.Template, o.Template, out)
	if err != nil {
		return fmt.Errorf("the template would no longer read after this edit (%s)", strings.TrimPrefix(err.Error(), o.Template+": "))
	}
	m, err := t.Find(o.ID)
	if err != nil || m.Problem != "" {
		return errors.New("the template would no longer define this state machine after this edit")
	}
	got, err := m.region.decode(out)
	if err != nil {
		return err
	}
	if got == text || sameValue(got, text, o.Format) {
		return nil
	}
	return errors.New("the edit would change more of the template than the definition (check its indentation and syntax)")
}

// sameValue reports whether two definition texts parse to the same value
// (a trailing comment is outside the region a YAML block is read back as).
func sameValue(a, b string, f asl.Format) bool {
	da, err := asl.ParseFormat("", []byte(a), f)
	if err != nil {
		return false
	}
	db, err := asl.ParseFormat("", []byte(b), f)
	if err != nil {
		return false
	}
	ja, _ := json.Marshal(da.Root.Value())
	jb, _ := json.Marshal(db.Root.Value())
	return bytes.Equal(ja, jb)
}
