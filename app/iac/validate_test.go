package iac

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestValidateTemplate(t *testing.T) {
	checked, err := ValidateTemplate(filepath.Join("testdata", "import", "sam.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, c := range checked {
		for _, d := range c.Result.Diagnostics {
			got[c.Machine.ID] = append(got[c.Machine.ID], string(d.Severity)+" "+d.Code)
		}
	}
	want := map[string]string{
		"Inline":   "WARNING TASK_WITHOUT_TIMEOUT",
		"FromFile": "WARNING TASK_WITHOUT_TIMEOUT|ERROR IAC_BROKEN_REFERENCE|ERROR IAC_BROKEN_REFERENCE",
		"Missing":  "ERROR IAC_BROKEN_REFERENCE",
		"InS3":     "WARNING IAC_DEFINITION_NOT_CHECKED",
	}
	for id, w := range want {
		if g := strings.Join(got[id], "|"); g != w {
			t.Errorf("%s: %s, want %s", id, g, w)
		}
	}
	// Located in the template: the Inline machine's Task type is on line 15.
	for _, c := range checked {
		if c.Machine.ID == "Inline" {
			if r := c.Result.Diagnostics[0].Range.Start; r.Line != 15 || r.Column != 19 {
				t.Errorf("Inline diagnostic at %d:%d, want 15:19", r.Line, r.Column)
			}
		}
	}
}

func TestIsTemplate(t *testing.T) {
	cases := []struct {
		name, src string
		want      bool
	}{
		{"t.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n", true},
		{"t.json", `{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}`, true},
		{"t.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n", true},
		{"main.tf", "", true},
		{"serverless.yml", "service: x\nstepFunctions:\n  stateMachines: {}\n", true},
		// ASL that happens to have a Resources state and a pseudo parameter.
		{"a.asl.json", `{"StartAt":"Resources","States":{"Resources":{"Type":"Pass","Result":"${AWS::Region}","End":true}}}`, false},
		{"a.asl.yaml", "StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n", false},
	}
	for _, c := range cases {
		if got := IsTemplate(c.name, []byte(c.src)); got != c.want {
			t.Errorf("IsTemplate(%s, %q) = %v", c.name, c.src, got)
		}
	}
}
