package jsonvalue

import (
	"bytes"
	"fmt"
	"math"
	"runtime"
	"strconv"
	"unicode/utf8"
)

// Marshal returns v as compact JSON.
func Marshal(v any) ([]byte, error) {
	return Append(nil, v)
}

// String returns v as compact JSON; values that cannot be encoded (a Go
// value outside the JSON model) print with %v, which is good enough for
// error messages.
func String(v any) string {
	b, err := Append(nil, v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// Append appends v as compact JSON to b.
func Append(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case bool:
		return strconv.AppendBool(b, v), nil
	case string:
		return AppendString(b, v), nil
	case int64:
		return strconv.AppendInt(b, v, 10), nil
	case int:
		return strconv.AppendInt(b, int64(v), 10), nil
	case float64:
		return AppendFloat(b, v)
	case []any:
		if len(v) >= parallelItems && runtime.GOMAXPROCS(0) > 1 {
			return appendHalves(b, v)
		}
		b = append(b, '[')
		b, err := appendItems(b, v)
		if err != nil {
			return nil, err
		}
		return append(b, ']'), nil
	case map[string]any:
		var scratch [8]string
		keys := orderedKeys(v, scratch[:0])
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendString(b, k)
			b = append(b, ':')
			var err error
			if b, err = Append(b, v[k]); err != nil {
				return nil, err
			}
		}
		return append(b, '}'), nil
	}
	return nil, fmt.Errorf("jsonvalue: cannot encode %T", v)
}

// AppendFloat writes a float as Java's Double.toString does, which is
// what AWS (Jackson) prints: the shortest digits that read back the same,
// plain between 1e-3 and 1e7 with at least one fractional digit ("2.0",
// "1.1"), else scientific ("1.0E7", "1.5E-4").
func AppendFloat(b []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, fmt.Errorf("jsonvalue: cannot encode %v", f)
	}
	if f == 0 {
		if math.Signbit(f) {
			return append(b, "-0.0"...), nil
		}
		return append(b, "0.0"...), nil
	}
	abs := math.Abs(f)
	if abs >= 1e-3 && abs < 1e7 {
		n := len(b)
		b = strconv.AppendFloat(b, f, 'f', -1, 64)
		if !bytes.ContainsRune(b[n:], '.') {
			b = append(b, '.', '0')
		}
		return b, nil
	}
	// Shortest digits in Go's scientific form, e.g. "1.5e-04", rewritten.
	var tmp [32]byte
	e := strconv.AppendFloat(tmp[:0], f, 'e', -1, 64)
	i := bytes.IndexByte(e, 'e')
	mant, exp := e[:i], e[i+1:]
	b = append(b, mant...)
	if !bytes.ContainsRune(mant, '.') {
		b = append(b, '.', '0')
	}
	b = append(b, 'E')
	if exp[0] == '-' {
		b = append(b, '-')
	}
	exp = bytes.TrimLeft(exp[1:], "0")
	return append(b, exp...), nil
}

const hex = "0123456789ABCDEF"

// AppendString appends s as a JSON string literal, escaping only what JSON
// requires, as Jackson does.
func AppendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			if c < utf8.RuneSelf {
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b = append(b, s[start:i]...)
				b = append(b, `\uFFFD`...)
				i++
				start = i
				continue
			}
			i += size
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		case '\b':
			b = append(b, '\\', 'b')
		case '\f':
			b = append(b, '\\', 'f')
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
		}
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// parallelItems is the length from which an array's two halves are
// encoded side by side: a 10,000-item Map's result takes 3 ms to encode,
// a tenth of the whole `stepstudio run`, and a goroutine costs a
// microsecond.
const parallelItems = 4096

// appendHalves encodes v's second half on another goroutine while this one
// encodes the first, then joins them.
func appendHalves(b []byte, v []any) ([]byte, error) {
	mid := len(v) / 2
	var (
		second []byte
		err2   error
		done   = make(chan struct{})
	)
	go func() {
		defer close(done)
		second, err2 = appendItems(make([]byte, 0, 16*(len(v)-mid)), v[mid:])
	}()
	b = append(b, '[')
	b, err := appendItems(b, v[:mid])
	<-done
	if err == nil {
		err = err2
	}
	if err != nil {
		return nil, err
	}
	b = append(append(b, ','), second...)
	return append(b, ']'), nil
}

// appendItems appends the array items v, comma-separated.
func appendItems(b []byte, v []any) ([]byte, error) {
	for i, e := range v {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = Append(b, e); err != nil {
			return nil, err
		}
	}
	return b, nil
}
