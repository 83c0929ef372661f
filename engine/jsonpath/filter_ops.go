package jsonpath

import (
	"math"
	"strings"
	"unicode/utf16"

	"github.com/ohler55/ojg/jp"
)

// Jayway's filter operators that ojg lacks or reads differently: in, nin,
// subsetof, anyof, noneof, size and empty. They are infix in Jayway
// ([?(@.size in ['S','M'])]); ojg takes registered functions in prefix
// form, so the filter's tokens are rewritten (in(@.size, ['S','M'])) to
// functions that follow Jayway's evaluators (EvaluatorFactory):
//   - in: the right side (a list or a path to an array) contains the left
//     value; a missing left value is in nothing.
//   - nin: not in (so a missing left value is "not in" any list).
//   - subsetof: every element of the left array is in the right list.
//   - anyof: some element of the left array is in the right list.
//   - noneof: no element of the left array is in the right list.
//   - size: the left string's length (UTF-16 units, as Java counts), or the
//     left array's or object's number of entries, equals the right number.
//   - empty: the left string, array or object is empty, compared with the
//     right boolean.
//
// Anything else on the left (a number, a missing value) makes subsetof,
// anyof, noneof, size and empty false, as in Jayway.

// jaywayOps maps each operator to the ojg function that evaluates it.
var jaywayOps = map[string]string{
	"in": "jaywayin", "nin": "jaywaynin", "subsetof": "jaywaysubsetof", "anyof": "jaywayanyof",
	"noneof": "jaywaynoneof", "size": "jaywaysize", "empty": "jaywayempty",
}

// Registered at init: ojg keeps its operators in a package map that every
// parse reads, so registering later could race with a parse elsewhere.
// Seven map entries cost nothing at start-up.
func init() {
	jp.RegisterBinaryFunction("jaywayin", false, false, func(l, r any) any { return listContains(r, l) })
	jp.RegisterBinaryFunction("jaywaynin", false, false, func(l, r any) any { return !listContains(r, l) })
	jp.RegisterBinaryFunction("jaywaysubsetof", false, false, func(l, r any) any {
		return eachOf(l, r, func(in, all int) bool { return in == all })
	})
	jp.RegisterBinaryFunction("jaywayanyof", false, false, func(l, r any) any {
		return eachOf(l, r, func(in, _ int) bool { return in > 0 })
	})
	jp.RegisterBinaryFunction("jaywaynoneof", false, false, func(l, r any) any {
		return eachOf(l, r, func(in, _ int) bool { return in == 0 })
	})
	jp.RegisterBinaryFunction("jaywaysize", false, false, func(l, r any) any {
		want, ok := number(r)
		if !ok {
			return false
		}
		n, ok := sizeOf(l)
		return ok && float64(n) == math.Trunc(want)
	})
	jp.RegisterBinaryFunction("jaywayempty", false, false, func(l, r any) any {
		want, ok := r.(bool)
		if !ok {
			return false
		}
		n, ok := sizeOf(l)
		return ok && (n == 0) == want
	})
}

// listContains says whether list (an array) holds an element equal to v.
func listContains(list, v any) bool {
	arr, ok := list.([]any)
	if !ok || isNothing(v) {
		return false
	}
	for _, x := range arr {
		if jaywayEqual(x, v) {
			return true
		}
	}
	return false
}

// eachOf counts the elements of the left array that the right list holds
// and asks ok(in, all); a left side that is not an array is false.
func eachOf(l, r any, ok func(in, all int) bool) bool {
	arr, isArr := l.([]any)
	if !isArr {
		return false
	}
	if _, isList := r.([]any); !isList {
		return false
	}
	in := 0
	for _, x := range arr {
		if listContains(r, x) {
			in++
		}
	}
	return ok(in, len(arr))
}

// sizeOf is the length of a string (UTF-16 units) or the number of entries
// of an array or object.
func sizeOf(v any) (int, bool) {
	switch x := v.(type) {
	case string:
		n := 0
		for _, r := range x {
			n += utf16.RuneLen(r)
		}
		return n, true
	case []any:
		return len(x), true
	case map[string]any:
		return len(x), true
	}
	return 0, false
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case int:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

// jaywayEqual compares as Jayway's value nodes do: numbers by value (1 and
// 1.0 are equal), strings, booleans and null by value, arrays and objects
// element by element.
func jaywayEqual(a, b any) bool {
	if x, ok := number(a); ok {
		y, ok := number(b)
		return ok && x == y
	}
	switch x := a.(type) {
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !jaywayEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !jaywayEqual(v, w) {
				return false
			}
		}
		return true
	}
	return a == b
}

// isNothing says whether ojg passed its marker for a missing value.
func isNothing(v any) bool {
	switch v.(type) {
	case nil, string, bool, int64, int, float64, []any, map[string]any:
		return false
	}
	return true
}

// tokens collects a filter's tokens as quoteBareWords reads them; join
// rewrites the Jayway operators into ojg functions and joins them.
type tokens []string

func (t *tokens) WriteString(s string) { *t = append(*t, s) }
func (t *tokens) writeByte(c byte)     { *t = append(*t, string(c)) }

func (t tokens) join() string {
	t = t.rewriteOps()
	var b strings.Builder
	for _, s := range t {
		b.WriteString(s)
	}
	return b.String()
}

// rewriteOps turns "L op R" into "fn(L,R)" for each Jayway operator, where
// L and R are single operands: a path, a literal, or a bracketed list.
func (t tokens) rewriteOps() tokens {
	for i := 0; i < len(t); i++ {
		fn, ok := jaywayOps[t[i]]
		if !ok {
			continue
		}
		ls, le := t.operandBefore(i)
		rs, re := t.operandAfter(i)
		if ls < 0 || rs < 0 {
			continue // not in operator position: leave it to ojg's error
		}
		call := fn + "(" + strings.Join(t[ls:le], "") + "," + strings.Join(t[rs:re], "") + ")"
		out := append(tokens{}, t[:ls]...)
		out = append(out, call)
		i = len(out) - 1
		t = append(out, t[re:]...)
	}
	// Spaces were kept as tokens so operators stay words; ojg takes them.
	return t
}

// operandBefore returns the token range of the operand left of i.
func (t tokens) operandBefore(i int) (int, int) {
	j := i - 1
	for j >= 0 && t[j] == " " {
		j--
	}
	if j < 0 {
		return -1, -1
	}
	end := j + 1
	if t[j] == "]" || t[j] == ")" {
		open := map[string]string{"]": "[", ")": "("}[t[j]]
		depth := 0
		for ; j >= 0; j-- {
			switch t[j] {
			case "]", ")":
				depth++
			case "[", "(":
				depth--
			}
			if depth == 0 && t[j] == open {
				return j, end
			}
		}
		return -1, -1
	}
	if strings.ContainsAny(t[j][:1], "(,&|!=<>") {
		return -1, -1
	}
	return j, end
}

// operandAfter returns the token range of the operand right of i.
func (t tokens) operandAfter(i int) (int, int) {
	j := i + 1
	for j < len(t) && t[j] == " " {
		j++
	}
	if j >= len(t) {
		return -1, -1
	}
	start := j
	if t[j] == "[" {
		depth := 0
		for ; j < len(t); j++ {
			switch t[j] {
			case "[", "(":
				depth++
			case "]", ")":
				depth--
			}
			if depth == 0 {
				return start, j + 1
			}
		}
		return -1, -1
	}
	if strings.ContainsAny(t[j][:1], "()],&|!=<>") {
		return -1, -1
	}
	return start, j + 1
}
