//go:build linux

package hostile

import "strings"

// definitionCases: text that is no definition. validate reports it located
// (exit 1), run refuses it (exit 2), graph has nothing to draw (exit 1).
func definitionCases() []hostileCase {
	texts := []struct {
		name, file, text, want string
	}{
		{"empty file", "d.json", "", "MISSING_DESCRIPTION|INVALID_JSON_DESCRIPTION"},
		{"only spaces", "d.json", "  \n\t\n", "INVALID_JSON_DESCRIPTION"},
		{"one brace", "d.json", "{", "INVALID_JSON_DESCRIPTION"},
		{"a closing brace", "d.json", "}", "INVALID_JSON_DESCRIPTION"},
		{"an array", "d.json", "[]", "SCHEMA_VALIDATION_FAILED|INVALID_JSON_DESCRIPTION"},
		{"null", "d.json", "null", "SCHEMA_VALIDATION_FAILED|INVALID_JSON_DESCRIPTION"},
		{"a number", "d.json", "42", "SCHEMA_VALIDATION_FAILED|INVALID_JSON_DESCRIPTION"},
		{"a string", "d.json", `"StartAt"`, "SCHEMA_VALIDATION_FAILED|INVALID_JSON_DESCRIPTION"},
		{"missing final brace", "d.json", strings.TrimSuffix(pass, "}"), "INVALID_JSON_DESCRIPTION"},
		{"trailing comma", "d.json", `{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true},}}`, "INVALID_JSON_DESCRIPTION"},
		{"missing comma", "d.json", "{\n\"StartAt\": \"A\"\n\"States\": {}\n}", `d\.json:[23]:.*INVALID_JSON_DESCRIPTION`},
		{"NUL byte", "d.json", "{\"StartAt\": \"A\x00\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}", "INVALID_JSON_DESCRIPTION"},
		{"invalid UTF-8 in a state name", "d.json", machine("A", "{\"A\xff\": {\"Type\": \"Pass\", \"End\": true}}"), "INVALID|UTF-8"},
		{"invalid UTF-8 in a comment", "d.json", "{\"Comment\": \"\xc3\x28\", \"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}", "INVALID|UTF-8"},
		{"comments are not JSON", "d.json", "// order flow\n" + pass, "INVALID_JSON_DESCRIPTION"},
		{"single quotes", "d.json", `{'StartAt': 'A', 'States': {}}`, "INVALID_JSON_DESCRIPTION"},
		{"number too large", "d.json", machine("A", `{"A": {"Type": "Wait", "Seconds": 1e400, "End": true}}`), "INVALID|SCHEMA|range"},
		{"integer too large", "d.json", machine("A", `{"A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 99999999999999999999}], "End": true}}`), "SCHEMA|INVALID|MaxAttempts"},
		{"duplicate keys", "d.json", `{"StartAt": "A", "StartAt": "B", "States": {"A": {"Type": "Pass", "End": true}}}`, "appears twice"},
		{"deeply nested Parameters", "d.json", machine("A", `{"A": {"Type": "Pass", "Parameters": `+strings.Repeat(`{"a":`, 100000)+"1"+strings.Repeat("}", 100000)+`, "End": true}}`), "INVALID_JSON_DESCRIPTION|nest"},
		{"deeply nested arrays", "d.json", strings.Repeat("[", 1000000), "INVALID_JSON_DESCRIPTION|nest"},
		{"YAML tab indentation", "d.asl.yaml", "StartAt: A\nStates:\n\tA:\n\t\tType: Pass\n", "INVALID_JSON_DESCRIPTION|YAML|tab"},
		{"YAML second document", "d.asl.yaml", "StartAt: A\nStates:\n  A: {Type: Pass, End: true}\n---\nStartAt: B\n", "document"},
		{"YAML billion laughs", "d.asl.yaml", yamlBomb, "alias|INVALID|large|expan"},
		{"YAML recursive alias", "d.asl.yaml", "a: &a [*a]\nStartAt: A\n", "INVALID|alias|recurs|anchor"},
		{"YAML unknown tag", "d.asl.yaml", "StartAt: !!python/object:os.system A\nStates: {}\n", "INVALID|tag|SCHEMA"},
		{"YAML duplicate keys", "d.asl.yaml", "StartAt: A\nStartAt: B\nStates:\n  A: {Type: Pass, End: true}\n", "appears twice"},
		{"YAML deep nesting", "d.asl.yaml", "StartAt: A\nStates: " + strings.Repeat("[", 100000) + "\n", "INVALID|nest|depth"},
	}
	var out []hostileCase
	for _, tc := range texts {
		files := map[string]string{tc.file: tc.text}
		out = append(out,
			hostileCase{class: "definition: malformed", name: "validate " + tc.name, files: files,
				args: []string{"validate", tc.file}, exit: fail, want: tc.want},
			hostileCase{class: "definition: malformed", name: "run " + tc.name, files: files,
				args: []string{"run", tc.file}, exit: usage, want: "stepstudio run: "},
		)
	}
	for _, tc := range texts[:8] {
		out = append(out, hostileCase{class: "definition: malformed", name: "graph " + tc.name,
			files: map[string]string{tc.file: tc.text}, args: []string{"graph", tc.file}, exit: fail, want: "nothing to draw"})
	}
	return out
}

// yamlBomb expands to 10^9 strings if aliases are expanded naively.
var yamlBomb = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]
StartAt: A
States:
  A: {Type: Pass, Result: *i, End: true}
`
