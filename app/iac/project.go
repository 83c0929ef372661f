package iac

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/stepstudio/stepstudio/app/files"
)

// Project says where the files a template references may be. A template
// is often someone else's (a cloned repository, a pull request), and
// DefinitionUri: ../../../etc/passwd, file("/home/me/.aws/credentials")
// or a link in the repository pointing out of it would otherwise be read
// and shown, exported or validated: such references are refused unless
// the user says otherwise.
type Project struct {
	// Root is the project folder: a referenced file must be inside it,
	// also once its symbolic links are resolved. "" is the template's
	// own folder.
	Root string
	// AllowOutside reads referenced files wherever they are (the CLI's
	// --allow-outside-project); they are still read with the size cap and
	// only when they are regular files.
	AllowOutside bool
}

// ErrOutsideProject is matched (errors.Is) by the error of opening a
// machine whose definition file is outside the project folder.
var ErrOutsideProject = errors.New("referenced file outside the project folder")

// PosError is a problem at a line and column of a file: a template that
// does not read, or a reference Stepstudio refuses to follow. Its text is
// "file:line:column: message".
type PosError struct {
	File   string
	Line   int
	Column int
	Msg    string
	Err    error // what errors.Is matches (ErrOutsideProject, …); may be nil
}

func (e *PosError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

func (e *PosError) Unwrap() error { return e.Err }

// resolver follows the file references of one template.
type resolver struct {
	root  string // absolute project folder
	allow bool
}

func (p Project) resolver(template string) (resolver, error) {
	root := p.Root
	if root == "" {
		root = filepath.Dir(template)
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return resolver{}, err
	}
	return resolver{root: abs, allow: p.AllowOutside}, nil
}

// reference is a file a template names, and where it names it.
type reference struct {
	what      string // "DefinitionUri", "file()", "${file()}"
	text      string // the path as written
	path      string // where it leads: joined with the template's folder
	absolute  bool   // written as an absolute path
	line, col int
}

// fileRef points m at the whole file ref names, read with the size cap
// and only when it is a regular file inside the project folder (unless
// the project allows outside files). A refusal is a Problem of m, located
// at the reference.
func (rs resolver) fileRef(m *Machine, ref reference) {
	var (
		src []byte
		err error
	)
	shown := ref.path
	if rel, rerr := filepath.Rel(filepath.Dir(m.File), ref.path); rerr == nil {
		shown = rel
	}
	outside := func(resolved string) {
		m.Problem = fmt.Sprintf("%s %s leads to %s, outside the project folder %s; Stepstudio reads only files inside the project", ref.what, ref.text, resolved, rs.root)
		m.Broken, m.outside = true, true
		m.Line, m.column = ref.line, ref.col
	}
	rel, rerr := filepath.Rel(rs.root, ref.path)
	switch {
	case rs.allow:
		src, err = files.ReadFile(ref.path, files.Definitions)
	case ref.absolute:
		outside(filepath.Clean(ref.text))
		return
	case rerr != nil || !filepath.IsLocal(rel):
		outside(ref.path)
		return
	default:
		src, err = files.ReadIn(rs.root, rel, files.Definitions)
	}
	var oe *files.OutsideError
	switch {
	case errors.As(err, &oe):
		outside(oe.Resolved)
		return
	case errors.Is(err, fs.ErrNotExist):
		m.Problem = fmt.Sprintf("%s refers to %s, which does not exist (broken reference)", ref.what, shown)
		m.Broken = true
		m.Line, m.column = ref.line, ref.col
		return
	case err != nil:
		m.Problem = fmt.Sprintf("%s refers to %s, which cannot be read: %v", ref.what, shown, err)
		m.Broken = true
		m.Line, m.column = ref.line, ref.col
		return
	}
	m.File, m.Line, m.src = ref.path, 1, src
	m.region = region{Start: 0, End: len(src), Codec: codecLines}
	m.Format = formatOf(src)
	if strings.HasSuffix(ref.path, ".yaml") || strings.HasSuffix(ref.path, ".yml") {
		m.Format = "yaml"
	}
}

// write replaces the file o's definition lives in: the template in its
// own folder, a referenced file inside the project folder (or where it
// is, when the project allows outside files). Never through a link.
func (rs resolver) write(o *Opened, data []byte) error {
	if o.File == o.Template || rs.allow {
		return files.Write(o.File, data)
	}
	rel, err := filepath.Rel(rs.root, o.File)
	if err != nil {
		return err
	}
	_, err = files.WriteIn(rs.root, rel, data, 0o644)
	return err
}
