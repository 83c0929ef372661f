package endpoint

import (
	"reflect"
	"testing"
)

// Cases from AWS's recorded DescribeStateMachine answers
// (test_sfn_api_variable_references).
func TestVariableReferences(t *testing.T) {
	cases := []struct {
		name, def string
		want      map[string][]string
	}{
		{"none", passDef, nil},
		{"static string is not a reference",
			`{"StartAt":"S0","States":{"S0":{"Type":"Pass","Parameters":{"result":"$result"},"Assign":{"result":"foobar"},"Next":"S1"},"S1":{"Type":"Pass","ResultPath":"$.result","Parameters":{"result.$":"$result"},"End":true}}}`,
			map[string][]string{"S1": {"result"}}},
		{"choice",
			`{"StartAt":"Setup","States":{"Setup":{"Type":"Pass","Assign":{"guess":"g","answer":"a"},"Next":"Check"},"Check":{"Type":"Choice","Choices":[{"Variable":"$guess","StringEqualsPath":"$answer","Next":"Ok"}],"Default":"Wrong"},"Ok":{"Type":"Pass","End":true},"Wrong":{"Type":"Pass","Assign":{"guess.$":"$answer"},"Next":"Check"}}}`,
			map[string][]string{"Check": {"answer", "guess"}, "Wrong": {"answer"}}},
		{"nested maps and intrinsics, not the context",
			`{"StartAt":"M","States":{"M":{"Type":"Map","ItemSelector":{"a.$":"States.Format($T, $$.Map.Item.Value)"},"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"q.$":"$Q","a.$":"$.x"},"End":true}}},"End":true}}}`,
			map[string][]string{"M": {"T"}, "P": {"Q"}}},
		{"jsonata, not functions or $states",
			`{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $count($items) + $bias + $states.input.x %}","End":true}}}`,
			map[string][]string{"P": {"bias", "items"}}},
	}
	for _, c := range cases {
		if got := variableReferences(c.def); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}
