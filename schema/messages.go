package schema

import (
	"strconv"
	"strings"

	"github.com/xeipuuv/gojsonschema"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// expectations describe, by field name, what a field holds; they turn
// gojsonschema's anyOf and type errors into advice.
var expectations = map[string]string{
	"TimeoutSeconds":             "a positive integer number of seconds (or a JSONata expression)",
	"HeartbeatSeconds":           "a positive integer number of seconds (or a JSONata expression)",
	"Seconds":                    "a non-negative integer number of seconds (or a JSONata expression)",
	"MaxConcurrency":             "a non-negative integer (or a JSONata expression); 0 means no limit",
	"ToleratedFailurePercentage": "a number from 0 to 100 (or a JSONata expression)",
	"ToleratedFailureCount":      "a non-negative integer (or a JSONata expression)",
	"MaxItems":                   "a non-negative integer (or a JSONata expression)",
	"MaxItemsPerBatch":           "a non-negative integer (or a JSONata expression)",
	"MaxInputBytesPerBatch":      "a non-negative integer (or a JSONata expression)",
	"Items":                      `an array, or a JSONata expression "{% … %}" giving one`,
	"Arguments":                  `an object, or a JSONata expression "{% … %}"`,
	"Credentials":                `an object such as {"RoleArn": "arn:aws:iam::…"}`,
	"Condition":                  `a JSONata expression "{% … %}" or a boolean`,
	"CSVHeaders":                 "an array of strings (or a JSONata expression)",
	"ResultPath":                 "a reference path such as \"$.result\", or null to discard the result",
	"InputPath":                  "a path such as \"$.input\", or null",
	"OutputPath":                 "a path such as \"$.output\", or null",
	"States":                     "an object mapping state names to states",
	"Branches":                   "an array of branches, each with StartAt and States",
	"Choices":                    "an array of Choice rules",
	"ErrorEquals":                "a non-empty array of error names such as \"States.ALL\"",
}

var typeNames = map[string]string{
	"object": "an object", "array": "an array", "string": "a string", "integer": "an integer",
	"number": "a number", "boolean": "a boolean", "null": "null",
}

func typeList(s string) string {
	parts := strings.Split(s, ",")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if n, ok := typeNames[p]; ok {
			p = n
		}
		parts[i] = p
	}
	return strings.Join(parts, " or ")
}

// schemaError turns one gojsonschema error into a located diagnostic.
func (c *checker) schemaError(ptr string, e gojsonschema.ResultError) {
	subj := subjectOf(ptr)
	name := fieldName(ptr)
	node, _, _ := c.doc.Root.Lookup(ptr)
	switch e.Type() {
	case "required":
		prop := detailString(e, "property")
		what := subj.String()
		if st := c.stateType(ptr); st != "" && subj.field == "" {
			what += " (" + st + ")"
		}
		c.errorKey(ptr, CodeSchema, "%s is missing the required field %q. Add it.%s", what, prop, requiredHint(prop))
	case "additional_property_not_allowed":
		prop := detailString(e, "property")
		where := subj.String()
		if st := c.stateType(ptr); st != "" && subj.field == "" {
			where = "A " + st + " state (" + strconv.Quote(subj.state) + ")"
		}
		c.errorKey(asl.Append(ptr, prop), CodeSchema, "%s does not allow the field %q.%s", where, prop, c.unknownFieldHint(ptr, prop))
	case "invalid_type":
		want := typeList(detailString(e, "expected"))
		if x, ok := expectations[name]; ok {
			want = x
		}
		if topLevelFields[name] && subj.field == "" && subj.state == name {
			c.errorAt(ptr, node, CodeSchema, "%q is inside States, so it is read as a state, and a state must be an object. %q belongs at the top level of the definition, beside StartAt and States: move it there.", name, name)
			return
		}
		c.errorAt(ptr, node, CodeSchema, "%s must be %s, not %s.", subjectWithField(subj), want, article(node.Kind))
	case "number_any_of", "number_one_of":
		want := "a value of another type"
		if x, ok := expectations[name]; ok {
			want = x
		}
		c.errorAt(ptr, node, CodeSchema, "%s must be %s.", subjectWithField(subj), want)
	case "enum", "const":
		got := "it"
		if node.Is(asl.KindString) {
			got = strconv.Quote(node.Str)
		}
		c.errorAt(ptr, node, CodeSchema, "%s is %s, which is not one of the allowed values [%s].", subjectWithField(subj), got, quoteList(detailString(e, "allowed")))
	case "number_gte", "number_gt":
		c.errorAt(ptr, node, CodeSchema, "%s is %s; the allowed minimum is %s.", subjectWithField(subj), node.Num, detailString(e, "min"))
	case "number_lte", "number_lt":
		c.errorAt(ptr, node, CodeSchema, "%s is %s; the allowed maximum is %s.", subjectWithField(subj), node.Num, detailString(e, "max"))
	case "array_min_items":
		c.errorAt(ptr, node, CodeSchema, "%s is empty (non-empty required): it must list at least one item%s.", subjectWithField(subj), listHint(name))
	case "array_min_properties":
		c.errorAt(ptr, node, CodeSchema, "%s is empty: a machine needs at least one state.", subjectWithField(subj))
	case "string_gte":
		c.errorAt(ptr, node, CodeSchema, "%s must not be empty.", subjectWithField(subj))
	default:
		c.errorAt(ptr, node, CodeSchema, "%s: %s.", subjectWithField(subj), e.Description())
	}
}

// subjectWithField names a field for messages whose subject is the field
// itself: `State "A", field "Retry[0].BackoffRate"` (no trailing comma).
func subjectWithField(s subject) string {
	return strings.TrimSuffix(s.String(), ",")
}

func requiredHint(prop string) string {
	switch prop {
	case "Next":
		return " It names the state to go to."
	case "ErrorEquals":
		return ` List the errors to match, e.g. ["States.ALL"].`
	case "Resource":
		return " It is the ARN of the Lambda function, activity or service integration to call."
	case "Branches":
		return " Each branch is an object with StartAt and States."
	}
	return ""
}

func listHint(name string) string {
	switch name {
	case "ErrorEquals":
		return ` such as "States.ALL"`
	case "Choices":
		return " (a rule with a condition and Next)"
	case "Branches":
		return " (an object with StartAt and States)"
	}
	return ""
}

// stateType gives the Type of the state object at ptr, or "".
func (c *checker) stateType(ptr string) string {
	segs := asl.SplitPointer(ptr)
	if len(segs) < 2 || segs[len(segs)-2] != "States" {
		return ""
	}
	n, _, ok := c.doc.Root.Lookup(ptr)
	if !ok || !n.Get("Type").Is(asl.KindString) {
		return ""
	}
	return n.Get("Type").Str
}

// unknownFieldHint suggests a fix for a field a state does not allow.
func (c *checker) unknownFieldHint(ptr, prop string) string {
	st := c.stateType(ptr)
	for _, known := range knownFields {
		if strings.EqualFold(known, prop) && known != prop {
			return " Did you mean " + strconv.Quote(known) + "? Field names are case-sensitive."
		}
	}
	if hint := didYouMean(prop, knownFields); hint != "" {
		return hint
	}
	switch {
	case prop == "Iterator" || prop == "ItemProcessor":
		return " Use only one of ItemProcessor and the older Iterator."
	case (prop == "Next" || prop == "End") && st != "":
		if st == "Choice" {
			return " A Choice state moves on through its Choices rules and Default, not Next or End."
		}
		return " " + st + " states end the machine, so they have no Next or End."
	case st != "":
		return " Remove it: " + st + " states do not use it."
	}
	return " Remove it, or check its spelling."
}

// topLevelFields are machine fields people put inside States by mistake.
var topLevelFields = map[string]bool{"QueryLanguage": true, "Comment": true, "TimeoutSeconds": true, "Version": true, "StartAt": true}

var knownFields = []string{
	"Type", "Comment", "QueryLanguage", "Next", "End", "InputPath", "OutputPath", "ResultPath",
	"Parameters", "ResultSelector", "Arguments", "Output", "Assign", "Result", "Resource",
	"TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials",
	"Retry", "Catch", "Choices", "Default", "Seconds", "SecondsPath", "Timestamp", "TimestampPath",
	"Error", "ErrorPath", "Cause", "CausePath", "Branches", "ItemProcessor", "Iterator", "ItemsPath",
	"Items", "ItemSelector", "ItemReader", "ItemBatcher", "ResultWriter", "MaxConcurrency",
	"MaxConcurrencyPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath",
	"ToleratedFailureCount", "ToleratedFailureCountPath", "Label", "StartAt", "States", "Version",
	"ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy",
	"Variable", "Condition", "And", "Or", "Not", "ProcessorConfig", "Mode", "ExecutionType",
}
