package runs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// fixture is a store file with a bit of everything bbolt writes: nested
// buckets, events buckets big enough for branch pages, and a free list
// with pages on it (a deleted run).
type fixture struct {
	data     []byte
	ps       int64
	pages    map[string][]int64 // page type ("branch", "leaf", "free", ...) -> ids, overflow pages left out
	freelist int64
	runs     []string // ids of the runs kept
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	path := filepath.Join(t.TempDir(), "runs.db")
	st, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	var f fixture
	for i := range 3 {
		m := Meta{ID: fmt.Sprintf("run-%d", i), Workflow: "w", Status: "SUCCEEDED", StartDate: time.Now()}
		var evs []json.RawMessage
		var ids []int64
		for id := int64(1); id <= 400; id++ {
			evs = append(evs, json.RawMessage(fmt.Sprintf(`{"id":%d,"type":"PassStateEntered","stateEnteredEventDetails":{"name":"S","input":"%s"}}`, id, strings.Repeat("x", 100))))
			ids = append(ids, id)
		}
		m.Events = int64(len(evs))
		if err := st.Save(m, evs, ids, []StageRecord{{Seq: 1}}); err != nil {
			t.Fatal(err)
		}
		f.runs = append(f.runs, m.ID)
	}
	if err := st.Delete("run-1"); err != nil {
		t.Fatal(err)
	}
	f.runs = []string{"run-0", "run-2"}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, PreLoadFreelist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	f.pages = map[string][]int64{}
	err = db.View(func(tx *bolt.Tx) error {
		for id := 2; ; id++ {
			p, err := tx.Page(id)
			if p == nil || err != nil {
				return err
			}
			f.pages[p.Type] = append(f.pages[p.Type], int64(id))
			id += p.OverflowCount
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if f.data, err = os.ReadFile(path); err != nil {
		t.Fatal(err)
	}
	f.ps = int64(ne.Uint32(f.data[pageHeaderSize+8:]))
	f.freelist = f.pages["freelist"][0]
	for _, typ := range []string{"branch", "leaf", "free"} {
		if len(f.pages[typ]) == 0 {
			t.Fatalf("the fixture has no %s page: %v", typ, f.pages)
		}
	}
	return f
}

// used is the length of the pages in use, up to the high water mark.
func (f fixture) used() int64 {
	hwm := max(ne.Uint64(f.data[pageHeaderSize+40:]), ne.Uint64(f.data[f.ps+pageHeaderSize+40:]))
	return int64(hwm) * f.ps
}

// openDamaged writes data as runs.db in a new folder and opens it as the
// studio does. The store must open, whatever the damage.
func openDamaged(t *testing.T, data []byte) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "runs.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := OpenStore(path)
	if err != nil {
		t.Fatalf("OpenStore: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st, path
}

// assertMovedAside checks the old file was moved aside whole and said so
// in plain words, and that the new store is empty and works.
func assertMovedAside(t *testing.T, st *Store, path string, old []byte) {
	t.Helper()
	aside, _ := filepath.Glob(path + ".damaged-*")
	if len(aside) != 1 {
		t.Fatalf("moved aside: %v, want one file", aside)
	}
	if b, err := os.ReadFile(aside[0]); err != nil || !bytes.Equal(b, old) {
		t.Errorf("the file moved aside is not the old file (%v)", err)
	}
	msg := st.Problem()
	if !strings.HasPrefix(msg, "The run history could not be read: ") || !strings.Contains(msg, aside[0]) ||
		!strings.Contains(msg, "new, empty history") {
		t.Errorf("message: %q", msg)
	}
	assertWorks(t, st, 0)
}

// assertWorks checks the store lists want runs of workflow w, and that a
// run saved now is listed.
func assertWorks(t *testing.T, st *Store, want int) {
	t.Helper()
	if list, err := st.List("w"); err != nil || len(list) != want {
		t.Fatalf("List: %d runs, %v; want %d", len(list), err, want)
	}
	m := Meta{ID: "new", Workflow: "w", Status: "SUCCEEDED", StartDate: time.Now()}
	if err := st.Save(m, []json.RawMessage{json.RawMessage(`{"id":1}`)}, []int64{1}, nil); err != nil {
		t.Fatal(err)
	}
	if list, err := st.List("w"); err != nil || len(list) != want+1 {
		t.Fatalf("List after Save: %d runs, %v; want %d", len(list), err, want+1)
	}
}

// A file cut short, at a page boundary or in the middle of a page, is
// caught by the check before bbolt maps it (a read past the end of the
// mapped file would raise SIGBUS), moved aside, and a new store opens.
// bbolt grows the file ahead of use: losing whole unused pages at its end
// loses nothing.
func TestStoreCutShort(t *testing.T) {
	f := newFixture(t)
	size, used := int64(len(f.data)), f.used()
	cases := []struct {
		n    int64
		kept bool
	}{
		{0, false}, {1, false}, {50, false}, {pageHeaderSize + metaSize - 1, false}, {f.ps, false},
		{f.ps + f.ps/2, false}, {2 * f.ps, false}, {3*f.ps + 7, false}, {4 * f.ps, false},
		{used / 2, false}, {used/2 + f.ps/3, false}, {used - f.ps, false}, {used - f.ps/2, false}, {used - 1, false},
		{used, true}, {size - f.ps, true}, {size - f.ps/2, false}, {size - 1, false},
	}
	for _, c := range cases {
		t.Run(fmt.Sprint(c.n), func(t *testing.T) {
			data := f.data[:c.n]
			path := filepath.Join(t.TempDir(), "runs.db")
			os.WriteFile(path, data, 0o600)
			if err := checkPath(path); errors.Is(err, ErrDamaged) == c.kept {
				t.Fatalf("the check says %v", err)
			}
			st, path := openDamaged(t, data)
			if c.kept {
				if st.Problem() != "" {
					t.Fatalf("a sound store was moved aside: %s", st.Problem())
				}
				assertWorks(t, st, len(f.runs))
				return
			}
			assertMovedAside(t, st, path, data)
		})
	}
}

// A bit flipped in the parts bbolt trusts (meta pages, page headers,
// element offsets, the free list) makes the file be moved aside; one in a
// stored value leaves the store in use.
func TestStoreBitFlipped(t *testing.T) {
	f := newFixture(t)
	at := func(page int64, off int64) int64 { return page*f.ps + off }
	branch, leaf, fl := f.pages["branch"][0], f.pages["leaf"][len(f.pages["leaf"])-1], f.freelist
	cases := []struct {
		name string
		off  int64
		bit  uint
		kept bool // still a sound store: opens with its runs
	}{
		{"meta 0 magic", at(0, pageHeaderSize), 3, false},
		{"meta 1 checksum", at(1, pageHeaderSize+checksumAt), 0, false},
		{"meta 0 page id", at(0, 0), 0, false},
		{"meta 1 page flags", at(1, 8), 1, false},
		{"meta 0 high water mark", at(0, pageHeaderSize+40), 4, false},
		{"branch page id", at(branch, 0), 1, false},
		{"branch page flags", at(branch, 8), 0, false},
		{"branch page count", at(branch, 11), 7, false},
		{"branch element key offset", at(branch, pageHeaderSize+3), 6, false},
		{"branch element child page", at(branch, pageHeaderSize+8), 0, false},
		{"branch element child page, high", at(branch, pageHeaderSize+15), 7, false},
		{"leaf page id", at(leaf, 0), 2, false},
		{"leaf page flags", at(leaf, 8), 4, false},
		{"leaf page count", at(leaf, 11), 6, false},
		{"leaf element key size", at(leaf, pageHeaderSize+11), 7, false},
		{"leaf element value size", at(leaf, pageHeaderSize+15), 5, false},
		{"free list page id", at(fl, 0), 0, false},
		{"free list page flags", at(fl, 8), 4, false},
		{"free list count", at(fl, 11), 6, false},
		{"free list entry", at(fl, pageHeaderSize+6), 3, false},
		{"a byte of an event", int64(bytes.Index(f.data, []byte("xxxxxxxxxx"))), 0, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := bytes.Clone(f.data)
			data[c.off] ^= 1 << c.bit
			st, path := openDamaged(t, data)
			if !c.kept {
				assertMovedAside(t, st, path, data)
				return
			}
			if st.Problem() != "" {
				t.Fatalf("a sound store was moved aside: %s", st.Problem())
			}
			assertWorks(t, st, len(f.runs))
		})
	}
}

// Bits flipped all over the file, one file at a time: whatever the damage,
// the store opens (moved aside or not) and every read returns, no panic,
// no crash of the test binary.
func TestStoreBitFlipSweep(t *testing.T) {
	f := newFixture(t)
	dir := t.TempDir()
	// Every page's header and first elements, and a stride through all.
	var offs []int64
	for id := int64(0); id*f.ps < f.used(); id++ {
		offs = append(offs, id*f.ps+id*7%pageHeaderSize, id*f.ps+pageHeaderSize+id*13%(2*elementSize))
	}
	for off := int64(0); off < int64(len(f.data)); off += int64(len(f.data))/150 + off%7 {
		offs = append(offs, off)
	}
	moved := 0
	for _, off := range offs {
		data := bytes.Clone(f.data)
		data[off] ^= 1 << (off % 8)
		path := filepath.Join(dir, fmt.Sprint(off), "runs.db")
		os.MkdirAll(filepath.Dir(path), 0o700)
		os.WriteFile(path, data, 0o600)
		st, err := OpenStore(path)
		if err != nil {
			t.Fatalf("byte %d: OpenStore: %v", off, err)
		}
		if st.Problem() != "" {
			moved++
		}
		st.List("w")
		for _, id := range f.runs {
			st.Meta(id)
			st.Events(id, 0)
			st.Stages(id, 0)
		}
		st.Close()
	}
	t.Logf("%d of %d damaged files moved aside", moved, len(offs))
}

// Something other than a file at the store's path is moved aside (the
// link itself, not what it points to) and a new store opens.
func TestStoreNotARegularFile(t *testing.T) {
	f := newFixture(t)
	cases := map[string]func(t *testing.T, path string){
		"directory": func(t *testing.T, path string) { os.Mkdir(path, 0o700) },
		"symlink to a sound store": func(t *testing.T, path string) {
			target := filepath.Join(t.TempDir(), "elsewhere.db")
			os.WriteFile(target, f.data, 0o600)
			if err := os.Symlink(target, path); err != nil {
				t.Skip(err)
			}
			t.Cleanup(func() {
				if b, _ := os.ReadFile(target); !bytes.Equal(b, f.data) {
					t.Error("the file the link pointed to changed")
				}
			})
		},
		"dangling symlink": func(t *testing.T, path string) {
			if err := os.Symlink(filepath.Join(t.TempDir(), "gone"), path); err != nil {
				t.Skip(err)
			}
		},
	}
	for name, make := range cases {
		t.Run(name, func(t *testing.T) { testNotRegular(t, make) })
	}
}

func testNotRegular(t *testing.T, make func(t *testing.T, path string)) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "runs.db")
	make(t, path)
	before, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	st, err := OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	aside, _ := filepath.Glob(path + ".damaged-*")
	if len(aside) != 1 {
		t.Fatalf("moved aside: %v", aside)
	}
	if after, err := os.Lstat(aside[0]); err != nil || !os.SameFile(before, after) {
		t.Errorf("not the same thing moved aside: %v", err)
	}
	if msg := st.Problem(); !strings.Contains(msg, "not a regular file") || !strings.Contains(msg, aside[0]) {
		t.Errorf("message: %q", msg)
	}
	assertWorks(t, st, 0)
}

// Damage that appears while the store is open (here a page header
// overwritten, then the file cut short under the memory map: a read
// there raises SIGBUS) is an error, not a crash; the store is not used
// again, says so, and the damaged file is moved aside.
func TestStoreDamagedWhileOpen(t *testing.T) {
	f := newFixture(t)
	damage := map[string]func(file *os.File){
		"leaf page header": func(file *os.File) {
			for _, id := range f.pages["leaf"] {
				file.WriteAt([]byte{0xff}, id*f.ps)
			}
		},
		"cut to two pages": func(file *os.File) { file.Truncate(2 * f.ps) },
		// bbolt faults reading the meta page, holding its locks.
		"cut to nothing": func(file *os.File) { file.Truncate(0) },
	}
	for name, spoil := range damage {
		t.Run(name, func(t *testing.T) {
			st, path := openDamaged(t, f.data)
			if list, err := st.List("w"); err != nil || len(list) != len(f.runs) {
				t.Fatalf("before: %d runs, %v", len(list), err)
			}
			file, err := os.OpenFile(path, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			spoil(file)
			file.Close()
			_, err = st.Events(f.runs[0], 0)
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("Events on a damaged store: %v", err)
			}
			if _, err := st.List("w"); !errors.Is(err, ErrDamaged) {
				t.Fatalf("List after the failure: %v", err)
			}
			if err := st.Save(Meta{ID: "x", Workflow: "w"}, nil, nil, nil); !errors.Is(err, ErrDamaged) {
				t.Fatalf("Save after the failure: %v", err)
			}
			aside, _ := filepath.Glob(path + ".damaged-*")
			if len(aside) != 1 || !strings.Contains(st.Problem(), aside[0]) || !strings.Contains(st.Problem(), "kept only until the studio closes") {
				t.Fatalf("moved aside %v; message %q", aside, st.Problem())
			}
			if err := st.Close(); err != nil {
				t.Fatal(err)
			}
			again, err := OpenStore(path)
			if err != nil || again.Problem() != "" {
				t.Fatalf("the next start: %v %q", err, again.Problem())
			}
			defer again.Close()
			assertWorks(t, again, 0)
		})
	}
}
