package sidecar

import (
	"os"

	"github.com/stepstudio/stepstudio/app/gitrev"
)

// GitAuthor is the name comments are signed with when the user has not
// set one: user.name of the git repository holding dir, else of the
// user's global git config (both read with the git program), else the
// login name.
func GitAuthor(dir string) string {
	if name := gitrev.UserName(dir); name != "" {
		return name
	}
	for _, v := range []string{"USER", "USERNAME"} {
		if s := os.Getenv(v); s != "" {
			return s
		}
	}
	return "Someone"
}
