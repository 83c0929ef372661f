package runs

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"

	"github.com/stepstudio/stepstudio/app/files"
)

// bbolt's on-disk layout (go.etcd.io/bbolt/internal/common, format
// version 2), in the machine's byte order as bbolt writes it.
const (
	boltMagic   = 0xED0CDAED
	boltVersion = 2

	pageHeaderSize = 16 // id u64, flags u16, count u16, overflow u32
	elementSize    = 16 // branch: pos u32, ksize u32, pgid u64; leaf: flags u32, pos u32, ksize u32, vsize u32
	metaSize       = 64 // magic, version, pageSize, flags u32; root, sequence, freelist, pgid (high water mark), txid, checksum u64
	checksumAt     = 56 // the checksum is FNV-64a of the meta up to itself
	bucketHeader   = 16 // a bucket's value: root pgid u64, sequence u64; root 0 = inline page follows

	branchPage   = 0x01
	leafPage     = 0x02
	metaPage     = 0x04
	freelistPage = 0x10
	bucketLeaf   = 0x01

	noFreelist = ^uint64(0)
	maxDepth   = 100 // pages below the root, across nested buckets; real stores are a handful deep
)

var ne = binary.NativeEndian

// checkPath checks the file at path before bbolt maps it (checkStoreFile).
// It opens it without following a symlink or waiting on a named pipe, and
// takes bbolt's lock first: a file another studio is writing may be read
// half-written, and a store that is merely in use is not damaged.
func checkPath(path string) error {
	f, err := os.OpenFile(path, os.O_RDONLY|files.NoFollow, 0)
	if err != nil {
		if info, lerr := os.Lstat(path); lerr == nil && !info.Mode().IsRegular() {
			return notRegular(info.Mode()) // replaced since the Lstat
		}
		return fmt.Errorf("open the run store %s: %w", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("open the run store %s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		return notRegular(info.Mode())
	}
	if err := lockFile(f, lockTimeout); errors.Is(err, ErrStoreLocked) {
		return locked(path)
	} else if err != nil {
		return fmt.Errorf("lock the run store %s: %w", path, err)
	}
	return checkStoreFile(f, info.Size())
}

// checkStoreFile reads the store file with plain reads, never through a
// memory map, and checks what bbolt trusts without checking. bbolt maps
// the file into memory: a read past the end of a file cut short raises
// SIGBUS, and a damaged page makes it panic, or loop for ever. safely
// turns the first two into errors in our goroutines, but not in the one
// tx.Check starts, and nothing stops a loop. So, before bbolt sees the
// file: both meta pages valid, the file as long as they say, and the free
// list and every page of the tree (walked from the newer meta) inside the
// file, of the right type, numbered as where they sit, used once, with
// their elements inside the page. Key order, double frees and leaked
// pages are left to tx.Check, which reports them as errors.
func checkStoreFile(r io.ReaderAt, size int64) error {
	if size == 0 { // bbolt writes the first four pages as it creates the file
		return damaged("it is empty")
	}
	m0, err := readMeta(r, size, 0, 0)
	if err != nil {
		return err
	}
	ps := int64(m0.pageSize)
	if size%ps != 0 || size < 4*ps {
		return damaged("cut short at %d bytes", size)
	}
	m1, err := readMeta(r, size, 1, ps)
	if err != nil {
		return err
	}
	if m1.pageSize != m0.pageSize {
		return damaged("the two meta pages disagree on the page size")
	}
	pages := uint64(size / ps)
	for _, m := range []meta{m0, m1} {
		if m.hwm > pages {
			return damaged("cut short: %d of its %d pages missing", m.hwm-pages, m.hwm)
		}
		if m.hwm < 4 { // two meta pages, the free list, the root
			return damaged("a meta page says it has %d pages", m.hwm)
		}
	}
	m := m0
	if m1.txid > m0.txid { // bbolt uses the newer one
		m = m1
	}
	w := walker{r: r, ps: ps, hwm: m.hwm, seen: make([]bool, m.hwm)}
	w.seen[0], w.seen[1] = true, true
	if m.freelist != noFreelist {
		if err := w.freelist(m.freelist); err != nil {
			return err
		}
	}
	return w.visit(m.root, 0)
}

type meta struct {
	pageSize                  uint32
	root, freelist, hwm, txid uint64
}

// readMeta reads and validates meta page id at off: page header, magic,
// version, checksum and a page size bbolt could have written.
func readMeta(r io.ReaderAt, size int64, id uint64, off int64) (meta, error) {
	var b [pageHeaderSize + metaSize]byte
	if off+int64(len(b)) > size {
		return meta{}, damaged("cut short at %d bytes", size)
	}
	if _, err := r.ReadAt(b[:], off); err != nil {
		return meta{}, fmt.Errorf("read meta page %d: %w", id, err)
	}
	if ne.Uint64(b[0:]) != id || ne.Uint16(b[8:]) != metaPage {
		return meta{}, damaged("meta page %d has a damaged header", id)
	}
	mb := b[pageHeaderSize:]
	if ne.Uint32(mb[0:]) != boltMagic {
		return meta{}, damaged("meta page %d is not a bbolt meta page", id)
	}
	if ne.Uint32(mb[4:]) != boltVersion {
		return meta{}, damaged("meta page %d has format version %d, not %d", id, ne.Uint32(mb[4:]), boltVersion)
	}
	h := fnv.New64a()
	h.Write(mb[:checksumAt])
	if h.Sum64() != ne.Uint64(mb[checksumAt:]) {
		return meta{}, damaged("meta page %d fails its checksum", id)
	}
	m := meta{pageSize: ne.Uint32(mb[8:]), root: ne.Uint64(mb[16:]), freelist: ne.Uint64(mb[32:]),
		hwm: ne.Uint64(mb[40:]), txid: ne.Uint64(mb[48:])}
	// bbolt finds the second meta page by trying sizes from 1 KiB to 16 MiB.
	if m.pageSize < 1<<10 || m.pageSize > 1<<24 || m.pageSize&(m.pageSize-1) != 0 {
		return meta{}, damaged("meta page %d has page size %d", id, m.pageSize)
	}
	return m, nil
}

// walker visits pages below the high water mark hwm, each at most once,
// so a damaged page number cannot send it round in a loop.
type walker struct {
	r    io.ReaderAt
	ps   int64
	hwm  uint64
	seen []bool
}

// page reads page id with its overflow pages and checks its header.
func (w *walker) page(id uint64, flags ...uint16) ([]byte, error) {
	if id < 2 || id >= w.hwm {
		return nil, damaged("page %d is outside the file's %d pages", id, w.hwm)
	}
	var h [pageHeaderSize]byte
	if _, err := w.r.ReadAt(h[:], int64(id)*w.ps); err != nil {
		return nil, fmt.Errorf("read page %d: %w", id, err)
	}
	f := ne.Uint16(h[8:])
	if ne.Uint64(h[0:]) != id || !hasFlag(f, flags) {
		return nil, damaged("page %d has a damaged header", id)
	}
	last := id + uint64(ne.Uint32(h[12:]))
	if last >= w.hwm {
		return nil, damaged("page %d runs past the end of the file", id)
	}
	for p := id; p <= last; p++ {
		if w.seen[p] {
			return nil, damaged("page %d is used twice", p)
		}
		w.seen[p] = true
	}
	b := make([]byte, int64(last-id+1)*w.ps)
	if _, err := w.r.ReadAt(b, int64(id)*w.ps); err != nil {
		return nil, fmt.Errorf("read page %d: %w", id, err)
	}
	return b, nil
}

func hasFlag(f uint16, want []uint16) bool {
	for _, w := range want {
		if f == w {
			return true
		}
	}
	return false
}

// freelist checks the free page list: its page, and that every page it
// names exists (bbolt would hand out and write a page past the end).
func (w *walker) freelist(id uint64) error {
	b, err := w.page(id, freelistPage)
	if err != nil {
		return err
	}
	n, at := uint64(ne.Uint16(b[10:])), uint64(pageHeaderSize)
	if n == 0xFFFF { // the count did not fit: it is the first element
		if len(b) < pageHeaderSize+8 {
			return damaged("the free page list is cut short")
		}
		n, at = ne.Uint64(b[at:]), at+8
	}
	if n > (uint64(len(b))-at)/8 {
		return damaged("the free page list runs past its page")
	}
	for i := range n {
		if p := ne.Uint64(b[at+8*i:]); p < 2 || p >= w.hwm {
			return damaged("the free page list names page %d, outside the file", p)
		}
	}
	return nil
}

// visit checks the tree rooted at page id (a bucket's root).
func (w *walker) visit(id uint64, depth int) error {
	if depth > maxDepth {
		return damaged("the page tree is deeper than %d", maxDepth)
	}
	b, err := w.page(id, branchPage, leafPage)
	if err != nil {
		return err
	}
	return w.elements(b, id, depth)
}

// elements checks the elements of a branch or leaf page b (page id, or
// an inline bucket's page) and visits the pages they point to.
func (w *walker) elements(b []byte, id uint64, depth int) error {
	flags, n := ne.Uint16(b[8:]), uint64(ne.Uint16(b[10:]))
	size := uint64(len(b))
	if pageHeaderSize+n*elementSize > size {
		return damaged("page %d has more elements than fit", id)
	}
	if flags == branchPage && n == 0 {
		return damaged("branch page %d is empty", id) // bbolt would read its first element anyway
	}
	for i := range n {
		at := pageHeaderSize + i*elementSize
		e := b[at : at+elementSize]
		if flags == branchPage {
			if at+uint64(ne.Uint32(e[0:]))+uint64(ne.Uint32(e[4:])) > size {
				return damaged("a key on page %d runs past the page", id)
			}
			if err := w.visit(ne.Uint64(e[8:]), depth+1); err != nil {
				return err
			}
			continue
		}
		k := at + uint64(ne.Uint32(e[4:]))
		v := k + uint64(ne.Uint32(e[8:]))
		end := v + uint64(ne.Uint32(e[12:]))
		if end > size {
			return damaged("an entry on page %d runs past the page", id)
		}
		if ne.Uint32(e[0:])&bucketLeaf == 0 {
			continue
		}
		val := b[v:end]
		if len(val) < bucketHeader {
			return damaged("a bucket on page %d has a damaged header", id)
		}
		if root := ne.Uint64(val); root != 0 {
			if err := w.visit(root, depth+1); err != nil {
				return err
			}
			continue
		}
		inline := val[bucketHeader:]
		if len(inline) < pageHeaderSize || ne.Uint16(inline[8:]) != leafPage {
			return damaged("a small bucket on page %d is damaged", id)
		}
		if depth+1 > maxDepth {
			return damaged("the page tree is deeper than %d", maxDepth)
		}
		if err := w.elements(inline, id, depth+1); err != nil {
			return err
		}
	}
	return nil
}
