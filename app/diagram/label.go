package diagram

import (
	"fmt"
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// operatorText renders comparison operators the way people read them.
var operatorText = map[string]string{
	"Equals": "==", "LessThan": "<", "GreaterThan": ">",
	"LessThanEquals": "<=", "GreaterThanEquals": ">=",
}

// conditionLabel renders a Choice rule as a short condition such as
// `amount > 100`, `status == "ok"` or `not (a is present)`.
func conditionLabel(r *asl.ChoiceRule) string {
	const maxLen = 48
	s := condition(r)
	if len([]rune(s)) > maxLen {
		s = string([]rune(s)[:maxLen-1]) + "…"
	}
	return s
}

func condition(r *asl.ChoiceRule) string {
	switch {
	case r == nil:
		return ""
	case r.Condition != nil:
		if r.Condition.Is(asl.KindString) {
			return strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(r.Condition.Str, "{%"), "%}"))
		}
		return literal(r.Condition)
	case len(r.And) > 0:
		return join(r.And, " and ")
	case len(r.Or) > 0:
		return join(r.Or, " or ")
	case r.Not != nil:
		return "not (" + condition(r.Not) + ")"
	case r.Operator == "":
		return ""
	}
	variable := shortPath(r.Variable)
	op := r.Operator
	if strings.HasPrefix(op, "Is") {
		test := strings.ToLower(strings.TrimPrefix(op, "Is"))
		if r.Operand.Is(asl.KindBool) && !r.Operand.Bool {
			return variable + " is not " + test
		}
		return variable + " is " + test
	}
	operand := literal(r.Operand)
	if asl.IsPathOperator(op) {
		op = strings.TrimSuffix(op, "Path")
		operand = shortPath(r.Operand.Str)
	}
	if op == "StringMatches" {
		return variable + " matches " + operand
	}
	for _, prefix := range []string{"String", "Numeric", "Boolean", "Timestamp"} {
		if rest, ok := strings.CutPrefix(op, prefix); ok {
			return fmt.Sprintf("%s %s %s", variable, operatorText[rest], operand)
		}
	}
	return variable + " " + op + " " + operand
}

func join(rules []*asl.ChoiceRule, sep string) string {
	parts := make([]string, len(rules))
	for i, r := range rules {
		parts[i] = condition(r)
		if len(r.And)+len(r.Or) > 0 {
			parts[i] = "(" + parts[i] + ")"
		}
	}
	return strings.Join(parts, sep)
}

// shortPath drops the "$." people do not need to read.
func shortPath(p string) string {
	if rest, ok := strings.CutPrefix(p, "$."); ok {
		return rest
	}
	return p
}

func literal(n *asl.Node) string {
	switch {
	case n.Is(asl.KindString):
		return `"` + n.Str + `"`
	case n.Is(asl.KindNumber):
		return n.Num
	case n.Is(asl.KindBool):
		return fmt.Sprint(n.Bool)
	case n.Is(asl.KindNull):
		return "null"
	}
	return "…"
}

// errorsLabel names the errors a Catch edge handles.
func errorsLabel(errs []string) string {
	if len(errs) == 1 && errs[0] == asl.ErrorAll {
		return "any error"
	}
	return strings.Join(errs, ", ")
}

// resourceLabel is a short name for what a Task calls: "lambda:invoke",
// "sns:publish.waitForTaskToken", "activity".
func resourceLabel(s *asl.State) string {
	if s.Type != asl.TypeTask {
		return ""
	}
	in := s.Integration
	var label string
	switch {
	case in.Activity:
		return "activity"
	case in.Lambda:
		return "lambda function"
	case in.Service == "":
		return ""
	case in.Action == "":
		label = in.Service
	default:
		label = in.Service + ":" + in.Action
	}
	switch in.Pattern {
	case asl.Sync:
		label += ".sync"
	case asl.Sync2:
		label += ".sync:2"
	case asl.WaitForTaskToken:
		label += ".waitForTaskToken"
	}
	return label
}
