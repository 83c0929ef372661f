package jsonpath

import (
	"github.com/ohler55/ojg/jp"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// walk collects what an indefinite path selects below cur, in document
// order as Jayway gives it (object members in their recorded key order,
// see jsonvalue.Keys).
func walk(frags []jp.Frag, cur, root any, out []any) []any {
	if len(frags) == 0 {
		return append(out, cur)
	}
	rest := frags[1:]
	switch f := frags[0].(type) {
	case jp.Child:
		if m, ok := cur.(map[string]any); ok {
			if v, ok := m[string(f)]; ok {
				out = walk(rest, v, root, out)
			}
		}
	case jp.Nth:
		if a, ok := cur.([]any); ok {
			i := int(f)
			if i < 0 {
				i += len(a)
			}
			if i >= 0 && i < len(a) {
				out = walk(rest, a[i], root, out)
			}
		}
	case jp.Wildcard:
		out = eachChild(cur, func(v any, out []any) []any { return walk(rest, v, root, out) }, out)
	case jp.Descent:
		out = descend(rest, cur, root, out)
	case jp.Union:
		if keys, ok := unionKeys(f); ok && len(rest) == 0 && len(keys) > 1 {
			if m, ok := cur.(map[string]any); ok {
				out = append(out, mergeKeys(m, keys))
			}
			return out
		}
		for _, k := range f {
			switch k := k.(type) {
			case string:
				out = walk(append([]jp.Frag{jp.Child(k)}, rest...), cur, root, out)
			case int64:
				out = walk(append([]jp.Frag{jp.Nth(k)}, rest...), cur, root, out)
			}
		}
	case jp.Slice:
		if a, ok := cur.([]any); ok {
			for _, i := range sliceIndexes(f, len(a)) {
				out = walk(rest, a[i], root, out)
			}
		}
	case *jp.Filter:
		// Jayway filters the elements of an array, and an object as a whole.
		switch c := cur.(type) {
		case []any:
			for _, v := range c {
				if f.Match(v) {
					out = walk(rest, v, root, out)
				}
			}
		case map[string]any:
			if f.Match(c) {
				out = walk(rest, c, root, out)
			}
		}
	}
	return out
}

// descend applies rest to cur and to every value below it, parents first.
func descend(rest []jp.Frag, cur, root any, out []any) []any {
	out = walk(rest, cur, root, out)
	return eachChild(cur, func(v any, out []any) []any { return descend(rest, v, root, out) }, out)
}

func eachChild(cur any, fn func(v any, out []any) []any, out []any) []any {
	switch c := cur.(type) {
	case map[string]any:
		for _, k := range jsonvalue.Keys(c) {
			out = fn(c[k], out)
		}
	case []any:
		for _, v := range c {
			out = fn(v, out)
		}
	}
	return out
}

// sliceIndexes resolves [start:end:step] over n items, Python style (end
// exclusive, negative values count from the end).
func sliceIndexes(s jp.Slice, n int) []int {
	step := 1
	if s[2] != jp.SliceNotSet && s[2] != 0 {
		step = s[2]
	}
	norm := func(v, def int) int {
		if v == jp.SliceNotSet {
			return def
		}
		if v < 0 {
			v += n
		}
		return v
	}
	var out []int
	if step > 0 {
		start, end := max(norm(s[0], 0), 0), min(norm(s[1], n), n)
		for i := start; i < end; i += step {
			out = append(out, i)
		}
		return out
	}
	start, end := min(norm(s[0], n-1), n-1), max(norm(s[1], -n-1), -1)
	for i := start; i > end; i += step {
		out = append(out, i)
	}
	return out
}
