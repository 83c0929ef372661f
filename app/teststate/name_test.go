package teststate

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// A runtime error in a state picked from a whole machine names that state,
// not the name the tested state runs under.
func TestRuntimeErrorNamesTheState(t *testing.T) {
	def := `{"StartAt":"Validate","States":{"Validate":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","ResultSelector":{"t.$":"$.Payload.total"},"End":true}}}`
	result := "{}"
	resp, err := Run(context.Background(), Request{Definition: json.RawMessage(`"` + strings.ReplaceAll(def, `"`, `\"`) + `"`), StateName: "Validate", Input: json.RawMessage(`"{}"`), Mock: &Mock{Result: &result}})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Error != "States.Runtime" || !strings.Contains(resp.Cause, "'Validate'") || strings.Contains(resp.Cause, testedName) {
		t.Fatalf("error %q cause %q", resp.Error, resp.Cause)
	}
}
