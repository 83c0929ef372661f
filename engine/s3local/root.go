// Package s3local stands in for Amazon S3 in local runs: a folder whose
// subfolders are buckets and whose files are objects (s3://bucket/key is
// ROOT/bucket/key). Every path stays inside the root, reads are of
// regular files with a size cap, and writes are atomic and never through
// a symlink, as the studio's file rules ask.
package s3local

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// MaxObjectBytes caps what one read takes (a local stand-in, not a data lake).
const MaxObjectBytes = 64 << 20

// MaxListed caps how many objects one listing returns.
const MaxListed = 100_000

// ErrOutsideRoot is matched by errors for a bucket or key that would leave
// the root (.., absolute paths, symlinks pointing out).
var ErrOutsideRoot = errors.New("outside the local S3 folder")

// ErrNoSuchKey is matched when the object does not exist.
var ErrNoSuchKey = errors.New("NoSuchKey")

// Root is a local folder standing in for S3.
type Root struct{ dir string }

// Open returns the root at dir, which must be an existing folder.
func Open(dir string) (*Root, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if abs, err = filepath.EvalSymlinks(abs); err != nil {
		return nil, fmt.Errorf("local S3 folder: %w", err)
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("local S3 folder %s is not a folder", dir)
	}
	return &Root{dir: abs}, nil
}

// Dir is the root's folder.
func (r *Root) Dir() string { return r.dir }

// resolve maps bucket and key to a path inside the root.
func (r *Root) resolve(bucket, key string) (string, error) {
	if bucket == "" || strings.ContainsAny(bucket, `/\`) || bucket == "." || bucket == ".." {
		return "", fmt.Errorf("bucket %q: %w", bucket, ErrOutsideRoot)
	}
	if strings.Contains(key, `\`) || strings.HasPrefix(key, "/") {
		return "", fmt.Errorf("key %q: %w", key, ErrOutsideRoot)
	}
	for _, seg := range strings.Split(key, "/") {
		if seg == ".." || seg == "." {
			return "", fmt.Errorf("key %q: %w", key, ErrOutsideRoot)
		}
	}
	p := filepath.Join(r.dir, bucket, filepath.FromSlash(key))
	if !r.inside(p) {
		return "", fmt.Errorf("s3://%s/%s: %w", bucket, key, ErrOutsideRoot)
	}
	return p, nil
}

// inside reports whether p, with symlinks of its existing part resolved,
// stays in the root.
func (r *Root) inside(p string) bool {
	existing := p
	for {
		if _, err := os.Lstat(existing); err == nil {
			break
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			return false
		}
		existing = parent
	}
	real, err := filepath.EvalSymlinks(existing)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(r.dir, real)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// Read returns an object's bytes: a regular file of at most MaxObjectBytes.
func (r *Root) Read(bucket, key string) ([]byte, error) {
	p, err := r.resolve(bucket, key)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("s3://%s/%s: %w", bucket, key, ErrNoSuchKey)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("s3://%s/%s is not a regular file", bucket, key)
	}
	if fi.Size() > MaxObjectBytes {
		return nil, fmt.Errorf("s3://%s/%s is %d bytes, over the %d-byte limit of a local read", bucket, key, fi.Size(), MaxObjectBytes)
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxObjectBytes+1))
	if err == nil && len(b) > MaxObjectBytes {
		err = fmt.Errorf("s3://%s/%s grew over the %d-byte limit", bucket, key, MaxObjectBytes)
	}
	return b, err
}

// Object is one listed object, as ListObjectsV2 gives it.
type Object struct {
	Key          string
	Size         int64
	LastModified time.Time
	ETag         string
}

// List returns the objects of bucket whose keys start with prefix, in key
// order (as S3 lists them); at most MaxListed.
func (r *Root) List(bucket, prefix string) ([]Object, error) {
	base, err := r.resolve(bucket, "")
	if err != nil {
		return nil, err
	}
	var out []Object
	err = filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == base && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if !d.Type().IsRegular() {
			return nil // folders are walked; symlinks and devices are not objects
		}
		rel, _ := filepath.Rel(base, p)
		key := filepath.ToSlash(rel)
		if !strings.HasPrefix(key, prefix) {
			return nil
		}
		if len(out) >= MaxListed {
			return fmt.Errorf("s3://%s/%s lists more than %d objects", bucket, prefix, MaxListed)
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		out = append(out, Object{Key: key, Size: fi.Size(), LastModified: fi.ModTime().UTC(),
			ETag: fmt.Sprintf(`"%x-%x"`, fi.Size(), fi.ModTime().UnixNano())})
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, err
}

// Write stores an object atomically: a temp file in the same folder,
// synced, renamed over the key. The key's folders are created; a symlink
// at the key is refused, not followed.
func (r *Root) Write(bucket, key string, data []byte) error {
	if key == "" || strings.HasSuffix(key, "/") {
		return fmt.Errorf("s3://%s/%s: a key must name a file", bucket, key)
	}
	p, err := r.resolve(bucket, key)
	if err != nil {
		return err
	}
	dir := filepath.Dir(p)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if !r.inside(p) { // a folder made above may have been a symlink's
		return fmt.Errorf("s3://%s/%s: %w", bucket, key, ErrOutsideRoot)
	}
	if fi, err := os.Lstat(p); err == nil && !fi.Mode().IsRegular() {
		return fmt.Errorf("s3://%s/%s exists and is not a regular file", bucket, key)
	}
	tmp, err := os.CreateTemp(dir, "."+path.Base(key)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p)
}
