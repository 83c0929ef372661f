package schema

import (
	"strconv"
	"time"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// maxRuleDepth bounds And/Or/Not nesting walked (the parser bounds it too).
const maxRuleDepth = 100

func (c *checker) choice(s *asl.State, ptr, ql string) {
	for i, r := range s.Choices {
		c.choiceRule(s, asl.AppendIndex(asl.Append(ptr, "Choices"), i), r, ql, true, 0)
	}
}

func (c *checker) choiceRule(s *asl.State, ptr string, r *asl.ChoiceRule, ql string, top bool, depth int) {
	if !r.Node.Is(asl.KindObject) || depth > maxRuleDepth {
		return
	}
	if !top && r.Node.Has("Next") {
		c.errorKey(ptr+"/Next", CodeSchema, "State %q: a rule nested in And, Or or Not cannot have Next; only top-level Choice rules do. Move Next to the enclosing rule.", s.Name)
	}
	if ql == asl.JSONata {
		for _, f := range r.Node.Fields {
			if tableRules().choiceJSONPath[f.Key] {
				c.report(Error, asl.Append(ptr, f.Key), f.KeyRange, CodeSchema,
					"State %q uses JSONata, where Choice rules test a Condition instead of %q. Write the test as \"Condition\": \"{%% … %%}\".", s.Name, f.Key)
			}
		}
		if top && r.Condition == nil {
			c.errorKey(ptr, CodeSchema, "State %q: this Choice rule has no Condition. Add \"Condition\": \"{%% … %%}\".", s.Name)
		}
		return
	}
	if f := r.Node.Field("Condition"); f != nil {
		c.report(Error, ptr+"/Condition", f.KeyRange, CodeSchema,
			"State %q uses JSONPath, where Choice rules have no Condition. Use Variable with a comparison operator, or set \"QueryLanguage\": \"JSONata\" on the state.", s.Name)
		return
	}
	if r.Node.Has("Output") {
		c.errorKey(ptr+"/Output", CodeSchema, "State %q uses JSONPath, where Choice rules have no Output. Switch the state to JSONata or remove it.", s.Name)
	}
	if a := r.Node.Get("Assign"); a != nil {
		c.template(s, ptr+"/Assign", a)
	}
	combinators := 0
	for _, k := range tableRules().choiceCombinators {
		if r.Node.Has(k) {
			combinators++
		}
	}
	ops := len(r.Operators)
	switch {
	case combinators+ops == 0:
		c.errorKey(ptr, CodeSchema, "State %q: this Choice rule has no comparison. Add a Variable and one operator such as \"StringEquals\", or And/Or/Not.", s.Name)
	case combinators+ops > 1:
		c.errorKey(ptr, CodeSchema, "State %q: a Choice rule must have exactly one comparison operator or one of And/Or/Not; this one has %d. Split it into nested rules with And or Or.", s.Name, combinators+ops)
	case ops == 1 && !r.Node.Has("Variable"):
		c.errorKey(ptr, CodeSchema, "State %q: the %s comparison needs a Variable naming the value to test, e.g. \"Variable\": \"$.status\".", s.Name, r.Operator)
	case combinators == 1 && r.Node.Has("Variable"):
		c.errorKey(ptr+"/Variable", CodeSchema, "State %q: a rule with And, Or or Not has no Variable; put the Variable in the nested rules.", s.Name)
	}
	if v := r.Node.Get("Variable"); v.Is(asl.KindString) {
		c.pathValue(s, ptr, "Variable", v, anyPath, false)
	}
	if ops == 1 {
		c.operand(s, ptr, r)
	}
	for i, sub := range r.And {
		c.choiceRule(s, ptr+"/And/"+strconv.Itoa(i), sub, ql, false, depth+1)
	}
	for i, sub := range r.Or {
		c.choiceRule(s, ptr+"/Or/"+strconv.Itoa(i), sub, ql, false, depth+1)
	}
	if r.Not != nil {
		c.choiceRule(s, ptr+"/Not", r.Not, ql, false, depth+1)
	}
	if not := r.Node.Get("Not"); not != nil && !not.Is(asl.KindObject) {
		c.errorAt(ptr+"/Not", not, CodeSchema, "State %q: Not must hold one Choice rule object.", s.Name)
	}
}

// operand checks the value of a comparison operator beyond its JSON type.
func (c *checker) operand(s *asl.State, ptr string, r *asl.ChoiceRule) {
	op, v := r.Operator, r.Operand
	if !v.Is(asl.KindString) {
		return // non-string operands are type-checked by the schema
	}
	switch asl.ChoiceOperators[op] {
	case asl.OperandPath:
		c.pathValue(s, ptr, op, v, anyPath, false)
	case asl.OperandTimestamp:
		if c.opts.Placeholders && isPlaceholder(v.Str) {
			return
		}
		if _, err := parseTimestamp(v.Str); err != nil {
			c.errorAt(ptr+"/"+op, v, CodeSchema, "State %q: %s compares against %q, which is not an RFC 3339 timestamp such as \"2026-01-31T09:30:00Z\".", s.Name, op, v.Str)
		}
	}
}

// parseTimestamp accepts what Step Functions accepts: RFC 3339 with a
// time zone (Z or an offset), optional fractional seconds.
func parseTimestamp(s string) (time.Time, error) {
	return time.Parse(time.RFC3339Nano, s)
}
