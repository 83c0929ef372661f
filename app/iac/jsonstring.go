package iac

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// decodeJSONString decodes the content of a JSON string literal (without
// its quotes). offsets[i] is the byte offset in raw of the escape or
// character that produced decoded byte i; offsets[len(text)] is len(raw).
func decodeJSONString(raw string) (string, []int, error) {
	var b strings.Builder
	offsets := make([]int, 0, len(raw)+1)
	for i := 0; i < len(raw); {
		start := i
		c := raw[i]
		if c != '\\' {
			_, size := utf8.DecodeRuneInString(raw[i:])
			b.WriteString(raw[i : i+size])
			for range size {
				offsets = append(offsets, start)
			}
			i += size
			continue
		}
		if i+1 >= len(raw) {
			return "", nil, errors.New("the string ends inside an escape")
		}
		var r rune
		switch raw[i+1] {
		case '"', '\\', '/':
			r, i = rune(raw[i+1]), i+2
		case 'b':
			r, i = '\b', i+2
		case 'f':
			r, i = '\f', i+2
		case 'n':
			r, i = '\n', i+2
		case 'r':
			r, i = '\r', i+2
		case 't':
			r, i = '\t', i+2
		case 'u':
			v, n, err := hex4(raw, i)
			if err != nil {
				return "", nil, err
			}
			r, i = v, i+n
		default:
			return "", nil, fmt.Errorf("unknown escape \\%c", raw[i+1])
		}
		n := b.Len()
		b.WriteRune(r)
		for range b.Len() - n {
			offsets = append(offsets, start)
		}
	}
	offsets = append(offsets, len(raw))
	return b.String(), offsets, nil
}

// hex4 reads \uXXXX at raw[i:], joining a surrogate pair when one follows.
func hex4(raw string, i int) (rune, int, error) {
	read := func(at int) (rune, bool) {
		if at+6 > len(raw) || raw[at] != '\\' || raw[at+1] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(raw[at+2:at+6], 16, 32)
		return rune(v), err == nil
	}
	hi, ok := read(i)
	if !ok {
		return 0, 0, errors.New(`bad \u escape`)
	}
	if hi >= 0xD800 && hi < 0xDC00 {
		if lo, ok := read(i + 6); ok && lo >= 0xDC00 && lo < 0xE000 {
			return (hi-0xD800)<<10 + (lo - 0xDC00) + 0x10000, 12, nil
		}
	}
	return hi, 6, nil
}

// encodeJSONString escapes s for the inside of a JSON string literal.
func encodeJSONString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// spliceJSONString replaces only the characters that changed, escaped as
// JSON, so the rest of the string keeps its original escapes.
func (r region) spliceJSONString(src []byte, old, text string) (from, to int, repl string, err error) {
	_, offsets, err := decodeJSONString(string(src[r.Start:r.End]))
	if err != nil {
		return 0, 0, "", err
	}
	p := 0
	for p < len(old) && p < len(text) && old[p] == text[p] {
		p++
	}
	for p > 0 && p < len(old) && !utf8.RuneStart(old[p]) {
		p--
	}
	s := 0
	for s < len(old)-p && s < len(text)-p && old[len(old)-1-s] == text[len(text)-1-s] {
		s++
	}
	for s > 0 && !utf8.RuneStart(old[len(old)-s]) {
		s--
	}
	return r.Start + offsets[p], r.Start + offsets[len(old)-s], encodeJSONString(text[p : len(text)-s]), nil
}
