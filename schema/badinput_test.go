package schema_test

import (
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/schema"
)

// TestBadInput: hostile or broken text gives a located diagnostic with the
// expected code, never a crash or a silent pass.
func TestBadInput(t *testing.T) {
	deepParams := `{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":` +
		strings.Repeat(`{"a":`, asl.MaxDepth-10) + "1" + strings.Repeat("}", asl.MaxDepth-10) + `,"End":true}}}`
	deepChoice := `{"StartAt":"C","States":{"D":{"Type":"Succeed"},"C":{"Type":"Choice","Default":"D","Choices":[` +
		strings.Repeat(`{"Not":`, 120) + `{"Variable":"$.x","IsNull":true}` + strings.Repeat("}", 120) + `]}}}`
	deepChoice = strings.Replace(deepChoice, `"Choices":[{"Not":`, `"Choices":[{"Next":"D","Not":`, 1)
	huge := `{"StartAt":"A","States":{"A":{"Type":"Pass","Result":"` + strings.Repeat("x", 8<<20) + `","End":true}}}`
	tests := []struct {
		name, file, src string
		code            string // expected code of the first error; "" means valid
		line            int
	}{
		{"empty", "x.json", "", schema.CodeMissingDefinition, 1},
		{"blank", "x.json", "  \n ", schema.CodeInvalidJSON, 2},
		{"binary garbage", "x.json", "\x00\xff\xfe{]", schema.CodeInvalidJSON, 1},
		{"binary garbage as YAML", "x.yaml", "\x00\xff\xfe{]", schema.CodeInvalidJSON, 1},
		{"number at the top", "x.json", "42", schema.CodeSchema, 1},
		{"number where States belongs", "x.json", "{\"StartAt\": \"A\",\n \"States\": 5}", schema.CodeSchema, 2},
		{"nesting beyond the limit", "x.json", strings.Repeat("[", asl.MaxDepth+1), schema.CodeInvalidJSON, 1},
		{"YAML nesting beyond the limit", "x.yaml", strings.Repeat("[", asl.MaxDepth+1) + strings.Repeat("]", asl.MaxDepth+1), schema.CodeInvalidJSON, 1},
		{"deep payload within the limit", "x.json", deepParams, "", 0},
		{"deeply nested Choice rules", "x.json", deepChoice, "", 0},
		{"huge string", "x.json", huge, "", 0},
		{"YAML alias bomb", "x.yaml", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n", schema.CodeInvalidJSON, 0},
		{"invalid UTF-8 in a state name", "x.json", "{\"StartAt\":\"A\",\n\"States\":{\"A\":{\"Type\":\"Succeed\"},\n\"B\xff\":{\"Type\":\"Succeed\"}}}", schema.CodeInvalidJSON, 3},
		{"invalid UTF-8 in a YAML state name", "x.yaml", "StartAt: A\nStates:\n  A:\n    Type: Succeed\n  B\xff:\n    Type: Succeed\n", schema.CodeInvalidJSON, 5},
		{"UTF-16", "x.json", "\xff\xfe{\x00}\x00", schema.CodeInvalidJSON, 1},
		{"a second YAML document", "x.yaml", "StartAt: A\nStates:\n  A:\n    Type: Succeed\n---\nStartAt: B\n", schema.CodeInvalidJSON, 5},
		{"lone surrogate escape", "x.json", `{"StartAt":"A","States":{"A":{"Type":"Succeed","Comment":"\ud800"}}}`, "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := schema.Validate(tc.file, []byte(tc.src), schema.Options{})
			var first *schema.Diagnostic
			for i := range res.Diagnostics {
				if res.Diagnostics[i].Severity == schema.Error {
					first = &res.Diagnostics[i]
					break
				}
			}
			switch {
			case tc.code == "" && first != nil:
				t.Fatalf("want valid, got %s", describe(res.Diagnostics))
			case tc.code != "" && first == nil:
				t.Fatalf("want %s, got no error", tc.code)
			case tc.code != "" && first.Code != tc.code:
				t.Fatalf("first error %s, want %s:\n%s", first.Code, tc.code, describe(res.Diagnostics))
			case tc.line != 0 && first.Range.Start.Line != tc.line:
				t.Fatalf("error on line %d, want %d: %s", first.Range.Start.Line, tc.line, first.Message)
			}
		})
	}
}

// A syntax error is one diagnostic whose message is the parser's plain
// sentence (no parser wording, no prefix), located where the fix belongs;
// the code stays AWS's INVALID_JSON_DESCRIPTION for developers.
func TestSyntaxDiagnosticIsAPlainSentence(t *testing.T) {
	tests := []struct {
		file, src, at, msg string
	}{
		{"x.json", "{\n  \"StartAt\": \"A\"\n  \"States\": {}\n}", "2:17", "A comma is missing after the value on line 2."},
		{"x.yaml", "StartAt: A\nStates:\n  A:\n    Type: Succeed\n   Comment: x\n", "5:4", "Line 5 is indented by 3 spaces, which lines up with nothing above it: indent it by 4 or 2 spaces, like the lines it belongs with."},
		// Older messages get a capital and a full stop.
		{"x.yaml", "StartAt: A\n---\nStartAt: B\n", "2:1", "A second YAML document starts here (---); a definition is one document: remove this --- and what follows, or move it to a file of its own."},
	}
	for _, tc := range tests {
		res := schema.Validate(tc.file, []byte(tc.src), schema.Options{})
		if len(res.Diagnostics) != 1 {
			t.Fatalf("%q: want one diagnostic, got %s", tc.src, describe(res.Diagnostics))
		}
		d := res.Diagnostics[0]
		if d.Code != schema.CodeInvalidJSON || d.Range.Start.String() != tc.at || d.Message != tc.msg {
			t.Errorf("%q:\ngot  %s %s %s\nwant %s %s %s", tc.src, d.Code, d.Range.Start, d.Message, schema.CodeInvalidJSON, tc.at, tc.msg)
		}
	}
}
