package cli

import (
	"errors"
	"flag"

	"github.com/stepstudio/stepstudio/app/iac"
)

// projectFlags adds the flags that say where the files a template
// references may be: --project-root DIR (default: each template's own
// folder) and --allow-outside-project.
func projectFlags(fs *flag.FlagSet) *iac.Project {
	p := &iac.Project{}
	fs.StringVar(&p.Root, "project-root", "", "templates: the project folder the files they reference must be in (default: the template's folder)")
	fs.BoolVar(&p.AllowOutside, "allow-outside-project", false, "templates: read referenced files outside the project folder too (absolute paths, .., links out)")
	return p
}

// outsideHint is what to do about a reference refused for leaving the
// project folder.
const outsideHint = "; if that file is meant to be read, name the project with --project-root DIR or pass --allow-outside-project"

// withOutsideHint adds outsideHint to an error refusing such a reference.
func withOutsideHint(err error) error {
	if errors.Is(err, iac.ErrOutsideProject) {
		return &hinted{err}
	}
	return err
}

type hinted struct{ err error }

func (h *hinted) Error() string { return h.err.Error() + outsideHint }
func (h *hinted) Unwrap() error { return h.err }
