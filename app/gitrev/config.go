package gitrev

import "strings"

// UserName is git's user.name for the repository holding dir (its own
// config, else the user's and the system's, as git reads them), else the
// user's global one; "" when none is set or there is no git. config --get
// only reads config files: it starts no program, whatever they say.
func UserName(dir string) string {
	if dir != "" {
		if out, err := run(dir, outputLimit, "config", "--get", "user.name"); err == nil && strings.TrimSpace(string(out)) != "" {
			return strings.TrimSpace(string(out))
		}
	}
	// Outside a repository (or with dir gone) the global file still says.
	out, err := run(".", outputLimit, "config", "--global", "--get", "user.name")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}
