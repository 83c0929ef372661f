package app

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// A second start brings the window forward and hands over the file it
// names (relative to where it was started); anything else only raises.
func TestSecondLaunch(t *testing.T) {
	work := t.TempDir()
	flow := filepath.Join(work, "flow.asl.json")
	if err := os.WriteFile(flow, []byte(`{}`), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(work, "folder.asl.json"), 0o755)
	for _, tc := range []struct {
		name string
		args []string
		want []any // the open request's data; nil for none
	}{
		{"relative to the second start's folder", []string{"flow.asl.json"}, []any{flow}},
		{"absolute", []string{flow}, []any{flow}},
		{"no arguments", nil, nil},
		{"a Wails flag", []string{"-devtools"}, nil},
		{"missing file", []string{"gone.asl.json"}, nil},
		{"a folder", []string{"folder.asl.json"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, desk, _ := newTestFiles(t)
			f.secondLaunch(tc.args, work)
			if desk.raised != 1 {
				t.Errorf("raised %d times, want once", desk.raised)
			}
			var got []any
			for i, e := range desk.events {
				if e == EventOpenRequested {
					got = desk.data[i]
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("open request %v, want %v", got, tc.want)
			}
		})
	}
}

// The lock is per config dir: studios sharing one merge, a test's own
// config dir keeps its own window.
func TestSingleInstanceIDPerConfigDir(t *testing.T) {
	f, _, _ := newTestFiles(t)
	mine, other := filepath.Join(t.TempDir(), "config"), filepath.Join(t.TempDir(), "config")
	a, b := singleInstance(mine, f), singleInstance(other, f)
	if a.UniqueId == b.UniqueId || a.UniqueId != singleInstance(mine, f).UniqueId {
		t.Errorf("ids %q %q: want stable per dir, different across dirs", a.UniqueId, b.UniqueId)
	}
}
