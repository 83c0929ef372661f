package gitrev_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/gitrev"
)

// Repo is a temporary repository made with go-git itself (CI may have no
// git binary): flows/flow.asl.json at three commits, "v1" an annotated
// tag on the first, "light" a lightweight one on the second, branch
// "old" at the first.
type testRepo struct {
	dir    string
	hashes []plumbing.Hash
}

func newRepo(t *testing.T) testRepo {
	t.Helper()
	dir := t.TempDir()
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, _ := r.Worktree()
	sig := &object.Signature{Name: "T", Email: "t@example.com", When: time.Unix(1_700_000_000, 0)}
	tr := testRepo{dir: dir}
	for i, content := range []string{"one", "two", "three"} {
		write(t, filepath.Join(dir, "flows", "flow.asl.json"), content)
		if i == 1 {
			write(t, filepath.Join(dir, "flows", "flow.studio.json"), "notes")
		}
		if _, err := wt.Add("flows"); err != nil {
			t.Fatal(err)
		}
		h, err := wt.Commit("commit "+content, &git.CommitOptions{Author: sig})
		if err != nil {
			t.Fatal(err)
		}
		tr.hashes = append(tr.hashes, h)
		switch i {
		case 0:
			if _, err := r.CreateTag("v1", h, &git.CreateTagOptions{Tagger: sig, Message: "v1"}); err != nil {
				t.Fatal(err)
			}
			if err := r.Storer.SetReference(plumbing.NewHashReference("refs/heads/old", h)); err != nil {
				t.Fatal(err)
			}
		case 1:
			if _, err := r.CreateTag("light", h, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	return tr
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestParseArgReadsRevisions(t *testing.T) {
	tr := newRepo(t)
	flows := filepath.Join(tr.dir, "flows")
	cases := []struct {
		arg, dir, want string
	}{
		{"HEAD:flow.asl.json", flows, "three"},
		{"HEAD~1:flow.asl.json", flows, "two"},
		{"HEAD~2:flows/flow.asl.json", tr.dir, "one"},
		{"old:flow.asl.json", flows, "one"},
		{"v1:flow.asl.json", flows, "one"},
		{"light:flow.asl.json", flows, "two"},
		{tr.hashes[1].String()[:8] + ":flow.asl.json", flows, "two"},
		{"HEAD~2:../flows/flow.asl.json", flows, "one"},
	}
	for _, c := range cases {
		t.Run(c.arg, func(t *testing.T) {
			spec, err := gitrev.ParseArg(c.arg, c.dir)
			if err != nil || spec == nil {
				t.Fatalf("ParseArg: %v, %v", spec, err)
			}
			got, err := spec.Read(files.Definitions)
			if err != nil || string(got) != c.want {
				t.Errorf("Read = %q, %v; want %q", got, err, c.want)
			}
		})
	}
}

func TestParseArgPlainPaths(t *testing.T) {
	tr := newRepo(t)
	flows := filepath.Join(tr.dir, "flows")
	// A file whose name looks like REV:path wins over the revision.
	write(t, filepath.Join(flows, "HEAD:flow.asl.json"), "a file")
	for _, arg := range []string{"flow.asl.json", "HEAD:flow.asl.json", filepath.Join(flows, "flow.asl.json")} {
		if spec, err := gitrev.ParseArg(arg, flows); spec != nil || err != nil {
			t.Errorf("%s: want a plain path, got %+v, %v", arg, spec, err)
		}
	}
}

func TestParseArgErrors(t *testing.T) {
	tr := newRepo(t)
	flows := filepath.Join(tr.dir, "flows")
	outside := t.TempDir()
	cases := []struct {
		arg, dir string
		is       error
		says     string
	}{
		{"nosuch:flow.asl.json", flows, gitrev.ErrUnknownRev, "no such revision"},
		{"HEAD~9:flow.asl.json", flows, gitrev.ErrUnknownRev, "no such revision"},
		{"HEAD:flow.asl.json", outside, gitrev.ErrNotWorkTree, "not inside a git work tree"},
		{"HEAD:", flows, nil, "no file after"},
		{"HEAD:" + filepath.Join(outside, "x.json"), flows, nil, "outside the git work tree"},
	}
	for _, c := range cases {
		t.Run(c.arg, func(t *testing.T) {
			_, err := gitrev.ParseArg(c.arg, c.dir)
			if err == nil || (c.is != nil && !errors.Is(err, c.is)) || !strings.Contains(err.Error(), c.says) {
				t.Errorf("err = %v, want %v saying %q", err, c.is, c.says)
			}
		})
	}
}

func TestReadMissingAndSibling(t *testing.T) {
	tr := newRepo(t)
	flows := filepath.Join(tr.dir, "flows")
	spec, err := gitrev.ParseArg("HEAD~2:gone.asl.json", flows)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := spec.Read(files.Definitions); !errors.Is(err, gitrev.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	spec, _ = gitrev.ParseArg("HEAD~2:flow.asl.json", flows)
	if _, ok, err := spec.ReadSibling("flows/flow.studio.json", files.Definitions); ok || err != nil {
		t.Errorf("sibling absent at HEAD~2: ok=%v err=%v", ok, err)
	}
	spec, _ = gitrev.ParseArg("HEAD:flow.asl.json", flows)
	if data, ok, err := spec.ReadSibling("flows/flow.studio.json", files.Definitions); !ok || err != nil || string(data) != "notes" {
		t.Errorf("sibling at HEAD: %q ok=%v err=%v", data, ok, err)
	}
	if _, err := spec.Read(files.Limit{Max: 3, What: "tiny files"}); !errors.Is(err, files.ErrTooLarge) {
		t.Errorf("over the cap: %v", err)
	}
}
