package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// enumValues reads, from the WASM binary, the value that each exported
// function wasm_bridge_get_NAME returns: the C enum and #define values
// that bind.go's init asks the running module for (getEnumValue). Each such
// function is a constant, `i32.const N; end`, so it can be read without
// running the module; any other body is an error.
func enumValues(wasm []byte) (map[string]int, error) {
	if !bytes.HasPrefix(wasm, []byte("\x00asm\x01\x00\x00\x00")) {
		return nil, errors.New("not a WASM 1 binary")
	}
	const prefix = "wasm_bridge_get_"
	r := &wasmReader{b: wasm, i: 8}
	imported := 0
	exports := map[string]uint32{}
	var bodies [][]byte
	for r.i < len(r.b) {
		id := r.byte()
		size := int(r.u32())
		end := r.i + size
		if end > len(r.b) {
			return nil, errors.New("truncated section")
		}
		s := &wasmReader{b: r.b[:end], i: r.i}
		switch id {
		case 2: // imports: functions among them come first in the index space
			for n := s.u32(); n > 0; n-- {
				s.name()
				s.name()
				switch kind := s.byte(); kind {
				case 0: // function
					s.u32()
					imported++
				case 1: // table
					s.byte()
					s.limits()
				case 2: // memory
					s.limits()
				case 3: // global
					s.byte()
					s.byte()
				default:
					return nil, fmt.Errorf("import of unknown kind %d", kind)
				}
			}
		case 7: // exports
			for n := s.u32(); n > 0; n-- {
				name := s.name()
				kind := s.byte()
				index := s.u32()
				if kind == 0 && strings.HasPrefix(name, prefix) {
					exports[strings.TrimPrefix(name, prefix)] = index
				}
			}
		case 10: // code
			for n := s.u32(); n > 0; n-- {
				size := int(s.u32())
				bodies = append(bodies, s.b[s.i:s.i+size])
				s.i += size
			}
		}
		if s.err != nil {
			return nil, s.err
		}
		r.i = end
	}
	if r.err != nil {
		return nil, r.err
	}
	values := map[string]int{}
	for name, index := range exports {
		i := int(index) - imported
		if i < 0 || i >= len(bodies) {
			continue // an imported function re-exported: not a constant
		}
		// no locals (0x00), i32.const (0x41) with a signed LEB128, end (0x0b)
		body := &wasmReader{b: bodies[i]}
		if body.byte() != 0x00 || body.byte() != 0x41 {
			continue // a field getter, not a constant
		}
		v := body.s32()
		if body.err != nil || body.i != len(body.b)-1 || body.b[body.i] != 0x0b {
			continue
		}
		values[name] = int(v)
	}
	return values, nil
}

type wasmReader struct {
	b   []byte
	i   int
	err error
}

func (r *wasmReader) byte() byte {
	if r.i >= len(r.b) {
		if r.err == nil {
			r.err = errors.New("truncated WASM binary")
		}
		return 0
	}
	c := r.b[r.i]
	r.i++
	return c
}

func (r *wasmReader) u32() uint32 {
	var v uint32
	for shift := uint(0); shift < 35; shift += 7 {
		c := r.byte()
		v |= uint32(c&0x7f) << shift
		if c&0x80 == 0 {
			return v
		}
	}
	r.err = errors.New("bad LEB128")
	return 0
}

func (r *wasmReader) s32() int32 {
	var v int32
	var shift uint
	for {
		c := r.byte()
		v |= int32(c&0x7f) << shift
		shift += 7
		if c&0x80 == 0 {
			if shift < 32 && c&0x40 != 0 {
				v |= -1 << shift
			}
			return v
		}
		if shift >= 35 {
			r.err = errors.New("bad LEB128")
			return 0
		}
	}
}

func (r *wasmReader) name() string {
	n := int(r.u32())
	if r.i+n > len(r.b) {
		r.err = errors.New("truncated WASM binary")
		return ""
	}
	s := string(r.b[r.i : r.i+n])
	r.i += n
	return s
}

func (r *wasmReader) limits() {
	if r.byte()&1 != 0 {
		r.u32()
	}
	r.u32()
}
