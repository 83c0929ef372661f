package schema

import (
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// exclusivePairs are fields of which a state may have only one.
var exclusivePairs = [][2]string{
	{"TimeoutSeconds", "TimeoutSecondsPath"},
	{"HeartbeatSeconds", "HeartbeatSecondsPath"},
	{"Error", "ErrorPath"},
	{"Cause", "CausePath"},
	{"MaxConcurrency", "MaxConcurrencyPath"},
	{"ToleratedFailurePercentage", "ToleratedFailurePercentagePath"},
	{"ToleratedFailureCount", "ToleratedFailureCountPath"},
	{"ItemsPath", "Items"},
	{"ItemProcessor", "Iterator"},
}

// nestedExclusive are the same rule inside a Map's reader and batcher.
var nestedExclusive = []struct {
	at    []string
	pairs [][2]string
}{
	{[]string{"ItemReader", "ReaderConfig"}, [][2]string{{"MaxItems", "MaxItemsPath"}}},
	{[]string{"ItemBatcher"}, [][2]string{{"MaxItemsPerBatch", "MaxItemsPerBatchPath"}, {"MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"}}},
}

func (c *checker) exclusive(s *asl.State, ptr string) {
	check := func(obj *asl.Node, objPtr string, pairs [][2]string) {
		for _, p := range pairs {
			if obj.Has(p[0]) && obj.Has(p[1]) {
				c.errorKey(asl.Append(objPtr, p[1]), CodeSchema,
					"%s may have only one of [%q, %q]. Keep the fixed value or the path, not both.", subjectOf(objPtr).String(), p[0], p[1])
			}
		}
	}
	check(s.Node, ptr, exclusivePairs)
	if s.Type == asl.TypeMap && s.Node.Has("ItemSelector") && s.Node.Has("Parameters") {
		c.errorKey(asl.Append(ptr, "Parameters"), CodeSchema,
			"State %q may have only one of [\"ItemSelector\", \"Parameters\"]. Parameters is the older name of ItemSelector; keep ItemSelector.", s.Name)
	}
	for _, ne := range nestedExclusive {
		if n := getPath(s.Node, ne.at); n != nil {
			check(n, asl.Append(ptr, ne.at...), ne.pairs)
		}
	}
}

// jsonPathOnly are fields a JSONata state may not use, with what replaces them.
var jsonPathOnly = map[string]string{
	"InputPath":                      "use $states.input in Arguments or Output",
	"OutputPath":                     "use Output",
	"ResultPath":                     "use Output (and Assign)",
	"Parameters":                     "use Arguments (or ItemSelector in a Map)",
	"ResultSelector":                 "use Output",
	"Result":                         "use Output",
	"ItemsPath":                      "use Items",
	"TimeoutSecondsPath":             `use TimeoutSeconds with "{% … %}"`,
	"HeartbeatSecondsPath":           `use HeartbeatSeconds with "{% … %}"`,
	"SecondsPath":                    `use Seconds with "{% … %}"`,
	"TimestampPath":                  `use Timestamp with "{% … %}"`,
	"ErrorPath":                      `use Error with "{% … %}"`,
	"CausePath":                      `use Cause with "{% … %}"`,
	"MaxConcurrencyPath":             `use MaxConcurrency with "{% … %}"`,
	"ToleratedFailurePercentagePath": `use ToleratedFailurePercentage with "{% … %}"`,
	"ToleratedFailureCountPath":      `use ToleratedFailureCount with "{% … %}"`,
}

// jsonataOnly are fields a JSONPath state may not use.
var jsonataOnly = map[string]string{
	"Arguments": "use Parameters",
	"Output":    "use ResultSelector, ResultPath and OutputPath",
	"Items":     "use ItemsPath",
}

// numericFields may hold a "{% … %}" string only in JSONata states.
var numericFields = []string{"TimeoutSeconds", "HeartbeatSeconds", "Seconds", "MaxConcurrency",
	"ToleratedFailurePercentage", "ToleratedFailureCount"}

// nested payloads of a Map's reader and writer: Parameters in JSONPath,
// Arguments in JSONata.
var readerWriter = []string{"ItemReader", "ResultWriter"}

func (c *checker) nestedPayloads(s *asl.State, ptr, ql string) {
	wrong, right := "Arguments", "Parameters"
	if ql == asl.JSONata {
		wrong, right = right, wrong
	}
	for _, obj := range readerWriter {
		if f := s.Node.Get(obj).Field(wrong); f != nil {
			c.report(Error, asl.Append(ptr, obj, wrong), f.KeyRange, CodeSchema,
				"State %q uses %s, so its %s takes %s, not %s.", s.Name, ql, obj, right, wrong)
		}
	}
}

func (c *checker) queryLanguageFields(s *asl.State, ptr, ql string) {
	if ql == asl.JSONata || ql == asl.JSONPath {
		c.nestedPayloads(s, ptr, ql)
	}
	if ql == asl.JSONata {
		for _, f := range s.Node.Fields {
			if fix, ok := jsonPathOnly[f.Key]; ok {
				c.report(Error, asl.Append(ptr, f.Key), f.KeyRange, CodeSchema,
					"State %q uses JSONata, where the JSONPath field %q is not allowed: %s, or set QueryLanguage to JSONPath.", s.Name, f.Key, fix)
			}
		}
		for i, cat := range s.Catch {
			if f := cat.Node.Field("ResultPath"); f != nil {
				c.report(Error, asl.AppendIndex(asl.Append(ptr, "Catch"), i)+"/ResultPath", f.KeyRange, CodeSchema,
					"State %q uses JSONata, where Catch rules have no ResultPath: use Output (and Assign) in the Catch rule.", s.Name)
			}
		}
		return
	}
	if ql != asl.JSONPath {
		return // an invalid QueryLanguage is reported by the schema
	}
	for _, f := range s.Node.Fields {
		if fix, ok := jsonataOnly[f.Key]; ok {
			c.report(Error, asl.Append(ptr, f.Key), f.KeyRange, CodeSchema,
				"State %q uses JSONPath, where the JSONata field %q is not allowed: %s, or set \"QueryLanguage\": \"JSONata\" on the state.", s.Name, f.Key, fix)
		}
	}
	for i, cat := range s.Catch {
		if f := cat.Node.Field("Output"); f != nil {
			c.report(Error, asl.AppendIndex(asl.Append(ptr, "Catch"), i)+"/Output", f.KeyRange, CodeSchema,
				"State %q uses JSONPath, where Catch rules have no Output: use ResultPath, or switch the state to JSONata.", s.Name)
		}
	}
	for _, name := range numericFields {
		if v := s.Field(name); v.Is(asl.KindString) && isJSONata(v.Str) {
			c.errorAt(asl.Append(ptr, name), v, CodeSchema,
				"State %q uses JSONPath, so %q cannot be a JSONata expression. Use %sPath with a path, or set \"QueryLanguage\": \"JSONata\" on the state.", s.Name, name, name)
		}
	}
}

func isJSONata(s string) bool {
	return strings.HasPrefix(s, "{%") && strings.HasSuffix(s, "%}") && len(s) >= 4
}
