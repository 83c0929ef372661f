package sidecar

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestPathFor(t *testing.T) {
	for in, want := range map[string]string{
		"flows/order.asl.json": "flows/order.studio.json",
		"flows/order.asl.YAML": "flows/order.studio.json",
		"order.asl.yml":        "order.studio.json",
		"order.json":           "order.studio.json",
		"order":                "order.studio.json",
		"a.b.asl.json":         "a.b.studio.json",
	} {
		if got := PathFor(in); got != want {
			t.Errorf("PathFor(%q) = %q, want %q", in, got, want)
		}
	}
	if got := PathForTemplate("infra/template.yaml", "OrderFlow"); got != "infra/template.OrderFlow.studio.json" {
		t.Errorf("PathForTemplate = %q", got)
	}
}

func TestParseRefuses(t *testing.T) {
	for name, tc := range map[string]struct{ in, want string }{
		"not json":     {`{"version": 1,`, "not valid JSON (at byte"},
		"array":        {`[]`, "must be a JSON object"},
		"no version":   {`{"states": {}}`, `no "version" field`},
		"bad version":  {`{"version": "one"}`, `"version" must be a whole number`},
		"zero version": {`{"version": 0}`, `"version" must be a whole number`},
		"bad states":   {`{"version": 1, "states": []}`, `"states" is not what Stepstudio writes`},
		"bad thread":   {`{"version": 1, "workflow": {"threads": {}}}`, `"workflow" is not what`},
	} {
		_, err := Parse([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to say %q", name, err, tc.want)
		}
	}
}

// A file round-trips byte for byte, keys sorted, and keys of a later
// feature are kept.
func TestMarshalStableAndKeepsUnknownKeys(t *testing.T) {
	in := `{
  "deploy": {
    "name": "orders"
  },
  "states": {
    "Charge card": {
      "description": "Takes the money.",
      "position": {
        "x": 10,
        "y": 20
      }
    },
    "Approve": {
      "threads": [
        {
          "id": "t1",
          "comments": [
            {
              "id": "c1",
              "author": "Ann",
              "time": "2026-12-01T10:00:00Z",
              "text": "Who approves <large> orders?"
            }
          ]
        }
      ]
    }
  },
  "version": 1,
  "workflow": {}
}
`
	f, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	out, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	// Sorted: Approve before Charge card; deploy kept first.
	if !strings.Contains(string(out), `"deploy": {`) || strings.Index(string(out), `"Approve"`) > strings.Index(string(out), `"Charge card"`) {
		t.Fatalf("not sorted or extra key lost:\n%s", out)
	}
	again, _ := Parse(out)
	out2, _ := again.Marshal()
	if string(out2) != string(out) {
		t.Fatalf("second write differs:\n%s\n%s", out, out2)
	}
	if !strings.Contains(string(out), "<large>") {
		t.Error("text was HTML-escaped; the file should read as typed")
	}
}

func TestNewerVersionIsReadNotWritten(t *testing.T) {
	f, err := Parse([]byte(`{"version": 2, "states": {"A": {"description": "x"}}, "future": true}`))
	if err != nil {
		t.Fatal(err)
	}
	if f.Description("A", "c") != "x" {
		t.Error("a newer file's descriptions should still be read")
	}
	if _, err := f.Marshal(); !errors.Is(err, ErrNewer) {
		t.Fatalf("Marshal of a version-2 file: %v, want ErrNewer", err)
	}
}

func seqIDs() func() string {
	n := 0
	return func() string { n++; return fmt.Sprintf("id%d", n) }
}

func TestOps(t *testing.T) {
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	f := New()
	id := seqIDs()
	must := func(op Op) {
		t.Helper()
		if err := f.Apply(op, now, id); err != nil {
			t.Fatalf("%+v: %v", op, err)
		}
	}
	must(Op{Kind: OpComment, State: "Approve", Text: "Who approves?", Author: "Ann"})
	must(Op{Kind: OpComment, Text: "Whole flow is slow", Author: "Bo"})
	must(Op{Kind: OpReply, Thread: "id1", Text: "The manager.", Author: "Bo"})
	must(Op{Kind: OpResolve, Thread: "id1"})
	if open := f.OpenThreads(); len(open) != 1 || open[0].State != "" {
		t.Fatalf("open threads = %+v, want the workflow's only", open)
	}
	must(Op{Kind: OpReopen, Thread: "id1"})
	if all := f.Threads(); len(all) != 2 || len(all[1].Thread.Comments) != 2 || all[1].Thread.Comments[1].Author != "Bo" {
		t.Fatalf("threads = %+v", all)
	}
	must(Op{Kind: OpDescribe, State: "Approve", Text: "  A manager approves large orders. "})
	must(Op{Kind: OpPin, State: "Approve", X: 10.4, Y: -3.6})
	if p := f.States["Approve"].Position; *p != (Point{10, -4}) {
		t.Errorf("pinned at %+v", *p)
	}
	must(Op{Kind: OpRename, State: "Approve", To: "Get approval"})
	if f.States["Approve"] != nil || f.Description("Get approval", "") != "A manager approves large orders." {
		t.Fatalf("rename did not carry the notes: %+v", f.States)
	}
	must(Op{Kind: OpUnpinAll})
	if f.States["Get approval"].Position != nil {
		t.Error("tidy up kept a pin")
	}
	must(Op{Kind: OpDelete, Thread: "id1", Comment: "id2"})
	must(Op{Kind: OpDelete, Thread: "id1", Comment: "id5"})
	if len(f.States["Get approval"].Threads) != 0 {
		t.Error("deleting a thread's last comment should remove the thread")
	}
	for _, bad := range []Op{
		{Kind: OpReply, Thread: "nope", Text: "x"},
		{Kind: OpComment, Text: "   "},
		{Kind: OpPin, State: "A", X: math.Inf(1)},
		{Kind: OpPin, X: 1},
		{Kind: OpComment, Text: strings.Repeat("x", MaxText+1)},
		{Kind: "paint"},
	} {
		if err := f.Apply(bad, now, id); err == nil {
			t.Errorf("%+v was accepted", bad)
		}
	}
}

func TestRenameMergesIntoExistingNotes(t *testing.T) {
	f := New()
	f.Entry("Old").Description = "from old"
	f.Entry("Old").Threads = []Thread{{ID: "a"}}
	f.Entry("New").Threads = []Thread{{ID: "b"}}
	f.Rename("Old", "New")
	e := f.States["New"]
	if e.Description != "from old" || len(e.Threads) != 2 {
		t.Fatalf("merged entry = %+v", e)
	}
}

func TestOrphansAndDescription(t *testing.T) {
	f := New()
	f.Entry("Gone").Description = "x"
	f.Entry("Here").Description = ""
	f.Entry("Here").Position = &Point{1, 2}
	f.Entry("Empty")
	if got := f.Orphans([]string{"Here"}); len(got) != 1 || got[0] != "Gone" {
		t.Errorf("orphans = %v, want [Gone] (an empty entry is no orphan)", got)
	}
	if f.Description("Here", "ASL comment") != "ASL comment" {
		t.Error("the ASL Comment should be the default description")
	}
}

func TestUpdateKeepsConcurrentChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "flow.studio.json")
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				if _, err := Update(path, []Op{{Kind: OpComment, State: "S" + strconv.Itoa(w), Text: strconv.Itoa(i)}}, time.Now()); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(f.Threads()); n != 40 {
		t.Fatalf("%d threads after 40 comments from 4 writers", n)
	}
}

// Two processes (two studios on one file) adding comments at once: every
// comment survives.
func TestUpdateFromTwoProcesses(t *testing.T) {
	if path := os.Getenv("SIDECAR_TEST_WRITER"); path != "" {
		for i := range 25 {
			if _, err := Update(path, []Op{{Kind: OpComment, State: os.Getenv("SIDECAR_TEST_STATE"), Text: strconv.Itoa(i)}}, time.Now()); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	path := filepath.Join(t.TempDir(), "flow.studio.json")
	var cmds []*exec.Cmd
	for _, state := range []string{"A", "B"} {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestUpdateFromTwoProcesses$")
		cmd.Env = append(os.Environ(), "SIDECAR_TEST_WRITER="+path, "SIDECAR_TEST_STATE="+state)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Fatal(err)
		}
	}
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := len(f.States["A"].Threads), len(f.States["B"].Threads); a != 25 || b != 25 {
		t.Fatalf("threads A=%d B=%d, want 25 each", a, b)
	}
}

func TestUpdateRefusesNonSidecarAndBadFiles(t *testing.T) {
	dir := t.TempDir()
	if _, err := Update(filepath.Join(dir, "flow.asl.json"), nil, time.Now()); err == nil {
		t.Error("Update wrote a file that is no sidecar")
	}
	bad := filepath.Join(dir, "flow.studio.json")
	os.WriteFile(bad, []byte("{oops"), 0o644)
	if _, err := Update(bad, []Op{{Kind: OpComment, Text: "x"}}, time.Now()); err == nil || !strings.Contains(err.Error(), "flow.studio.json") {
		t.Errorf("a broken file: err = %v, want it named", err)
	}
	if b, _ := os.ReadFile(bad); string(b) != "{oops" {
		t.Error("a broken notes file was overwritten")
	}
}

func TestCarry(t *testing.T) {
	dir := t.TempDir()
	from, to := filepath.Join(dir, "a.asl.json"), filepath.Join(dir, "b.asl.yaml")
	if err := Carry(from, to, false); err != nil {
		t.Fatalf("no sidecar to carry: %v", err)
	}
	if _, err := Update(PathFor(from), []Op{{Kind: OpDescribe, State: "S", Text: "d"}}, time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := Carry(from, to, false); err != nil {
		t.Fatal(err)
	}
	f, _ := Load(PathFor(to))
	if f.Description("S", "") != "d" {
		t.Fatal("Save As lost the notes")
	}
	if err := Carry(from, to, false); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("carry over an existing sidecar: %v, want ErrExist", err)
	}
	if err := Carry(from, to, true); err != nil {
		t.Fatal(err)
	}
}

func TestGitAuthor(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("USER", "login")
	// Only the files this test writes: not the machine's, not one the
	// environment names instead of HOME's.
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_CONFIG_GLOBAL", "")
	os.Unsetenv("GIT_CONFIG_GLOBAL")
	if got := GitAuthor(""); got != "login" {
		t.Errorf("no git config: %q, want the login name", got)
	}
	os.WriteFile(filepath.Join(home, ".gitconfig"), []byte("[user]\n\tname = Ann Global\n"), 0o644)
	if got := GitAuthor(""); got != "Ann Global" {
		t.Errorf("global config: %q", got)
	}
	repo := t.TempDir()
	os.MkdirAll(filepath.Join(repo, ".git"), 0o755)
	os.WriteFile(filepath.Join(repo, ".git", "HEAD"), []byte("ref: refs/heads/main\n"), 0o644)
	os.MkdirAll(filepath.Join(repo, ".git", "objects"), 0o755)
	os.MkdirAll(filepath.Join(repo, ".git", "refs"), 0o755)
	os.WriteFile(filepath.Join(repo, ".git", "config"), []byte("[core]\n\tbare = false\n[user]\n\tname = Bo Repo\n"), 0o644)
	os.MkdirAll(filepath.Join(repo, "flows"), 0o755)
	if got := GitAuthor(filepath.Join(repo, "flows")); got != "Bo Repo" {
		t.Errorf("repository config: %q", got)
	}
	// Without the git program: the login name.
	t.Setenv("PATH", t.TempDir())
	if got := GitAuthor(filepath.Join(repo, "flows")); got != "login" {
		t.Errorf("no git: %q, want the login name", got)
	}
}

// The deploy section survives a round trip, is left out when absent, and
// an older file without it still parses.
func TestDeploySection(t *testing.T) {
	f := New()
	f.Deploy = &Deploy{Name: "orders", Type: "EXPRESS", RoleArn: "arn:aws:iam::1:role/r", Tracing: true,
		Logging: &DeployLogging{Level: "ALL", Destination: "arn:aws:logs:us-east-1:1:log-group:g:*"},
		Pulled:  &DeployPulled{Hash: "sha256:ab", RevisionID: "r1"}}
	b, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	g, err := Parse(b)
	if err != nil || g.Deploy == nil || *g.Deploy.Logging != *f.Deploy.Logging || *g.Deploy.Pulled != *f.Deploy.Pulled || g.Deploy.Name != "orders" {
		t.Fatalf("round trip: %v %+v\n%s", err, g.Deploy, b)
	}
	if b2, _ := g.Marshal(); string(b2) != string(b) {
		t.Errorf("not stable:\n%s\n%s", b, b2)
	}
	plain, _ := New().Marshal()
	if strings.Contains(string(plain), "deploy") {
		t.Errorf("empty file writes a deploy section: %s", plain)
	}
	if _, err := Parse([]byte(`{"version":1,"deploy":"nope"}`)); err == nil {
		t.Error("a deploy section that is no object was accepted")
	}
}
