package files

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// write is the one step tests replace to fail half-way through a save.
var write = func(f *os.File, data []byte) error {
	_, err := f.Write(data)
	return err
}

// Save writes text to path atomically: into a temporary file in the same
// folder, synced to disk, given the old file's mode, then renamed over the
// old file. A crash or a full disk at any point leaves either the old file
// or the new one, never a torn mix. A symlink is followed, so the link
// stays a link. lineEnding CRLF writes every line break as CRLF (the code
// editor hands over LF text); anything else writes text as is.
func Save(path, text, lineEnding string) (File, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return File{}, fmt.Errorf("files: save %s: %w", path, err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	if lineEnding == CRLF {
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "\r\n")
	}
	data := []byte(text)
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(abs); err == nil {
		if info.IsDir() {
			return File{}, fmt.Errorf("files: save %s: is a folder", abs)
		}
		mode = info.Mode().Perm()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return File{}, fmt.Errorf("files: save: %w", err)
	}
	if err := replace(abs, data, mode); err != nil {
		return File{}, fmt.Errorf("files: save %s: %w", abs, err)
	}
	info, err := os.Stat(abs)
	if err != nil {
		return File{}, fmt.Errorf("files: save: %w", err)
	}
	f := File{Path: abs, Name: filepath.Base(abs), Text: text, Format: string(asl.DetectFormat(abs, data)), LineEnding: lineEnding, Stamp: stampOf(info, data)}
	if f.LineEnding != CRLF {
		f.LineEnding = LF
	}
	return f, nil
}

func replace(path string, data []byte, mode fs.FileMode) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".saving-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp, data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	// Sync the folder so the rename itself survives a power cut; some
	// file systems refuse to sync a folder, which is no reason to fail.
	if d, derr := os.Open(dir); derr == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// Write puts data at path with the same atomic replace as Save, keeping an
// existing file's mode; used for exports (SVG, PNG) where the bytes are
// not text to normalise.
func Write(path string, data []byte) error {
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	if err := replace(path, data, mode); err != nil {
		return fmt.Errorf("files: write %s: %w", path, err)
	}
	return nil
}
