package handbook

import (
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// value is a field the handbook reads that is either written out or
// computed when the workflow runs (a JSONPath "Key.$" or a JSONata
// "{% … %}").
type value struct {
	Text    string // the literal, or the path or expression it comes from
	Runtime bool
	Present bool
}

// field reads key from a Parameters or Arguments object in either query
// language: "Key" literal, "Key.$" path, or "Key": "{% … %}".
func field(n *asl.Node, key string) value {
	if p := n.Get(key + ".$"); p.Is(asl.KindString) {
		return value{Text: p.Str, Runtime: true, Present: true}
	}
	v := n.Get(key)
	switch {
	case v.Is(asl.KindString):
		if e, ok := expression(v.Str); ok {
			return value{Text: e, Runtime: true, Present: true}
		}
		return value{Text: v.Str, Present: true}
	case v.Is(asl.KindNumber):
		return value{Text: v.Num, Present: true}
	}
	return value{}
}

// argument reads key from a state's Parameters (JSONPath) or Arguments
// (JSONata); a state may carry the other language's field when it is
// invalid, so both are read.
func argument(s *asl.State, key string) value {
	if v := field(s.Parameters, key); v.Present {
		return v
	}
	return field(s.Arguments, key)
}

// numberField reads a numeric field of a state that may instead be a
// "…Path" field (JSONPath) or a JSONata expression: lit is the typed
// literal the model decoded, path the …Path field's value.
func numberField(s *asl.State, name string, lit *int64, path string) (int64, value) {
	if lit != nil {
		return *lit, value{Present: true}
	}
	if path != "" {
		return 0, value{Text: path, Runtime: true, Present: true}
	}
	if v := s.Field(name); v.Is(asl.KindString) {
		e, ok := expression(v.Str)
		if !ok {
			e = v.Str
		}
		return 0, value{Text: e, Runtime: true, Present: true}
	}
	return 0, value{}
}

// lastSegment is the part after the last sep: a queue's name from its
// URL, a topic's from its ARN.
func lastSegment(s string, sep string) string {
	s = strings.TrimRight(s, sep)
	if i := strings.LastIndex(s, sep); i >= 0 && i+1 < len(s) {
		return s[i+1:]
	}
	return s
}

// functionName is a Lambda function's name from its name, partial or full
// ARN ("arn:aws:lambda:r:a:function:charge:live" → "charge:live").
func functionName(s string) string {
	if i := strings.Index(s, "function:"); i >= 0 && strings.HasPrefix(s, "arn:") {
		return s[i+len("function:"):]
	}
	return s
}

// arnName is the resource name at the end of an ARN
// ("arn:aws:states:r:a:stateMachine:Child" → "Child"); other text as is.
func arnName(s string) string {
	if strings.HasPrefix(s, "arn:") && !strings.Contains(s, "${") {
		return lastSegment(s, ":")
	}
	return s
}
