package app

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/app/runs"
)

const helperEnv = "STEPSTUDIO_TEST_RUNS_HELPER"

// helperReport is what TestHelperProcess saw, printed on one line.
type helperReport struct {
	StoreError string
	Listed     int
	Err        string
}

// TestHelperProcess is not a test by itself: the tests below run the test
// binary again with it, to start the run service the way the studio does
// at start-up (NewRuns, with the store at RunsStoreEnv) in a process of
// its own. A SIGBUS or a panic there ends that process, and the parent
// sees how it ended: recover() in the parent could not catch a SIGBUS.
// It runs one workflow, lists the runs and closes the service.
func TestHelperProcess(t *testing.T) {
	if os.Getenv(helperEnv) != "1" {
		t.Skip("run by the tests of a damaged run store")
	}
	r := NewRuns()
	rep := helperReport{StoreError: r.StoreError()}
	err := runOnce(r)
	if err == nil {
		var list []runs.Meta
		list, err = r.List("w")
		rep.Listed = len(list)
	}
	if err != nil {
		rep.Err = err.Error()
	}
	r.shutdown(context.Background())
	b, _ := json.Marshal(rep)
	fmt.Printf("\nHELPER %s\n", b)
}

func runOnce(r *Runs) error {
	id, err := r.Start(runsReq())
	if err != nil {
		return err
	}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if u, err := r.Snapshot(id, 0); err != nil || !u.Live {
			return err
		}
	}
	return fmt.Errorf("run %s did not end", id)
}

// startStudio runs TestHelperProcess with the store at path, checks the
// process ended cleanly, and returns its report.
func startStudio(t *testing.T, path string) helperReport {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperEnv+"=1", RunsStoreEnv+"="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the studio did not start cleanly (%v; %s):\n%s", err, cmd.ProcessState, out)
	}
	_, line, ok := bytes.Cut(out, []byte("\nHELPER "))
	var rep helperReport
	if !ok || json.Unmarshal(bytes.SplitN(line, []byte("\n"), 2)[0], &rep) != nil {
		t.Fatalf("no report from the helper:\n%s", out)
	}
	if rep.Err != "" {
		t.Fatalf("runs failed: %s", rep.Err)
	}
	return rep
}

// soundStore is a store holding n runs of workflow w, as bytes.
func soundStore(t *testing.T, n int) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "runs.db")
	r := newRuns(&wailsEmitter{}, nil, path)
	for range n {
		if err := runOnce(r); err != nil {
			t.Fatal(err)
		}
	}
	r.shutdown(context.Background())
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The studio starts on a damaged run store, cut short or with bits
// flipped, in a process of its own: it ends cleanly, the damaged file is
// moved aside whole, the studio says so and where, and the new, empty
// history in its place keeps runs.
func TestStartupOnDamagedStore(t *testing.T) {
	sound := soundStore(t, 3)
	ne := binary.NativeEndian
	ps := int64(ne.Uint32(sound[16+8:]))
	used := int64(ne.Uint64(sound[16+40:])) * ps // high water mark of meta 0
	flip := func(offs ...int64) []byte {
		b := bytes.Clone(sound)
		for _, off := range offs {
			b[off] ^= 1
		}
		return b
	}
	var headers []int64
	for id := int64(2); id*ps < used; id++ {
		headers = append(headers, id*ps)
	}
	cases := map[string][]byte{
		"empty":                    {},
		"cut in meta page 0":       sound[:100],
		"cut in meta page 1":       sound[:ps+ps/2],
		"cut before the last page": sound[:used-ps],
		"cut in the last page":     sound[:used-ps/2],
		"meta 0 checksum":          flip(16 + 56),
		"both meta pages":          flip(16, ps+16),
		"every page header":        flip(headers...),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "runs.db")
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			rep := startStudio(t, path)
			aside, _ := filepath.Glob(path + ".damaged-*")
			if len(aside) != 1 {
				t.Fatalf("moved aside: %v", aside)
			}
			if b, _ := os.ReadFile(aside[0]); !bytes.Equal(b, data) {
				t.Error("the file moved aside is not the damaged file")
			}
			if !strings.HasPrefix(rep.StoreError, "The run history could not be read") || !strings.Contains(rep.StoreError, aside[0]) {
				t.Errorf("StoreError: %q", rep.StoreError)
			}
			if rep.Listed != 1 {
				t.Errorf("listed %d runs in the new history, want the 1 just made", rep.Listed)
			}
			assertStore(t, path, 1)
		})
	}
}

// assertStore checks the store at path opens sound with want runs of w.
func assertStore(t *testing.T, path string, want int) {
	t.Helper()
	st, err := runs.OpenStore(path)
	if err != nil || st.Problem() != "" {
		t.Fatalf("reopen: %v %q", err, st.Problem())
	}
	defer st.Close()
	if list, err := st.List("w"); err != nil || len(list) != want {
		t.Fatalf("reopen: %d runs (%v), want %d", len(list), err, want)
	}
}

// The same start on a sound store keeps its runs and says nothing; on a
// store another studio holds, it says so and leaves the file alone.
func TestStartupOnSoundStore(t *testing.T) {
	sound := soundStore(t, 2)
	path := filepath.Join(t.TempDir(), "runs.db")
	os.WriteFile(path, sound, 0o600)
	if rep := startStudio(t, path); rep.StoreError != "" || rep.Listed != 3 {
		t.Fatalf("%+v, want no store error and 3 runs", rep)
	}
	assertStore(t, path, 3)

	other, err := runs.OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	rep := startStudio(t, path)
	if !strings.Contains(rep.StoreError, "another Stepstudio is using the run history") || rep.Listed != 1 {
		t.Fatalf("%+v, want the store in use and the 1 run kept in memory", rep)
	}
	if aside, _ := filepath.Glob(path + ".damaged-*"); len(aside) != 0 {
		t.Fatalf("a store in use was moved aside: %v", aside)
	}
}
