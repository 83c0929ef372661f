// Package gittest makes git repositories for tests with the git program,
// the one app/gitrev reads them with. Without git the tests fail loudly:
// CI clones the repository, so git is there, and a skipped test would
// hide a studio that cannot compare revisions.
package gittest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Repo is a temporary work tree.
type Repo struct {
	tb     testing.TB
	Dir    string
	Author string // the name commits are made by; "T" unless set
}

// New makes an empty repository (branch main) in a temporary folder.
func New(tb testing.TB) *Repo {
	tb.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		tb.Fatalf("these tests need the git program on PATH: %v", err)
	}
	r := &Repo{tb: tb, Dir: tb.TempDir(), Author: "T"}
	r.Git("init", "-q", "-b", "main")
	return r
}

// Git runs git in the work tree at the fixed date and returns its output.
// The user's and the system's git config are not read, so a signing or
// hook setting there cannot change what the test makes.
func (r *Repo) Git(args ...string) string {
	r.tb.Helper()
	return r.GitAt(1_700_000_000, args...)
}

// GitAt runs git with the author and committer dates at unix time at.
func (r *Repo) GitAt(at int64, args ...string) string {
	r.tb.Helper()
	email := strings.ToLower(strings.Fields(r.Author + " x")[0])
	full := append([]string{"-C", r.Dir, "-c", "user.name=" + r.Author, "-c", "user.email=" + email + "@example.com",
		"-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", "-c", "core.hooksPath=" + os.DevNull}, args...)
	cmd := exec.Command("git", full...)
	date := fmt.Sprintf("@%d +0000", at)
	cmd.Env = append(Env(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.tb.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// Env is the environment without anything pointing git elsewhere (a test
// run from a hook has GIT_DIR set) and without the user's config.
func Env() []string {
	var out []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") {
			out = append(out, kv)
		}
	}
	return append(out, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
}

// Write writes a file of the work tree (rel slash-separated), making its
// folders.
func (r *Repo) Write(rel, content string) string {
	r.tb.Helper()
	p := filepath.Join(r.Dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.tb.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		r.tb.Fatal(err)
	}
	return p
}

// Commit stages everything and commits it at unix time at; it returns
// the commit's hash.
func (r *Repo) Commit(msg string, at int64) string {
	r.tb.Helper()
	r.GitAt(at, "add", "-A")
	r.GitAt(at, "commit", "-q", "--allow-empty", "-m", msg)
	return r.Git("rev-parse", "HEAD")
}
