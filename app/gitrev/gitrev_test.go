package gitrev_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/gitrev"
	"github.com/stepstudio/stepstudio/internal/gittest"
)

// newRepo: flows/flow.asl.json at three commits, "v1" an annotated tag
// on the first, "light" a lightweight one on the second, branch "old" at
// the first; made with the git program (internal/gittest).
type testRepo struct {
	*gittest.Repo
	dir    string
	hashes []string
}

func newRepo(t *testing.T) testRepo {
	t.Helper()
	r := gittest.New(t)
	tr := testRepo{Repo: r, dir: r.Dir}
	for i, content := range []string{"one", "two", "three"} {
		r.Write("flows/flow.asl.json", content)
		if i == 1 {
			r.Write("flows/flow.studio.json", "notes")
		}
		h := r.Commit("commit "+content, 1_700_000_000+int64(i))
		tr.hashes = append(tr.hashes, h)
		switch i {
		case 0:
			r.Git("tag", "-a", "v1", "-m", "v1", h)
			r.Git("branch", "old", h)
		case 1:
			r.Git("tag", "light", h)
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
		{tr.hashes[1][:8] + ":flow.asl.json", flows, "two"},
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
