package engine

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/jsonpath"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// choiceRule is a compiled Choice rule: a comparison, a combination
// (And/Or/Not) or, in JSONata, a Condition.
type choiceRule struct {
	next      string
	assign    field
	output    field
	condition field // JSONata

	variable string
	op       string // operator name without the Path suffix
	byPath   bool   // the operand is a path (…Path operators)
	operand  any
	// varSrc and opSrc place the rule's Variable and operator fields, for
	// a path that names nothing.
	varSrc, opSrc *source

	and, or []*choiceRule
	not     *choiceRule
}

// compileChoiceRule compiles a rule of the model; top rules have Next,
// Assign and Output, nested ones (inside And, Or, Not) do not.
func compileChoiceRule(r *asl.ChoiceRule, top bool, at locator) (*choiceRule, error) {
	c := &choiceRule{}
	if top {
		c.next = r.Next
		c.assign = at.json("Assign", r.Assign)
		c.output = at.json("Output", r.Output)
	}
	if r.Condition != nil {
		c.condition = at.json("Condition", r.Condition)
		return c, nil
	}
	// A rule without Variable reads the path "", which fails: at the rule.
	c.variable, c.varSrc = r.Variable, at.src("Variable").or(at.whole())
	var err error
	switch {
	case r.And != nil:
		c.op = "And"
		c.and, err = compileChoiceRules(r.And, at, "And")
	case r.Or != nil:
		c.op = "Or"
		c.or, err = compileChoiceRules(r.Or, at, "Or")
	case r.Not != nil:
		c.op = "Not"
		c.not, err = compileChoiceRule(r.Not, false, at.object("Not", r.Not.Node))
	case r.Operator != "":
		c.op, c.byPath = strings.TrimSuffix(r.Operator, "Path"), asl.IsPathOperator(r.Operator)
		c.operand, c.opSrc = r.Operand.Value(), at.src(r.Operator)
	default:
		return nil, compileErr(at.whole(), "state %q: choice rule has no comparison operator", at.state)
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

func compileChoiceRules(rs []*asl.ChoiceRule, at locator, key string) ([]*choiceRule, error) {
	out := make([]*choiceRule, 0, len(rs))
	for i, r := range rs {
		c, err := compileChoiceRule(r, false, at.item(key, i, r.Node))
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// eval evaluates a JSONPath rule against the state input.
func (r *choiceRule) eval(st *stepCtx, input any) (bool, error) {
	switch r.op {
	case "And":
		for _, sub := range r.and {
			ok, err := sub.eval(st, input)
			if err != nil || !ok {
				return false, err
			}
		}
		return true, nil
	case "Or":
		for _, sub := range r.or {
			ok, err := sub.eval(st, input)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	case "Not":
		ok, err := r.not.eval(st, input)
		return !ok, err
	}
	v, err := st.path(r.varSrc, r.variable, input)
	if r.op == "IsPresent" {
		want, _ := r.operand.(bool)
		return (err == nil) == want, nil
	}
	if err != nil {
		return false, choicePathErr(st, r.varSrc, r.variable, err)
	}
	operand := r.operand
	if r.byPath {
		p, _ := operand.(string)
		if operand, err = st.path(r.opSrc, p, input); err != nil {
			return false, choicePathErr(st, r.opSrc, p, err)
		}
	}
	return compare(r.op, v, operand), nil
}

// compare applies a comparison operator; a value of the wrong type never
// matches (AWS: type mismatch is false, not an error).
func compare(op string, v, operand any) bool {
	switch op {
	case "IsNull":
		want, _ := operand.(bool)
		return (v == nil) == want
	case "IsNumeric":
		_, ok := jsonvalue.Float(v)
		want, _ := operand.(bool)
		return ok == want
	case "IsString":
		_, ok := v.(string)
		want, _ := operand.(bool)
		return ok == want
	case "IsBoolean":
		_, ok := v.(bool)
		want, _ := operand.(bool)
		return ok == want
	case "IsTimestamp":
		s, ok := v.(string)
		if ok {
			_, err := parseTimestamp(s)
			ok = err == nil
		}
		want, _ := operand.(bool)
		return ok == want
	case "BooleanEquals":
		a, ok1 := v.(bool)
		b, ok2 := operand.(bool)
		return ok1 && ok2 && a == b
	case "StringMatches":
		a, ok1 := v.(string)
		b, ok2 := operand.(string)
		return ok1 && ok2 && wildcardMatch(b, a)
	}
	switch {
	case strings.HasPrefix(op, "String"):
		a, ok1 := v.(string)
		b, ok2 := operand.(string)
		if !ok1 || !ok2 {
			return false
		}
		return order(op[len("String"):], compareUTF16(a, b))
	case strings.HasPrefix(op, "Numeric"):
		a, ok1 := jsonvalue.Float(v)
		b, ok2 := jsonvalue.Float(operand)
		if !ok1 || !ok2 {
			return false
		}
		c := 0
		if a < b {
			c = -1
		} else if a > b {
			c = 1
		}
		return order(op[len("Numeric"):], c)
	case strings.HasPrefix(op, "Timestamp"):
		a, ok1 := v.(string)
		b, ok2 := operand.(string)
		if !ok1 || !ok2 {
			return false
		}
		ta, err1 := parseTimestamp(a)
		tb, err2 := parseTimestamp(b)
		if err1 != nil || err2 != nil {
			return false
		}
		return order(op[len("Timestamp"):], ta.Compare(tb))
	}
	return false
}

func order(rel string, c int) bool {
	switch rel {
	case "Equals":
		return c == 0
	case "LessThan":
		return c < 0
	case "GreaterThan":
		return c > 0
	case "LessThanEquals":
		return c <= 0
	case "GreaterThanEquals":
		return c >= 0
	}
	return false
}

// compareUTF16 orders strings by UTF-16 code units, as Java and AWS do;
// Go's byte order differs for characters beyond the BMP.
func compareUTF16(a, b string) int {
	ua, ub := utf16.Encode([]rune(a)), utf16.Encode([]rune(b))
	for i := 0; i < len(ua) && i < len(ub); i++ {
		if ua[i] != ub[i] {
			if ua[i] < ub[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(ua) < len(ub):
		return -1
	case len(ua) > len(ub):
		return 1
	}
	return 0
}

// wildcardMatch matches s against an ASL StringMatches pattern: * matches
// any run of characters, \* a literal star and \\ a literal backslash.
func wildcardMatch(pattern, s string) bool {
	type tok struct {
		r    rune
		star bool
	}
	var toks []tok
	rs := []rune(pattern)
	for i := 0; i < len(rs); i++ {
		switch {
		case rs[i] == '\\' && i+1 < len(rs):
			i++
			toks = append(toks, tok{r: rs[i]})
		case rs[i] == '*':
			toks = append(toks, tok{star: true})
		default:
			toks = append(toks, tok{r: rs[i]})
		}
	}
	in := []rune(s)
	// Iterative glob matching with backtracking on the last star.
	ti, si, starT, starS := 0, 0, -1, 0
	for si < len(in) {
		switch {
		case ti < len(toks) && !toks[ti].star && toks[ti].r == in[si]:
			ti++
			si++
		case ti < len(toks) && toks[ti].star:
			starT, starS = ti, si
			ti++
		case starT >= 0:
			starS++
			ti, si = starT+1, starS
		default:
			return false
		}
	}
	for ti < len(toks) && toks[ti].star {
		ti++
	}
	return ti == len(toks)
}

// parseTimestamp parses an RFC 3339 timestamp as ASL requires (upper-case
// T, a zone designator).
func parseTimestamp(s string) (time.Time, error) {
	if !strings.Contains(s, "T") {
		return time.Time{}, fmt.Errorf("timestamp %q: missing T", s)
	}
	return time.Parse(time.RFC3339Nano, s)
}

// choicePathErr is AWS's error for a rule whose path names nothing, placed
// at the rule's field that holds the path.
func choicePathErr(st *stepCtx, at *source, path string, err error) error {
	if errors.Is(err, jsonpath.ErrNotFound) {
		return st.runtimeErr(at, errRuntime, "Invalid path '%s': The choice state's condition path references an invalid value.", path)
	}
	return locate(err, at, "")
}
