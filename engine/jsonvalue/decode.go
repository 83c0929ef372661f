package jsonvalue

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// Unmarshal parses one JSON document into plain values; numbers without a
// fraction or exponent that fit in int64 become int64, others float64.
func Unmarshal(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("jsonvalue: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("jsonvalue: unexpected data after the JSON value")
	}
	return Normalize(v)
}

// Normalize converts json.Number leaves (from a decoder with UseNumber) and
// other Go numbers into int64 or float64, in place for maps and slices.
func Normalize(v any) (any, error) {
	switch x := v.(type) {
	case json.Number:
		return Number(string(x))
	case map[string]any:
		for k, e := range x {
			n, err := Normalize(e)
			if err != nil {
				return nil, err
			}
			x[k] = n
		}
	case []any:
		for i, e := range x {
			n, err := Normalize(e)
			if err != nil {
				return nil, err
			}
			x[i] = n
		}
	case int:
		return int64(x), nil
	case float32:
		return float64(x), nil
	}
	return v, nil
}

// Number parses a JSON number literal: int64 when it is an integer that
// fits, else float64.
func Number(s string) (any, error) {
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		return i, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, fmt.Errorf("jsonvalue: bad number %q: %w", s, err)
	}
	return f, nil
}
