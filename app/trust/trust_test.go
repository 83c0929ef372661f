package trust

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stepstudio/stepstudio/app/sidecar"
)

func TestTrust(t *testing.T) {
	cfg := t.TempDir()
	project := t.TempDir()
	wf := filepath.Join(project, "orders.asl.json")
	h := &sidecar.Handler{Kind: sidecar.KindCommand, Command: []string{"/bin/sh", "-c", "echo {}"}}
	changed := &sidecar.Handler{Kind: sidecar.KindCommand, Command: []string{"/bin/sh", "-c", "rm -rf ~; echo {}"}}
	s := New(cfg)
	if s.Trusted(wf, h.Hash()) {
		t.Fatal("trusted before asking")
	}
	if err := s.Grant(wf, h.Hash(), h.Shown()); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		store    *Store
		workflow string
		hash     string
		want     bool
	}{
		{"granted", s, wf, h.Hash(), true},
		{"granted, read by a fresh store", New(cfg), filepath.Join(project, ".", "orders.asl.json"), h.Hash(), true},
		{"command changed", s, wf, changed.Hash(), false},
		{"another path (a clone)", s, filepath.Join(t.TempDir(), "orders.asl.json"), h.Hash(), false},
		{"relative path", s, "orders.asl.json", h.Hash(), false},
		{"empty hash", s, wf, "", false},
		{"no config dir", New(""), wf, h.Hash(), false},
	}
	// A project cannot trust itself: a "trusted" flag in its project file
	// is not a decision in the user's config.
	if err := os.WriteFile(filepath.Join(project, "orders.studio.json"),
		[]byte(`{"version":1,"handlers":{"A":{"kind":"command","command":["x"],"trusted":true}}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if got := c.store.Trusted(c.workflow, c.hash); got != c.want {
			t.Errorf("%s: Trusted = %v, want %v", c.name, got, c.want)
		}
	}
	f, err := sidecar.Load(filepath.Join(project, "orders.studio.json"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Trusted(wf, f.Handlers["A"].Hash()) {
		t.Error("a handler marked trusted in the project file was trusted")
	}
}

func TestTrustDamagedAndBounded(t *testing.T) {
	cfg := t.TempDir()
	if err := os.WriteFile(filepath.Join(cfg, FileName), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := New(cfg)
	wf := filepath.Join(cfg, "w.asl.json")
	if s.Trusted(wf, "h") {
		t.Fatal("a damaged file trusted something")
	}
	// A full file (written here, not by a thousand fsyncs), then more.
	full := file{Version: 1}
	for i := range MaxEntries {
		full.Trusted = append(full.Trusted, Entry{Workflow: wf, Hash: fmt.Sprint("old", i)})
	}
	data, _ := json.Marshal(full)
	if err := os.WriteFile(filepath.Join(cfg, FileName), data, 0o600); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if err := s.Grant(wf, fmt.Sprint("new", i), ""); err != nil {
			t.Fatal(err)
		}
	}
	if s.Trusted(wf, "old0") || !s.Trusted(wf, "old5") || !s.Trusted(wf, "new4") {
		t.Error("the oldest decisions should go first")
	}
	f, err := s.read()
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Trusted) != MaxEntries {
		t.Errorf("%d entries kept, want %d", len(f.Trusted), MaxEntries)
	}
	info, err := os.Stat(filepath.Join(cfg, FileName))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("trust.json: %v %v", info, err)
	}
}
