package asl

import "strings"

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
	r.Comment = str(n, "Comment")
	r.Next = str(n, "Next")
	r.Condition = n.Get("Condition")
	r.Variable = str(n, "Variable")
	r.Assign = n.Get("Assign")
	r.Output = n.Get("Output")
	for _, f := range n.Fields {
		if _, ok := ChoiceOperators[f.Key]; ok {
			r.Operators = append(r.Operators, f.Key)
			if r.Operator == "" {
				r.Operator, r.Operand = f.Key, f.Value
			}
		}
	}
	for _, key := range []string{"And", "Or"} {
		list := n.Get(key)
		if !list.Is(KindArray) {
			continue
		}
		rules := make([]*ChoiceRule, 0, len(list.Items))
		for _, it := range list.Items {
			rules = append(rules, DecodeChoiceRule(it))
		}
		if key == "And" {
			r.And = rules
		} else {
			r.Or = rules
		}
	}
	if not := n.Get("Not"); not.Is(KindObject) {
		r.Not = DecodeChoiceRule(not)
	}
	return r
}
