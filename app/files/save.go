package files

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// Save writes text to path with WriteIn's atomic replace, in the folder
// path names: a crash or a full disk at any point leaves either the old
// file or the new one, and an existing file keeps its mode. A symbolic
// link is refused (ErrSymlink, the message names the link and its target)
// rather than followed: what a link points at is not the document the
// user named, and may be outside every folder they meant to touch.
// lineEnding CRLF writes every line break as CRLF (the editor keeps the
// file's CRLF, so for a text it opened this changes nothing; a text with
// LF breaks from elsewhere, such as a template, gets the file's CRLF);
// anything else writes text as is.
func Save(path, text, lineEnding string) (File, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return File{}, fmt.Errorf("files: save %s: %w", path, err)
	}
	if lineEnding == CRLF {
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "\r\n")
	}
	data := []byte(text)
	if _, err := WriteIn(filepath.Dir(abs), filepath.Base(abs), data, 0o644); err != nil {
		if errors.Is(err, ErrSymlink) {
			return File{}, fmt.Errorf("files: save: %w; save it under another name", err)
		}
		return File{}, fmt.Errorf("files: save: %w", err)
	}
	info, err := os.Lstat(abs)
	if err != nil {
		return File{}, fmt.Errorf("files: save: %w", err)
	}
	f := File{Path: abs, Name: filepath.Base(abs), Text: text, Format: string(asl.DetectFormat(abs, data)), LineEnding: lineEnding, Stamp: stampOf(info, data)}
	if f.LineEnding != CRLF {
		f.LineEnding = LF
	}
	return f, nil
}
