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
