package handbook

import (
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// choiceRules says each rule of a Choice as "if … → Next", then where it
// goes otherwise.
func choiceRules(s *asl.State) []Phrase {
	var out []Phrase
	for _, r := range s.Choices {
		var b phraser
		if r.Condition.Is(asl.KindBool) && r.Condition.Bool {
			b.w("always → ")
		} else {
			b.w("if ").add(condition(r)).w(" → ")
		}
		if r.Next != "" {
			b.s(r.Next)
		} else {
			b.w("(no next step given)")
		}
		out = append(out, b.phrase())
	}
	var b phraser
	if s.Default != "" {
		b.w("otherwise → ").s(s.Default)
	} else {
		b.w("otherwise the workflow fails with ").c("States.NoChoiceMatched")
	}
	return append(out, b.phrase())
}

// condition is one rule's test in words; JSONata's is its expression.
func condition(r *asl.ChoiceRule) Phrase {
	var b phraser
	switch {
	case r.Condition != nil:
		switch {
		case r.Condition.Is(asl.KindBool):
			if r.Condition.Bool {
				return words("always")
			}
			return words("never")
		case r.Condition.Is(asl.KindString):
			e, ok := expression(r.Condition.Str)
			if !ok {
				e = r.Condition.Str
			}
			return b.c(e).phrase()
		}
		return words("(an unreadable condition)")
	case len(r.And) > 0:
		return joinRules(r.And, "and")
	case len(r.Or) > 0:
		return joinRules(r.Or, "or")
	case r.Not != nil:
		return b.w("not (").add(condition(r.Not)).w(")").phrase()
	case r.Operator != "":
		return comparison(r)
	}
	return words("(a rule with no test)")
}

func joinRules(rules []*asl.ChoiceRule, conj string) Phrase {
	items := make([]Phrase, len(rules))
	for i, r := range rules {
		p := condition(r)
		if len(r.And) > 0 || len(r.Or) > 0 {
			p = append(append(words("("), p...), Span{Words, ")"})
		}
		items[i] = p
	}
	var b phraser
	for i, it := range items {
		if i > 0 {
			b.w(" " + conj + " ")
		}
		b.add(it)
	}
	return b.phrase()
}

// comparison is "the order's total is more than 100".
func comparison(r *asl.ChoiceRule) Phrase {
	var b phraser
	b.add(pathWords(r.Variable)).w(" ")
	op := r.Operator
	if op == "" || r.Operand == nil {
		return b.w("is tested").phrase()
	}
	if kind := asl.ChoiceOperators[op]; kind == asl.OperandBool && op != "BooleanEquals" {
		yes := r.Operand.Is(asl.KindBool) && r.Operand.Bool
		pos, neg := typeTests[op][0], typeTests[op][1]
		if yes {
			return b.w(pos).phrase()
		}
		return b.w(neg).phrase()
	}
	base := strings.TrimSuffix(op, "Path")
	b.w(operatorWords(base) + " ")
	if asl.IsPathOperator(op) && r.Operand.Is(asl.KindString) {
		return b.add(pathWords(r.Operand.Str)).phrase()
	}
	return b.add(literal(r.Operand, strings.HasPrefix(base, "String") || strings.HasPrefix(base, "Timestamp"))).phrase()
}

var typeTests = map[string][2]string{
	"IsPresent":   {"is present", "is missing"},
	"IsNull":      {"is null", "is not null"},
	"IsNumeric":   {"is a number", "is not a number"},
	"IsString":    {"is text", "is not text"},
	"IsBoolean":   {"is true or false", "is not true or false"},
	"IsTimestamp": {"is a timestamp", "is not a timestamp"},
}

func operatorWords(op string) string {
	switch op {
	case "BooleanEquals", "NumericEquals", "StringEquals":
		return "is"
	case "TimestampEquals":
		return "is the time"
	case "NumericLessThan":
		return "is less than"
	case "NumericGreaterThan":
		return "is more than"
	case "NumericLessThanEquals":
		return "is at most"
	case "NumericGreaterThanEquals":
		return "is at least"
	case "StringLessThan":
		return "sorts before"
	case "StringGreaterThan":
		return "sorts after"
	case "StringLessThanEquals":
		return "sorts before or equals"
	case "StringGreaterThanEquals":
		return "sorts after or equals"
	case "TimestampLessThan":
		return "is before"
	case "TimestampGreaterThan":
		return "is after"
	case "TimestampLessThanEquals":
		return "is at or before"
	case "TimestampGreaterThanEquals":
		return "is at or after"
	case "StringMatches":
		return "matches the pattern"
	}
	return "is compared (" + op + ") with"
}

// literal is an operand as the reader would say it: numbers and booleans
// as they are, text quoted.
func literal(n *asl.Node, quoted bool) Phrase {
	switch {
	case n.Is(asl.KindString) && quoted:
		return Phrase{{Code, n.Str}}
	case n.Is(asl.KindNumber):
		return words(n.Num)
	case n.Is(asl.KindBool):
		if n.Bool {
			return words("true")
		}
		return words("false")
	}
	return words("(an unreadable value)")
}

var simplePath = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$`) })

// pathWords names the data a path points at: "$.order.total" → "the
// order's total"; "$" → "the input"; anything else shows as code.
func pathWords(p string) Phrase {
	switch {
	case p == "$":
		return words("the input")
	case simplePath().MatchString(p):
		parts := strings.Split(p[2:], ".")
		for i, part := range parts {
			parts[i] = splitWords(part)
		}
		for i := range parts[:len(parts)-1] {
			if strings.HasSuffix(parts[i], "s") {
				parts[i] += "'"
			} else {
				parts[i] += "'s"
			}
		}
		return words("the " + strings.Join(parts, " "))
	case strings.HasPrefix(p, "$") && !strings.HasPrefix(p, "$.") && !strings.HasPrefix(p, "$$") && !strings.HasPrefix(p, "$["):
		return Phrase{{Words, "the variable "}, {Code, p}}
	}
	return Phrase{{Code, p}}
}

// splitWords turns "orderTotal" and "order_total" into "order total".
func splitWords(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r == '_':
			b.WriteByte(' ')
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1])):
			b.WriteByte(' ')
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsUpper(r) && (i+1 >= len(rs) || !unicode.IsUpper(rs[i+1])) && (i == 0 || !unicode.IsUpper(rs[i-1])):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}
