package asl_test

import (
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine/asl"
)

func mustParse(t *testing.T, path string) *asl.Document {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := asl.Parse(path, src)
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	return doc
}

func TestParseValueMatchesEncodingJSON(t *testing.T) {
	src, err := os.ReadFile("testdata/machine.asl.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := asl.Parse("machine.asl.json", src)
	if err != nil {
		t.Fatal(err)
	}
	var want any
	if err := json.Unmarshal(src, &want); err != nil {
		t.Fatal(err)
	}
	if got := normalise(doc.Root.Value()); !reflect.DeepEqual(got, want) {
		t.Errorf("Value() differs from encoding/json:\n got %v\nwant %v", got, want)
	}
}

// normalise turns int64 into float64 so values compare with encoding/json.
func normalise(v any) any {
	switch v := v.(type) {
	case int64:
		return float64(v)
	case []any:
		for i := range v {
			v[i] = normalise(v[i])
		}
	case map[string]any:
		for k := range v {
			v[k] = normalise(v[k])
		}
	}
	return v
}

func TestRanges(t *testing.T) {
	doc := mustParse(t, "testdata/machine.asl.json")
	tests := []struct {
		pointer    string
		start, end asl.Pos
		key        bool // check the field's key range instead of the value
	}{
		{"/StartAt", asl.Pos{Line: 3, Column: 14, Offset: 48}, asl.Pos{Line: 3, Column: 21, Offset: 55}, false},
		{"/StartAt", asl.Pos{Line: 3, Column: 3, Offset: 37}, asl.Pos{Line: 3, Column: 12, Offset: 46}, true},
		{"/States/Run/ResultPath", asl.Pos{Line: 18, Column: 21}, asl.Pos{Line: 18, Column: 25}, false},
		{"/States/Check/Choices/1/And/1/Not/IsNull", asl.Pos{Line: 10, Column: 100}, asl.Pos{Line: 10, Column: 104}, false},
		{"/States/Pause", asl.Pos{Line: 26, Column: 14}, asl.Pos{Line: 26, Column: 73}, false},
	}
	for _, tc := range tests {
		n, f, ok := doc.Root.Lookup(tc.pointer)
		if !ok {
			t.Errorf("Lookup(%s) found nothing", tc.pointer)
			continue
		}
		r := n.Range
		if tc.key {
			r = f.KeyRange
		}
		if r.Start.Line != tc.start.Line || r.Start.Column != tc.start.Column ||
			r.End.Line != tc.end.Line || r.End.Column != tc.end.Column {
			t.Errorf("%s (key=%v): range %v-%v, want %v-%v", tc.pointer, tc.key, r.Start, r.End, tc.start, tc.end)
		}
		if tc.start.Offset != 0 && (r.Start.Offset != tc.start.Offset || r.End.Offset != tc.end.Offset) {
			t.Errorf("%s: offsets %d-%d, want %d-%d", tc.pointer, r.Start.Offset, r.End.Offset, tc.start.Offset, tc.end.Offset)
		}
	}
}

func TestYAMLMatchesJSONShape(t *testing.T) {
	doc := mustParse(t, "testdata/machine.asl.yaml")
	if doc.Format != asl.YAML {
		t.Fatalf("format %s, want yaml", doc.Format)
	}
	run := doc.Machine.State("Run")
	if run == nil || run.ResultPath == nil || !run.ResultPath.Null {
		t.Fatalf("Run.ResultPath = %+v, want explicit null", run)
	}
	tok := run.Parameters.Get("Token.$")
	if tok.Str != "$$.Task.Token" || tok.Range.Start.Line != 16 || tok.Range.Start.Column != 27 || tok.Range.End.Column != 40 {
		t.Errorf("Token.$ = %q at %v-%v, want $$.Task.Token at 16:27-16:40", tok.Str, tok.Range.Start, tok.Range.End)
	}
	if n, _, _ := doc.Root.Lookup("/TimeoutSeconds"); n.Num != "300" || n.Range.Start.Line != 4 {
		t.Errorf("TimeoutSeconds = %+v", n)
	}
	if got := doc.Root.Get("States").Range.Start.Line; got != 6 {
		t.Errorf("States starts on line %d, want 6", got)
	}
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line, col int
	}{
		{"x.json", ``, 1, 1},
		{"x.json", `{"a": 1,}`, 1, 8},     // at the comma to remove
		{"x.json", "{\n  \"a\" 1}", 2, 6}, // where the colon goes
		{"x.json", `{"a": 01}`, 1, 7},
		{"x.json", `{"a": "\q"}`, 1, 8},
		{"x.json", "{\"a\": \"tab\there\"}", 1, 11},
		{"x.json", `{"a": tru}`, 1, 7},
		{"x.json", `{"a": 1} {}`, 1, 10},
		{"x.json", `{"a": 1e999}`, 1, 7},
		{"x.json", `{"a": "unterminated`, 1, 20},
		{"x.json", string(make([]byte, 0)) + "[" + repeat("[", asl.MaxDepth+5), 1, asl.MaxDepth + 1},
		{"x.yaml", "a: [1, 2\nb: 3\n", 1, 1},
		{"x.yaml", "a:\n  b: 1\n c: 2\n", 3, 2}, // the line indented to no level
		{"x.yaml", "a: *nope\n", 1, 1},
		{"x.yaml", "{{}}", 1, 2},
	}
	for _, tc := range tests {
		_, err := asl.Parse(tc.name, []byte(tc.src))
		var se *asl.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q): %v, want *SyntaxError", tc.src, err)
			continue
		}
		if se.Pos.Line != tc.line || se.Pos.Column != tc.col {
			t.Errorf("Parse(%q): error at %v (%s), want %d:%d", tc.src, se.Pos, se.Msg, tc.line, tc.col)
		}
	}
}

func repeat(s string, n int) string {
	b := make([]byte, 0, n*len(s))
	for range n {
		b = append(b, s...)
	}
	return string(b)
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, src string
		want      asl.Format
	}{
		{"a.asl.json", "StartAt: x", asl.JSON},
		{"a.yml", "{}", asl.YAML},
		{"a.asl", "  \n{\"StartAt\":1}", asl.JSON},
		{"definition", "StartAt: A", asl.YAML},
		{"", "\xEF\xBB\xBF{}", asl.JSON},
	}
	for _, tc := range tests {
		if got := asl.DetectFormat(tc.name, []byte(tc.src)); got != tc.want {
			t.Errorf("DetectFormat(%q) = %s, want %s", tc.name, got, tc.want)
		}
	}
}

// Bytes that are not UTF-8 are a syntax error at the first of them that
// says what holds it (a state name above all: "A\xff" and "A\xfe" would
// otherwise both read as "A\uFFFD", one state), and a second YAML
// document is a syntax error where it starts, not silently dropped.
func TestParseRefusesWhatItCannotKeep(t *testing.T) {
	tests := []struct {
		name, file, src string
		line, column    int
		msg             string
	}{
		{"state name", "f.json", "{\"StartAt\": \"A\",\n \"States\": {\n  \"Ch\xffarge\": {\"Type\": \"Succeed\"}}}", 3, 6, `byte 0xFF in the state name "Ch?arge" is not UTF-8`},
		{"branch state name", "f.json", "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"End\":true,\"Branches\":[{\"StartAt\":\"X\",\"States\":{\"X\xc3\":{\"Type\":\"Succeed\"}}}]}}}", 1, 99, `byte 0xC3 in the state name "X?" is not UTF-8`},
		{"YAML state name", "f.yaml", "StartAt: A\nStates:\n  A\xfe:\n    Type: Succeed\n", 3, 4, `byte 0xFE in the state name "A?" is not UTF-8`},
		{"a value", "f.json", "{\"StartAt\": \"A\", \"Comment\": \"caf\xe9\"}", 1, 33, `byte 0xE9 in the value at /Comment is not UTF-8`},
		{"a key", "f.json", "{\"StartAt\": \"A\", \"Com\xe9\": 1}", 1, 22, `byte 0xE9 in the key "Com?" is not UTF-8`},
		{"not even JSON", "f.json", "{\xff", 1, 2, `byte 0xFF in the text is not UTF-8`},
		{"UTF-16", "f.json", "\xff\xfe{\x00}\x00", 1, 1, "the file is UTF-16 text"},
		{"second document", "f.yaml", "StartAt: A\nStates: {A: {Type: Succeed}}\n---\nStartAt: B\n", 3, 1, "a second YAML document starts here"},
		{"second document, empty", "f.yaml", "StartAt: A\nStates: {A: {Type: Succeed}}\n--- \n", 3, 1, "a second YAML document starts here"},
		{"second document, broken", "f.yaml", "StartAt: A\n---\nStates: [\n", 3, 1, "The YAML cannot be read at line 3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := asl.Parse(tc.file, []byte(tc.src))
			var se *asl.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want a SyntaxError", err)
			}
			if se.Pos.Line != tc.line || se.Pos.Column != tc.column || !strings.Contains(se.Msg, tc.msg) {
				t.Errorf("%d:%d %s\nwant %d:%d …%s…", se.Pos.Line, se.Pos.Column, se.Msg, tc.line, tc.column, tc.msg)
			}
		})
	}
	// A leading --- and a closing ... are one document.
	for _, src := range []string{"---\nStartAt: A\nStates: {A: {Type: Succeed}}\n", "StartAt: A\nStates: {A: {Type: Succeed}}\n...\n"} {
		if _, err := asl.Parse("f.yaml", []byte(src)); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}

// A byte order mark takes no column (editors do not show it), and CRLF
// line ends do not shift the positions of the next line.
func TestPositionsWithBOMAndCRLF(t *testing.T) {
	tests := []struct {
		name, src      string
		keyAt, valueAt string // of StartAt
		valueOffset    int
	}{
		{"x.json", "\uFEFF{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}", "1:2", "1:13", 15},
		{"x.json", "\uFEFF{\r\n\t\"StartAt\": \"A\",\r\n\t\"States\": {\"A\": {\"Type\": \"Succeed\"}}\r\n}", "2:2", "2:13", 18},
		{"x.yaml", "\uFEFFStartAt: A\r\nStates: {A: {Type: Succeed}}\r\n", "1:1", "1:10", 12},
		{"x.yaml", "\uFEFF# c\r\nStartAt: A\r\nStates: {A: {Type: Succeed}}", "2:1", "2:10", 17},
	}
	for _, tc := range tests {
		d, err := asl.Parse(tc.name, []byte(tc.src))
		if err != nil {
			t.Fatalf("%q: %v", tc.src, err)
		}
		f := d.Root.Fields[0]
		if f.KeyRange.Start.String() != tc.keyAt || f.Value.Range.Start.String() != tc.valueAt || f.Value.Range.Start.Offset != tc.valueOffset {
			t.Errorf("%q: StartAt at %s, value at %s (offset %d); want %s, %s (%d)", tc.src, f.KeyRange.Start, f.Value.Range.Start, f.Value.Range.Start.Offset, tc.keyAt, tc.valueAt, tc.valueOffset)
		}
	}
	_, err := asl.Parse("x.json", []byte("\uFEFF{,}"))
	var se *asl.SyntaxError
	if !errors.As(err, &se) || se.Pos.String() != "1:2" {
		t.Errorf("syntax error after a BOM at %v, want 1:2", err)
	}
}
