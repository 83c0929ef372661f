package iac

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

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

// Open reads the definition of machine id from template path, following
// file references inside the template's own folder only (see Project).
func Open(path, id string) (*Opened, error) { return Project{}.Open(path, id) }

// Open reads the definition of machine id from template path.
func (p Project) Open(path, id string) (*Opened, error) {
	t, err := p.Scan(path)
	if err != nil {
		return nil, err
	}
	m, err := t.Find(id)
	if err != nil {
		return nil, err
	}
	return open(t, m)
}

// open is the definition of m, one of t's machines, from the bytes the
// scan read. A machine that cannot be opened gives its Problem; one whose
// file reference was refused gives it located at the reference.
func open(t *Template, m *Machine) (*Opened, error) {
	if m.outside {
		return nil, &PosError{File: m.File, Line: m.Line, Column: m.column, Msg: m.ID + ": " + m.Problem, Err: ErrOutsideProject}
	}
	if m.Problem != "" {
		return nil, fmt.Errorf("%s: %s", m.ID, m.Problem)
	}
	src := m.src
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
// definition from; see Project.Save.
func Save(path, id, hash, text string) (*Opened, error) { return Project{}.Save(path, id, hash, text) }

// Save writes text back where machine id of template path took its
// definition from, changing only the lines (or, in a JSON string, the
// characters) that differ. hash is Opened.Hash: a file changed on disk
// since it was opened is refused and nothing is written. The file is
// replaced atomically (files.WriteIn), never through a symbolic link, a
// referenced file only inside the project folder. It returns the
// definition as saved.
func (p Project) Save(path, id, hash, text string) (*Opened, error) {
	o, err := p.Open(path, id)
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
	src := o.src
	out, end, err := o.region.splice(src, o.Text, text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", o.ID, err)
	}
	saved := *o
	saved.End, saved.region.End = end, end
	saved.Hash = hashOf(out)
	saved.src = out
	if saved.Text, err = saved.region.decode(out); err != nil {
		return nil, err
	}
	rs, err := p.resolver(o.Template)
	if err != nil {
		return nil, err
	}
	if o.File == o.Template && !bytes.Equal(out, src) {
		if err := checkReads(o, out, saved.Text, rs); err != nil {
			return nil, fmt.Errorf("%s: %w; nothing was written", o.ID, err)
		}
	}
	if !bytes.Equal(out, src) {
		if err := rs.write(o, out); err != nil {
			return nil, fmt.Errorf("%s: %w; nothing was written", o.ID, err)
		}
	}
	return &saved, nil
}

func hashOf(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// checkReads makes sure the edited template still parses and still
// defines machine o.ID with the text saved, so an edit can never break the
// rest of the template (a YAML syntax error, a heredoc's end marker typed
// into the definition).
func checkReads(o *Opened, out []byte, text string, rs resolver) error {
	t, err := scanSource(o.Template, o.Template, out, rs)
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
