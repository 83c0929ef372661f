package gitrev_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/gitrev"
	"github.com/stepstudio/stepstudio/internal/gittest"
)

// A revision that looks like an option is a revision git does not know,
// never an option of rev-parse (--git-dir would print a path, an --output
// would write a file). Resolve passes --end-of-options, and the "^{commit}"
// it appends would already keep rev-parse from taking one as an option.
func TestRevisionsThatLookLikeOptions(t *testing.T) {
	tr := newRepo(t)
	repo, err := gitrev.Open(tr.dir)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "written")
	for _, rev := range []string{"-x", "--git-dir", "--show-toplevel", "--output=" + out, "-"} {
		if c, err := repo.Resolve(rev); !errors.Is(err, gitrev.ErrUnknownRev) {
			t.Errorf("Resolve(%q) = %+v, %v; want ErrUnknownRev", rev, c, err)
		}
	}
	if _, err := gitrev.ParseArg("--git-dir:flow.asl.json", filepath.Join(tr.dir, "flows")); !errors.Is(err, gitrev.ErrUnknownRev) {
		t.Errorf("ParseArg(--git-dir:...): %v", err)
	}
	if _, err := os.Lstat(out); err == nil {
		t.Error("a revision wrote a file")
	}
}

// Paths are literal: spaces, non-ASCII letters, glob or pathspec magic
// characters and a leading "-" name one file, in Read and in Log.
func TestPathsAreLiteral(t *testing.T) {
	r := gittest.New(t)
	names := []string{"flows/my flow é.asl.json", "flows/a*.asl.json", ":(top)x.json", "--output=x.json", "-p"}
	for _, n := range names {
		r.Write(n, "content of "+n)
	}
	r.Write("flows/abc.asl.json", "matched by a glob")
	h := r.Commit("files", 1_700_000_000)
	repo, err := gitrev.Open(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := repo.Resolve(h[:10])
	if err != nil || c.Hash != h || c.Subject != "files" || c.Author != "T" || c.When.Unix() != 1_700_000_000 {
		t.Fatalf("Resolve = %+v, %v", c, err)
	}
	for _, n := range names {
		got, err := repo.Read(c, n, files.Definitions)
		if err != nil || string(got) != "content of "+n {
			t.Errorf("Read(%q) = %q, %v", n, got, err)
		}
		list, err := repo.Log(n, 10)
		if err != nil || len(list) != 1 || list[0].Hash != h {
			t.Errorf("Log(%q) = %+v, %v", n, list, err)
		}
	}
	spec, err := gitrev.ParseArg("HEAD:my flow é.asl.json", filepath.Join(r.Dir, "flows"))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := spec.Read(files.Definitions); err != nil || !strings.HasPrefix(string(got), "content of") {
		t.Errorf("ParseArg read %q, %v", got, err)
	}
}

// What a revision holds at a path that is not a regular file: a folder
// is "no such file", a symbolic link and a submodule are refused by kind.
func TestReadRefusesWhatIsNotAFile(t *testing.T) {
	r := gittest.New(t)
	r.Write("flows/flow.asl.json", "x")
	if err := os.Symlink("flow.asl.json", filepath.Join(r.Dir, "flows", "link.asl.json")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	h := r.Commit("one", 1_700_000_000)
	r.Git("update-index", "--add", "--cacheinfo", "160000,"+h+",sub")
	r.Git("commit", "-q", "-m", "a submodule")
	repo, err := gitrev.Open(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := repo.Resolve("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		rel  string
		is   error
		says string
	}{
		{"flows", gitrev.ErrNotExist, ""},
		{"flows/link.asl.json", nil, "is not a regular file"},
		{"sub", nil, "is not a regular file"},
		{"flows/flow.asl.json/x", gitrev.ErrNotExist, ""},
	} {
		_, err := repo.Read(c, tc.rel, files.Definitions)
		if err == nil || (tc.is != nil && !errors.Is(err, tc.is)) || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("Read(%s) = %v; want %v saying %q", tc.rel, err, tc.is, tc.says)
		}
	}
}

// A file over the limit is refused from its tree entry's size, before
// cat-file reads it: the message is the short one Read makes, not the
// bounded reader's "is over ..." of a stream it cut.
func TestReadRefusesALargeFileBeforeReading(t *testing.T) {
	r := gittest.New(t)
	r.Write("big.json", strings.Repeat("x", 2000))
	r.Commit("big", 1_700_000_000)
	repo, err := gitrev.Open(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := repo.Resolve("HEAD")
	_, err = repo.Read(c, "big.json", files.Limit{Max: 1999, What: "tests"})
	if !errors.Is(err, files.ErrTooLarge) || err.Error() != "big.json at "+c.Short()+": file too large" {
		t.Errorf("over the limit: %v", err)
	}
	if data, err := repo.Read(c, "big.json", files.Limit{Max: 2000, What: "tests"}); err != nil || len(data) != 2000 {
		t.Errorf("at the limit: %d bytes, %v", len(data), err)
	}
}

// A bare repository, a folder inside .git, a folder that is no repository
// and one that does not exist are all "not a work tree".
func TestOpenNotAWorkTree(t *testing.T) {
	bare := t.TempDir()
	cmd := gittest.New(t)
	cmd.Git("init", "-q", "--bare", bare)
	for _, dir := range []string{bare, filepath.Join(cmd.Dir, ".git"), t.TempDir(), filepath.Join(t.TempDir(), "gone")} {
		if _, err := gitrev.Open(dir); !errors.Is(err, gitrev.ErrNotWorkTree) {
			t.Errorf("Open(%s) = %v, want ErrNotWorkTree", dir, err)
		}
	}
}

// An empty repository: no HEAD yet, so no revisions and no error.
func TestLogOfAnEmptyRepository(t *testing.T) {
	r := gittest.New(t)
	repo, err := gitrev.Open(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if list, err := repo.Log("flow.asl.json", 50); err != nil || list == nil || len(list) != 0 {
		t.Errorf("Log = %#v, %v; want an empty list", list, err)
	}
}

// Without git on PATH, Open says plainly that git is needed.
func TestNoGitProgram(t *testing.T) {
	tr := newRepo(t)
	t.Setenv("PATH", t.TempDir())
	_, err := gitrev.Open(tr.dir)
	if !errors.Is(err, gitrev.ErrNoGit) || !strings.Contains(err.Error(), "needs git installed") {
		t.Errorf("Open without git: %v", err)
	}
	if _, err := gitrev.ParseArg("HEAD:flow.asl.json", filepath.Join(tr.dir, "flows")); !errors.Is(err, gitrev.ErrNoGit) {
		t.Errorf("ParseArg without git: %v", err)
	}
}

// GIT_DIR and GIT_WORK_TREE (set in a git hook) do not redirect the read
// to another repository.
func TestEnvironmentDoesNotRedirect(t *testing.T) {
	tr := newRepo(t)
	other := gittest.New(t)
	other.Write("flows/flow.asl.json", "other")
	other.Commit("other", 1_700_000_000)
	t.Setenv("GIT_DIR", filepath.Join(other.Dir, ".git"))
	t.Setenv("GIT_WORK_TREE", other.Dir)
	spec, err := gitrev.ParseArg("HEAD:flow.asl.json", filepath.Join(tr.dir, "flows"))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := spec.Read(files.Definitions); err != nil || string(got) != "three" {
		t.Errorf("Read = %q, %v; want this repository's %q", got, err, "three")
	}
}

// A downloaded repository's config may name programs (an fsmonitor, a
// pager, a gpg to check signatures with, an external diff): reading
// revisions starts none of them. The head commit carries a signature, so
// a log that checked signatures would start gpg.program.
func TestHostileConfigStartsNoProgram(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the trap is a shell script")
	}
	r := gittest.New(t)
	r.Write("flows/flow.asl.json", "one")
	h := r.Commit("one", 1_700_000_000)
	tree := r.Git("rev-parse", h+"^{tree}")
	signed := "tree " + tree + "\nparent " + h + "\nauthor T <t@example.com> 1700000001 +0000\ncommitter T <t@example.com> 1700000001 +0000\n" +
		"gpgsig -----BEGIN PGP SIGNATURE-----\n \n AAAA\n -----END PGP SIGNATURE-----\n\nsigned\n"
	obj := filepath.Join(t.TempDir(), "commit")
	write(t, obj, signed)
	c := r.Git("hash-object", "-t", "commit", "-w", obj)
	r.Git("update-ref", "refs/heads/main", c)

	marker := filepath.Join(t.TempDir(), "ran")
	trap := filepath.Join(t.TempDir(), "trap.sh")
	write(t, trap, "#!/bin/sh\necho \"$0 $*\" >>'"+marker+"'\ncat >/dev/null\nexit 1\n")
	if err := os.Chmod(trap, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, kv := range [][2]string{{"core.fsmonitor", trap}, {"core.pager", trap}, {"gpg.program", trap},
		{"log.showSignature", "true"}, {"diff.external", trap}, {"core.hooksPath", filepath.Dir(trap)},
		{"pager.log", trap}, {"user.name", "Hostile Name"}} {
		r.Git("config", kv[0], kv[1])
	}

	repo, err := gitrev.Open(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	head, err := repo.Resolve("HEAD")
	if err != nil || head.Hash != c || head.Subject != "signed" {
		t.Fatalf("Resolve = %+v, %v", head, err)
	}
	if got, err := repo.Read(head, "flows/flow.asl.json", files.Definitions); err != nil || string(got) != "one" {
		t.Errorf("Read = %q, %v", got, err)
	}
	if list, err := repo.Log("flows/flow.asl.json", 10); err != nil || len(list) != 1 {
		t.Errorf("Log = %+v, %v", list, err)
	}
	if got := gitrev.UserName(filepath.Join(r.Dir, "flows")); got != "Hostile Name" {
		t.Errorf("UserName = %q", got)
	}
	if ran, err := os.ReadFile(marker); err == nil {
		t.Errorf("a configured program ran:\n%s", ran)
	}
}
