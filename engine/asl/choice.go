package asl

import (
	"slices"
	"strings"
)

// ChoiceRule is one rule of a Choice state, or a nested rule inside And, Or
// or Not (nested rules have no Next). A JSONPath rule has a Variable and one
// comparison Operator, or And/Or/Not; a JSONata rule has a Condition.
type ChoiceRule struct {
	Node      *Node
	Comment   string
	Next      string
	Condition *Node // JSONata: "{% … %}" or a boolean literal
	Variable  string
	// Operator is the first comparison operator key found ("" if none);
	// Operand its value. Operators lists every one present (valid rules
	// have exactly one).
	Operator  string
	Operand   *Node
	Operators []string
	And       []*ChoiceRule
	Or        []*ChoiceRule
	Not       *ChoiceRule
	Assign    *Node
	Output    *Node
}

// OperandKind is the JSON kind an operator's operand must have.
type OperandKind uint8

// Operand kinds.
const (
	OperandString OperandKind = iota + 1
	OperandNumber
	OperandBool
	OperandTimestamp // a string holding an RFC 3339 timestamp
	OperandPath      // a string holding a path (the …Path forms)
)

// ChoiceOperators maps every comparison operator of a Choice rule, the
// …Path forms included, to the kind of operand it takes.
var ChoiceOperators = func() map[string]OperandKind {
	m := map[string]OperandKind{
		"StringMatches": OperandString,
		"IsNull":        OperandBool, "IsPresent": OperandBool, "IsNumeric": OperandBool,
		"IsString": OperandBool, "IsBoolean": OperandBool, "IsTimestamp": OperandBool,
		"BooleanEquals": OperandBool, "BooleanEqualsPath": OperandPath,
	}
	for _, cmp := range []string{"Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"} {
		m["String"+cmp] = OperandString
		m["Numeric"+cmp] = OperandNumber
		m["Timestamp"+cmp] = OperandTimestamp
		m["String"+cmp+"Path"] = OperandPath
		m["Numeric"+cmp+"Path"] = OperandPath
		m["Timestamp"+cmp+"Path"] = OperandPath
	}
	return m
}()

// IsPathOperator reports whether op compares against the value at a path.
func IsPathOperator(op string) bool { return strings.HasSuffix(op, "Path") }

// DecodeChoiceRule decodes a Choice rule leniently.
func DecodeChoiceRule(n *Node) *ChoiceRule {
	r := &ChoiceRule{Node: n}
	if !n.Is(KindObject) {
		return r
	}
	// One pass over the fields, last to first so that the first of
	// duplicate keys wins, as Get does.
	for _, f := range slices.Backward(n.Fields) {
		v := f.Value
		switch f.Key {
		case "Comment":
			r.Comment = strOf(v)
		case "Next":
			r.Next = strOf(v)
		case "Condition":
			r.Condition = v
		case "Variable":
			r.Variable = strOf(v)
		case "Assign":
			r.Assign = v
		case "Output":
			r.Output = v
		case "And":
			r.And = decodeRules(v)
		case "Or":
			r.Or = decodeRules(v)
		case "Not":
			r.Not = nil
			if v.Is(KindObject) {
				r.Not = DecodeChoiceRule(v)
			}
		default:
			if _, ok := ChoiceOperators[f.Key]; ok {
				r.Operators = append(r.Operators, f.Key)
				r.Operator, r.Operand = f.Key, v
			}
		}
	}
	slices.Reverse(r.Operators) // back to source order
	return r
}

// decodeRules decodes Choices, or the rules of And or Or; nil when v is
// not an array.
func decodeRules(v *Node) []*ChoiceRule {
	if !v.Is(KindArray) {
		return nil
	}
	rules := make([]*ChoiceRule, 0, len(v.Items))
	for _, it := range v.Items {
		rules = append(rules, DecodeChoiceRule(it))
	}
	return rules
}
