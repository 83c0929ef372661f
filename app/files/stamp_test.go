package files_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/app/files"
)

func TestCheckNoticesChanges(t *testing.T) {
	later := time.Now().Add(time.Hour)
	tests := []struct {
		name   string
		change func(path string)
		want   files.DiskState
	}{
		{"untouched", func(string) {}, files.Unchanged},
		{"touched, same bytes", func(p string) { os.Chtimes(p, later, later) }, files.Unchanged},
		{"rewritten, same size, same time", func(p string) {
			info, _ := os.Stat(p)
			os.WriteFile(p, []byte(`{"v":2}`), 0o644)
			os.Chtimes(p, info.ModTime(), info.ModTime())
		}, files.Unchanged}, // the cheap check cannot see it: documented limit
		{"rewritten, same size", func(p string) {
			os.WriteFile(p, []byte(`{"v":2}`), 0o644)
			os.Chtimes(p, later, later)
		}, files.Changed},
		{"grown", func(p string) { os.WriteFile(p, []byte(`{"v":1, "w":2}`), 0o644) }, files.Changed},
		{"deleted", func(p string) { os.Remove(p) }, files.Missing},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "flow.json")
			os.WriteFile(path, []byte(`{"v":1}`), 0o644)
			f, err := files.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			tc.change(path)
			st, err := files.Check(path, f.Stamp)
			if err != nil {
				t.Fatal(err)
			}
			if st.State != tc.want {
				t.Errorf("state = %s, want %s", st.State, tc.want)
			}
			if st.State != files.Missing {
				// Keeping the returned stamp acknowledges what is on disk.
				again, _ := files.Check(path, st.Stamp)
				if again.State != files.Unchanged || again.Stamp.ModTime != st.Stamp.ModTime {
					t.Errorf("the refreshed stamp does not hold: %+v", again)
				}
			}
		})
	}
}
