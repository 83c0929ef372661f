package runs

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// crashChild runs a long loop into the store at path until it is killed.
func crashChild(path string) {
	st, err := OpenStore(path)
	if err != nil {
		os.Exit(3)
	}
	m := New(st, nil, &readySignal{}, WithBatching(2*time.Millisecond, 50))
	def, _ := os.ReadFile(filepath.Join("testdata", "loop.asl.json"))
	// EXPRESS: a STANDARD run would end at 25,000 events, before the kill.
	if _, err := m.Start(StartRequest{Workflow: "crash", Definition: string(def), Input: `{"n": 100000000}`, Type: "EXPRESS"}); err != nil {
		os.Exit(4)
	}
	select {}
}

// readySignal tells the parent once some batches are committed.
type readySignal struct{ once sync.Once }

func (r *readySignal) Emit(_ string, data any) {
	if data.(Update).LastEvent >= 200 {
		r.once.Do(func() { os.Stdout.WriteString("ready\n") })
	}
}

// A studio killed mid-run (SIGKILL: no chance to clean up) leaves a store
// that opens, holds every committed batch whole and in order, and marks
// the run it was executing as interrupted.
func TestStoreSurvivesKill(t *testing.T) {
	path := filepath.Join(t.TempDir(), "runs.db")
	for round := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "STEPSTUDIO_RUNS_CRASH_STORE="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 8)
		if _, err := out.Read(buf); err != nil {
			t.Fatalf("round %d: child did not start: %v", round, err)
		}
		time.Sleep(time.Duration(50*round) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()

		st, err := OpenStore(path)
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		list, err := st.List("crash")
		if err != nil || len(list) != round+1 {
			t.Fatalf("round %d: %d runs (%v)", round, len(list), err)
		}
		for _, meta := range list {
			if meta.Status != "ABORTED" || meta.Error != "Stepstudio.Interrupted" {
				t.Errorf("round %d: run left %s/%s, want ABORTED/Stepstudio.Interrupted", round, meta.Status, meta.Error)
			}
			evs, err := st.Events(meta.ID, 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) < 10 || int64(len(evs)) != meta.Events {
				t.Fatalf("round %d: %d events stored, meta says %d", round, len(evs), meta.Events)
			}
			for i, raw := range evs {
				var e struct {
					ID   int64  `json:"id"`
					Type string `json:"type"`
				}
				if err := json.Unmarshal(raw, &e); err != nil || e.ID != int64(i+1) || e.Type == "" {
					t.Fatalf("round %d: event %d corrupt: %s (%v)", round, i+1, raw, err)
				}
			}
		}
		st.Close()
	}
}

// A store another studio holds cannot be opened; the error says so
// rather than hanging.
func TestStoreLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "runs.db")
	st, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start := time.Now()
	if _, err := OpenStore(path); err == nil {
		t.Fatal("opened a store twice")
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v to give up", d)
	}
}
