// Package jsonpos locates values in JSON text by JSON Pointer, so that
// errors about a configuration file can say file:line:column.
package jsonpos

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
)

// Positions maps JSON Pointers to the byte offset where their value starts.
type Positions map[string]int64

// Index walks data and records where every value starts. For text that is
// not valid JSON it returns what it indexed before the error.
func Index(data []byte) Positions {
	pos := Positions{}
	dec := json.NewDecoder(bytes.NewReader(data))
	var walk func(ptr string) error
	walk = func(ptr string) error {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		pos[ptr] = valueStart(data, off)
		d, ok := tok.(json.Delim)
		if !ok {
			return nil
		}
		switch d {
		case '{':
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return err
				}
				if err := walk(ptr + "/" + Escape(kt.(string))); err != nil {
					return err
				}
			}
		case '[':
			for i := 0; dec.More(); i++ {
				if err := walk(ptr + "/" + strconv.Itoa(i)); err != nil {
					return err
				}
			}
		}
		_, err = dec.Token() // closing delimiter
		return err
	}
	if err := walk(""); err != nil && !errors.Is(err, io.EOF) {
		return pos // partial: good enough to locate what was indexed
	}
	return pos
}

// valueStart skips the whitespace, ':' and ',' the decoder leaves before a
// value.
func valueStart(data []byte, off int64) int64 {
	for off < int64(len(data)) && strings.IndexByte(" \t\r\n:,", data[off]) >= 0 {
		off++
	}
	return off
}

// Escape escapes a key for a JSON Pointer ("~" and "/").
func Escape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// LineCol turns a byte offset into a 1-based line and column (in bytes).
func LineCol(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}
