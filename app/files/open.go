package files

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"unicode/utf8"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// Line endings a file is saved with.
const (
	LF   = "lf"
	CRLF = "crlf"
)

// ErrNotText is returned for files whose bytes are not UTF-8 text: the
// editor could not show them without changing them, so they are refused
// rather than silently damaged on save.
var ErrNotText = errors.New("not a UTF-8 text file")

// File is a definition file as the editor holds it: its text exactly as on
// disk (whatever it contains: invalid ASL opens too, the validator reports
// it), and what saving needs to write it back the same way.
type File struct {
	Path       string `json:"path"`
	Name       string `json:"name"`
	Text       string `json:"text"`
	Format     string `json:"format"`     // "json" or "yaml", kept on save
	LineEnding string `json:"lineEnding"` // "lf" or "crlf", kept on save
	Stamp      Stamp  `json:"stamp"`
}

// Open reads the file at path. Any UTF-8 text opens, valid ASL or not; a
// file over MaxDefinitionSize (ErrTooLarge) or not a regular file
// (ErrNotRegular) is refused.
func Open(path string) (File, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return File{}, fmt.Errorf("files: open %s: %w", path, err)
	}
	data, info, err := readFile(abs, Definitions)
	if err != nil {
		return File{}, fmt.Errorf("files: open: %w", err)
	}
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return File{}, fmt.Errorf("files: open %s: %w", abs, ErrNotText)
	}
	return File{
		Path:       abs,
		Name:       filepath.Base(abs),
		Text:       string(data),
		Format:     string(asl.DetectFormat(abs, data)),
		LineEnding: lineEnding(data),
		Stamp:      stampOf(info, data),
	}, nil
}

// lineEnding is CRLF when every line of data ends so, and LF otherwise
// (a mixed file is left to the editor's text as is).
func lineEnding(data []byte) string {
	n := bytes.Count(data, []byte("\n"))
	if n > 0 && bytes.Count(data, []byte("\r\n")) == n {
		return CRLF
	}
	return LF
}
