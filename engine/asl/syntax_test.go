package asl_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// ordersJSON is a definition laid out as people write it; the cases below
// break it the way people do.
const ordersJSON = `{
  "Comment": "Orders",
  "StartAt": "Check stock",
  "States": {
    "Check stock": {
      "Type": "Pass",
      "Next": "Charge card"
    },
    "Charge card": {
      "Type": "Task",
      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:charge",
      "Retry": [
        {"ErrorEquals": ["States.ALL"], "MaxAttempts": 2}
      ],
      "End": true
    }
  }
}
`

// Syntax errors are placed where the fix belongs and said in plain words:
// a missing comma at the end of the value it should follow, a trailing
// comma at the comma, an unclosed bracket at the bracket, an unterminated
// string at the end of its line.
func TestSyntaxErrorsSayWhatToFixWhereToFixIt(t *testing.T) {
	tests := []struct {
		name, file, src string
		at              string // line:column
		msg             string // the whole message
	}{
		// JSON
		{"missing comma at the end of a line", "x.json", strings.Replace(ordersJSON, `"Type": "Pass",`, `"Type": "Pass"`, 1),
			"6:21", "A comma is missing after the value on line 6."},
		{"missing comma after an object", "x.json", strings.Replace(ordersJSON, "    },\n    \"Charge", "    }\n    \"Charge", 1),
			"8:6", "A comma is missing after the value on line 8."},
		{"missing comma on one line", "x.json", `{"StartAt": "A" "States": {}}`,
			"1:16", "A comma is missing after the value on line 1."},
		{"missing comma in a list", "x.json", strings.Replace(ordersJSON, `{"ErrorEquals": ["States.ALL"]`, `{"ErrorEquals": ["States.ALL" "States.Timeout"]`, 1),
			"13:38", "A comma is missing after the value on line 13."},
		{"trailing comma in an object", "x.json", strings.Replace(ordersJSON, `"End": true`, `"End": true,`, 1),
			"15:18", "There is a comma after the last value on line 15; remove it (JSON allows no comma before })."},
		{"trailing comma in a list", "x.json", strings.Replace(ordersJSON, `["States.ALL"]`, `["States.ALL",]`, 1),
			"13:38", "There is a comma after the last value on line 13; remove it (JSON allows no comma before ])."},
		{"missing closing brace in the middle", "x.json", strings.Replace(ordersJSON, "      \"Next\": \"Charge card\"\n    },", "      \"Next\": \"Charge card\"\n", 1),
			"5:20", "The { on line 5 is never closed; add a } where this object ends."},
		{"missing closing brace of a nested object, found at the end", "x.json", strings.Replace(ordersJSON, "      ],\n      \"End\"", "      ,\n      \"End\"", 1),
			"12:16", "The [ on line 12 is never closed; add a ] where this list ends."},
		{"missing closing brace at the end", "x.json", strings.TrimSuffix(ordersJSON, "}\n"),
			"1:1", "The { on line 1 is never closed; add a } where this object ends."},
		{"missing closing bracket before a key", "x.json", strings.Replace(ordersJSON, "      ],\n", "\n", 1),
			"12:16", "The [ on line 12 is never closed; add a ] where this list ends."},
		{"missing closing bracket before a brace", "x.json", `{"A": [1, 2}`,
			"1:7", "The [ on line 1 is never closed; add a ] where this list ends."},
		{"indentation tells which brace is missing", "x.json", "{\n  \"States\": {\n    \"A\": {\n      \"Parameters\": {\n        \"x\": 1\n    },\n    \"B\": {}\n  }\n}\n",
			"4:21", "The { on line 4 is never closed; add a } where this object ends."},
		{"unquoted key", "x.json", strings.Replace(ordersJSON, `"StartAt"`, `StartAt`, 1),
			"3:3", `The key StartAt on line 3 needs double quotes: "StartAt".`},
		{"unquoted value", "x.json", strings.Replace(ordersJSON, `"Type": "Pass"`, `"Type": Pass`, 1),
			"6:15", `The value Pass on line 6 needs double quotes: "Pass".`},
		{"capital True", "x.json", strings.Replace(ordersJSON, `"End": true`, `"End": True`, 1),
			"15:14", "Write True on line 15 as true: JSON writes true, false and null in lowercase."},
		{"single quotes on a key", "x.json", `{'StartAt': 'A', 'States': {}}`,
			"1:2", `Line 1 uses single quotes; JSON writes keys and text in double quotes (").`},
		{"single quotes on a value", "x.json", "{\n  \"StartAt\": 'A'\n}",
			"2:14", `Line 2 uses single quotes; JSON writes text in double quotes (").`},
		{"missing colon", "x.json", strings.Replace(ordersJSON, `"StartAt": "Check stock"`, `"StartAt" "Check stock"`, 1),
			"3:12", `A colon (:) is missing after the key "StartAt" on line 3.`},
		{"a key with another sign than a colon", "x.json", `{"StartAt" = "A"}`,
			"1:12", `The key "StartAt" on line 1 must be followed by a colon (:), not =.`},
		{"a key without a value", "x.json", "{\n  \"StartAt\": ,\n  \"States\": {}\n}",
			"2:14", `The key "StartAt" on line 2 has no value; write one after its colon.`},
		{"unterminated string", "x.json", strings.Replace(ordersJSON, `"Next": "Charge card"`, `"Next": "Charge card`, 1),
			"7:27", `A closing quote (") is missing at the end of line 7.`},
		{"unterminated string, CRLF", "x.json", "{\r\n  \"StartAt\": \"A\r\n}\r\n",
			"2:16", `A closing quote (") is missing at the end of line 2.`},
		{"unterminated string at the end", "x.json", `{"StartAt": "A`,
			"1:15", `A closing quote (") is missing at the end of line 1.`},
		{"a tab inside text", "x.json", "{\"Comment\": \"a\tb\"}",
			"1:15", `The text on line 1 holds a tab; write it as \t.`},
		{"a comma with nothing before it", "x.json", "{\"StartAt\": \"A\",\n  \"States\": {,}}",
			"2:14", "There is a comma with nothing before it on line 2; remove it."},
		{"an extra closing brace", "x.json", ordersJSON + "}\n",
			"19:1", "There is an extra } on line 19, after the end of the definition; remove it."},
		{"comments are not JSON", "x.json", "// orders\n" + ordersJSON,
			"1:1", "JSON has no comments: remove the comment on line 1."},
		{"a stray character", "x.json", `{"StartAt": @}`,
			"1:13", "A value cannot start with @ (line 1)."},
		{"an empty file", "x.json", " \n ", "2:2", "The definition is empty. Write a JSON object with StartAt and States."},

		// YAML
		{"a tab in the indentation", "x.yaml", "StartAt: A\nStates:\n\tA:\n\t\tType: Pass\n",
			"3:1", "Line 3 is indented with a tab; YAML indents with spaces only: replace the tab with spaces."},
		{"a tab after spaces", "x.yaml", "StartAt: A\nStates:\n  A:\n    Type: Pass\n    \tEnd: true\n",
			"5:5", "Line 5 is indented with a tab; YAML indents with spaces only: replace the tab with spaces."},
		{"indented to no level", "x.yaml", "StartAt: A\nStates:\n  A:\n    Type: Pass\n   End: true\n",
			"5:4", "Line 5 is indented by 3 spaces, which lines up with nothing above it: indent it by 4 or 2 spaces, like the lines it belongs with."},
		{"indented to no level, near the left", "x.yaml", "StartAt: A\nStates:\n  A:\n    Type: Pass\n End: true\n",
			"5:2", "Line 5 is indented by 1 space, which lines up with nothing above it: indent it by 2 or 0 spaces, like the lines it belongs with."},
		{"indented deeper than a line with a value", "x.yaml", "StartAt: A\nStates:\n  A:\n    Type: Pass\n      End: true\n",
			"5:7", "Line 5 is indented more than line 4, which already has its value: indent it by 4 spaces to line up with line 4."},
		{"indentation in a list of catchers", "x.yaml", "StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n    Catch:\n      - ErrorEquals: [States.ALL]\n         Next: B\n    End: true\n",
			"8:10", "Line 8 is indented more than line 7, which already has its value: indent it by 8 spaces to line up with line 7."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := asl.Parse(tc.file, []byte(tc.src))
			var se *asl.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want a SyntaxError", err)
			}
			if se.Pos.String() != tc.at || se.Msg != tc.msg {
				t.Errorf("got  %s %s\nwant %s %s", se.Pos, se.Msg, tc.at, tc.msg)
			}
			if want := lineColOffset(tc.src, se.Pos.Line, se.Pos.Column); se.Pos.Offset != want {
				t.Errorf("offset %d does not match %s (want %d)", se.Pos.Offset, se.Pos, want)
			}
		})
	}
}

// Documents that parse are not touched by the indentation reading, which
// runs only on failure: block scalars, lists at the key's column, anchors
// and flow collections over several lines all read fine.
func TestValidYAMLStillParses(t *testing.T) {
	src := "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Comment: |\n      two\n        lines\n    Result: &r\n      x: [1,\n        2]\n    Next: B\n  B:\n    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n    Catch:\n    - ErrorEquals: [States.ALL]\n      Next: A\n    End: true\n"
	if _, err := asl.Parse("x.yaml", []byte(src)); err != nil {
		t.Fatal(err)
	}
}

// lineColOffset is the byte offset of a 1-based line and code-point column.
func lineColOffset(src string, line, col int) int {
	off := 0
	if strings.HasPrefix(src, "\uFEFF") {
		off = 3
	}
	for l := 1; l < line; l++ {
		off += strings.IndexByte(src[off:], '\n') + 1
	}
	for c := 1; c < col; c++ {
		_, n := utf8.DecodeRuneInString(src[off:])
		off += n
	}
	return off
}
