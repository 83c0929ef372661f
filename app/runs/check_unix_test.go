//go:build linux || darwin

package runs

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A named pipe at the store's path is moved aside without the studio
// waiting on it.
func TestStoreNamedPipe(t *testing.T) {
	testNotRegular(t, func(t *testing.T, path string) {
		if err := syscall.Mkfifo(path, 0o600); err != nil {
			t.Skip(err)
		}
	})
}

// A store another studio holds is reported as in use and left alone, even
// when it does not look like a sound store (it may be half-written, or
// the other studio may be creating it): it is not read, not moved aside.
func TestStoreLockedIsNotDamaged(t *testing.T) {
	f := newFixture(t)
	for name, data := range map[string][]byte{"sound": f.data, "cut short": f.data[:f.ps*3/2], "empty": nil} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "runs.db")
			os.WriteFile(path, data, 0o600)
			other, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			if err := syscall.Flock(int(other.Fd()), syscall.LOCK_EX); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			_, err = OpenStore(path)
			if !errors.Is(err, ErrStoreLocked) {
				t.Fatalf("OpenStore: %v, want ErrStoreLocked", err)
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("took %v to give up", d)
			}
			if aside, _ := filepath.Glob(path + ".damaged-*"); len(aside) != 0 {
				t.Fatalf("moved aside: %v", aside)
			}
			if b, _ := os.ReadFile(path); !bytes.Equal(b, data) {
				t.Fatal("the file changed")
			}
		})
	}
}
