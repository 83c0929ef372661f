package files

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSaveKeepsModeAndLineEndings(t *testing.T) {
	tests := []struct {
		name, old, text, ending, want string
		mode                          os.FileMode
	}{
		{name: "new file", text: "{}\n", ending: LF, want: "{}\n", mode: 0o644},
		{name: "replace, keep mode", old: "old", text: "{\"a\": 1}\n", ending: LF, want: "{\"a\": 1}\n", mode: 0o600},
		{name: "crlf file gets crlf back", old: "a\r\nb\r\n", text: "a\nb\nc\n", ending: CRLF, want: "a\r\nb\r\nc\r\n", mode: 0o640},
		{name: "crlf text not doubled", old: "a\r\n", text: "a\r\nb\n", ending: CRLF, want: "a\r\nb\r\n", mode: 0o644},
		{name: "lf keeps stray cr", old: "x", text: "a\r\nb\n", ending: LF, want: "a\r\nb\n", mode: 0o644},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "flow.asl.json")
			if tc.old != "" {
				if err := os.WriteFile(path, []byte(tc.old), tc.mode); err != nil {
					t.Fatal(err)
				}
				os.Chmod(path, tc.mode) // umask may have narrowed it
			}
			f, err := Save(path, tc.text, tc.ending)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := os.ReadFile(path)
			if string(got) != tc.want {
				t.Errorf("file = %q, want %q", got, tc.want)
			}
			info, _ := os.Stat(path)
			if info.Mode().Perm() != tc.mode {
				t.Errorf("mode = %v, want %v", info.Mode().Perm(), tc.mode)
			}
			if f.Stamp.Size != int64(len(tc.want)) {
				t.Errorf("stamp size = %d, want %d", f.Stamp.Size, len(tc.want))
			}
			if st, _ := Check(path, f.Stamp); st.State != Unchanged {
				t.Errorf("Check right after save = %s, want unchanged", st.State)
			}
			entries, _ := os.ReadDir(filepath.Dir(path))
			if len(entries) != 1 {
				t.Errorf("folder holds %d entries after save, want only the file", len(entries))
			}
		})
	}
}

// A save that fails half-way through writing must leave the original
// untouched and no temporary file behind.
func TestSaveFailureLeavesOriginal(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "flow.asl.json")
	original := `{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}`
	if err := os.WriteFile(path, []byte(original), 0o644); err != nil {
		t.Fatal(err)
	}
	full := errors.New("no space left on device")
	saved := write
	t.Cleanup(func() { write = saved })
	write = func(f *os.File, data []byte) error {
		f.Write(data[:len(data)/2])
		return full
	}
	_, err := Save(path, `{"StartAt":"B","States":{"B":{"Type":"Succeed"}}}`, LF)
	if !errors.Is(err, full) {
		t.Fatalf("Save error = %v, want the write error", err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != original {
		t.Errorf("original changed to %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want the original only (temp file left behind?)", len(entries))
	}
}

// A document that is a symbolic link is refused, not followed: the error
// names the link and where it points, and neither changes.
func TestSaveRefusesSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.asl.json")
	link := filepath.Join(dir, "link.asl.json")
	os.WriteFile(target, []byte("{}"), 0o644)
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	_, err := Save(link, `{"a":1}`, LF)
	if !errors.Is(err, ErrSymlink) || !strings.Contains(err.Error(), link) || !strings.Contains(err.Error(), target) {
		t.Fatalf("Save through a link = %v, want ErrSymlink naming %s and %s", err, link, target)
	}
	if info, _ := os.Lstat(link); info.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	if got, _ := os.ReadFile(target); string(got) != "{}" {
		t.Errorf("target = %q", got)
	}
}
