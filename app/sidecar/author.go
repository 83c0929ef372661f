package sidecar

import (
	"os"
	"strings"

	git "github.com/go-git/go-git/v5"
	gitconfig "github.com/go-git/go-git/v5/config"
)

// GitAuthor is the name comments are signed with when the user has not
// set one: user.name of the git repository holding dir, else of the
// user's global git config, else the login name. Read with go-git, so no
// git binary is needed.
func GitAuthor(dir string) string {
	if dir != "" {
		if repo, err := git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{DetectDotGit: true}); err == nil {
			if c, err := repo.Config(); err == nil && strings.TrimSpace(c.User.Name) != "" {
				return strings.TrimSpace(c.User.Name)
			}
		}
	}
	if c, err := gitconfig.LoadConfig(gitconfig.GlobalScope); err == nil && strings.TrimSpace(c.User.Name) != "" {
		return strings.TrimSpace(c.User.Name)
	}
	for _, v := range []string{"USER", "USERNAME"} {
		if s := os.Getenv(v); s != "" {
			return s
		}
	}
	return "Someone"
}
