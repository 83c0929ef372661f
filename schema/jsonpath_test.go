package schema

import "testing"

func TestCheckPath(t *testing.T) {
	tests := []struct {
		path  string
		rules pathRules
		ok    bool
	}{
		{"$", anyPath, true},
		{"$.a.b[0]['c d'][\"e\"]", anyPath, true},
		{"$..price", anyPath, true},
		{"$.items[*].id", anyPath, true},
		{"$.items[1:3]", anyPath, true},
		{"$.items[-1]", anyPath, true},
		{"$.items[0,2]", anyPath, true},
		{"$.items[?(@.price < 10)].title", anyPath, true},
		{"$.list.length()", anyPath, true},
		{"$$.Execution.Id", anyPath, true},
		{"$myVar.field", anyPath, true},
		{"$.result", referencePath, true},
		{"$.a[2].b", referencePath, true},
		{"", anyPath, false},
		{"a.b", anyPath, false},
		{"$.", anyPath, false},
		{"$.a[", anyPath, false},
		{"$.a[]", anyPath, false},
		{"$.a]", anyPath, false},
		{"$$23", anyPath, false},
		{"$.a..b", referencePath, false},
		{"$.a[*]", referencePath, false},
		{"$.a[?(@.x)]", referencePath, false},
		{"$$.Task", referencePath, false},
		{"$var", referencePath, false},
		{"$.a[1:x]", anyPath, false},
	}
	for _, tc := range tests {
		if err := checkPath(tc.path, tc.rules); (err == nil) != tc.ok {
			t.Errorf("checkPath(%q, reference=%v) = %v, want ok=%v", tc.path, tc.rules.reference, err, tc.ok)
		}
	}
}

func TestCheckIntrinsic(t *testing.T) {
	tests := []struct {
		call string
		ok   bool
	}{
		{"States.Format('Hello {}', $.name)", true},
		{"States.Array($.a, 'b', 3, -1.5, null, true, States.UUID())", true},
		{"States.JsonMerge($.a, $.b, false)", true},
		{"States.MathRandom(1, 10)", true},
		{"States.MathRandom(1, 10, $.seed)", true},
		{"States.Format('it\\'s \\{literal\\} \\\\')", true},
		{"States.ArrayGetItem($.a[?(@.x == 'y, z')], 0)", true},
		{"States.UUID()", true},
		{"States.UUID(1)", false},
		{"States.MathAdd(1)", false},
		{"States.LeftPad('a', 3)", false},
		{"States.Format('a\\nb')", false},
		{"States.Format('unclosed)", false},
		{"States.Array($.a $.b)", false},
		{"States.Array(", false},
		{"States.Array() extra", false},
		{"States.Array(bad)", false},
	}
	for _, tc := range tests {
		if err := checkIntrinsic(tc.call); (err == nil) != tc.ok {
			t.Errorf("checkIntrinsic(%q) = %v, want ok=%v", tc.call, err, tc.ok)
		}
	}
}
