package suite

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestLoadGood(t *testing.T) {
	for _, tc := range []struct{ name, file, text string }{
		{"yaml", "flow.tests.yaml", `
type: express
timeout: 3s
scenarios:
  - name: big
    input: {kind: big, items: [1, 2], day: 2026-01-31}
    testCase: ok
    timeout: 1s
    expect:
      status: SUCCEEDED
      assertions:
        - {path: $.fetched.value, equals: 7}
        - {path: $.missing, exists: false}
      states:
        Fetch: {retries: 0}
        Remember: {variables: {seen: 7}}
`},
		{"json", "flow.tests.json", `{
	"type": "STANDARD",
	"scenarios": [
		{"name": "big", "input": {"kind": "big", "items": []},
		 "mocks": {"Fetch": {"0": {"Return": {"Payload": 7}}}},
		 "expect": {"status": "SUCCEEDED", "path": ["Classify", "Fetch", "Remember", "Each", "Both", "Left", "Right", "Done"]}}
	]
}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Load(project(t, tc.file, tc.text))
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Scenarios) != 1 || s.Scenarios[0].Name != "big" || s.Scenarios[0].tc == nil {
				t.Fatalf("scenarios = %+v", s.Scenarios)
			}
			if s.JSON != (tc.name == "json") {
				t.Errorf("JSON = %v", s.JSON)
			}
			if day, _ := s.Scenarios[0].Input.(map[string]any)["day"]; tc.name == "yaml" && day != "2026-01-31" {
				t.Errorf("an unquoted date reads as %#v, want its text", day)
			}
			if tc.name == "yaml" && (s.Type != "EXPRESS" || s.Timeout != 3*time.Second || s.Scenarios[0].Timeout != time.Second) {
				t.Errorf("type %s, timeouts %s %s", s.Type, s.Timeout, s.Scenarios[0].Timeout)
			}
		})
	}
}

// Each bad file gives located errors in plain words.
func TestLoadBad(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"unknown top key", "scenario:\n  - name: a\n", `:1:1: unknown key "scenario" in the test file; did you mean "scenarios"?`},
		{"unknown expect key", "scenarios:\n  - name: a\n    expect:\n      stauts: SUCCEEDED\n", `:4:7: unknown key "stauts" in scenario 1: expect; did you mean "status"?`},
		{"wrong type", "scenarios:\n  - name: a\n    expect:\n      path: Fetch\n", `:4:13: scenario 1: expect: path must be a list of state names, not "Fetch"`},
		{"unknown state", "scenarios:\n  - name: a\n    expect:\n      passesThrough: [Fecth]\n", `:4:23: the workflow has no state "Fecth"; did you mean "Fetch"?`},
		{"unknown state key", "scenarios:\n  - name: a\n    expect:\n      states:\n        Remeber: {visits: 1}\n", `:5:9: the workflow has no state "Remeber"; did you mean "Remember"?`},
		{"bad status", "scenarios:\n  - name: a\n    expect: {status: PASSED}\n", `:3:22: status must be one of SUCCEEDED, FAILED, TIMED_OUT, ABORTED, not "PASSED"`},
		{"negative count", "scenarios:\n  - name: a\n    expect:\n      states:\n        Fetch: {retries: -1}\n", `:5:26: retries must be a whole number, 0 or more, not the number -1`},
		{"no name", "scenarios:\n  - input: {}\n", `:2:5: scenario 1 has no name`},
		{"same name", "scenarios:\n  - name: a\n  - name: a\n", `:3:5: two scenarios are named "a"`},
		{"unknown test case", "scenarios:\n  - name: a\n    testCase: bussy\n", `:3:15: scenario "a": testCase "bussy": mock test case not found`},
		{"bad inline mock", "scenarios:\n  - name: a\n    mocks:\n      Fetch: {\"1\": {Return: 1}}\n", `:4:14: scenario "a": mocks: Fetch`},
		{"both mocks", "scenarios:\n  - name: a\n    testCase: ok\n    mocks: {Fetch: {\"0\": {Return: 1}}}\n", `has both testCase and mocks`},
		{"bad jsonpath", "scenarios:\n  - name: a\n    expect:\n      assertions:\n        - {path: \"x.y\", equals: 1}\n", `:5:18: path "x.y" is not a JSONPath`},
		{"two checks", "scenarios:\n  - name: a\n    expect:\n      assertions:\n        - {path: $.x, equals: 1, exists: true}\n", `:5:11: an assertion needs exactly one of equals, contains or exists`},
		{"input file outside", "scenarios:\n  - name: a\n    inputFile: ../../etc/passwd\n", `:3:16: scenario "a": inputFile:`},
		{"bad duration", "timeout: soon\nscenarios: []\n", `:1:10: timeout must be a positive duration`},
		{"syntax", "scenarios:\n  - name: [a\n", `not valid YAML`},
		{"no scenarios", "type: STANDARD\n", `has no "scenarios:" list`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(project(t, "flow.tests.yaml", tc.text))
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("err = %v, want Errors", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error:\n%v\nwant it to contain:\n%s", err, tc.want)
			}
		})
	}
}

func TestLoadNoWorkflow(t *testing.T) {
	_, err := Load(project(t, "other.tests.yaml", "scenarios: []\n"))
	if err == nil || !strings.Contains(err.Error(), "no workflow other.asl.json or other.asl.yaml beside the test file") {
		t.Errorf("err = %v", err)
	}
	s, err := Load(project(t, "other.tests.yaml", "workflow: flow.asl.json\nscenarios: []\n"))
	if err != nil || !strings.HasSuffix(s.Workflow, "flow.asl.json") {
		t.Errorf("workflow key: %v %v", s, err)
	}
}
