package cli

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

func TestTestState(t *testing.T) {
	const dir = "testdata/test_state/"
	stdin, err := os.ReadFile(dir + "catch.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		stdin    string
		wantCode int
		wantOut  []string
		wantErr  []string
	}{
		{"caught, json", []string{"test-state", dir + "catch.json", "--format", "json"}, "", ExitOK,
			[]string{`"status": "CAUGHT_ERROR"`, `"nextState": "Refund"`, `"error": "Declined"`, `"catchIndex": 0`,
				`"output": "{\"order\":7,\"error\":{\"Error\":\"Declined\",\"Cause\":\"card declined\"}}"`}, nil},
		{"caught, text from stdin", []string{"test-state", "-"}, string(stdin), ExitOK,
			[]string{"CAUGHT_ERROR: the state failed and a Catch rule took the error", "next:      Refund", "caught by            Catch[0]"}, nil},
		{"retriable", []string{"test-state", dir + "retry.json", "--format", "json"}, "", ExitOK,
			[]string{`"status": "RETRIABLE"`, `"retryIndex": 0`, `"retryBackoffIntervalSeconds": 4`}, nil},
		{"refused by AWS's rules", []string{"test-state", dir + "refused.json", "--format", "json"}, "", ExitFail,
			[]string{`"Code": "ValidationException"`, "not to a Pass state"}, nil},
		{"missing file", []string{"test-state", dir + "nope.json"}, "", ExitUsage, nil, []string{"nope.json"}},
		{"not a request", []string{"test-state", "-"}, `{"definitio": {}}`, ExitUsage, nil, []string{"not a TestState request"}},
		{"no file", []string{"test-state"}, "", ExitUsage, nil, []string{"exactly one REQUEST"}},
		{"bad format", []string{"test-state", dir + "retry.json", "--format", "xml"}, "", ExitUsage, nil, []string{"--format"}},
		{"help", []string{"test-state", "--help"}, "", ExitOK, []string{"Usage: stepstudio test-state REQUEST.json"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := Main(context.Background(), tt.args, Streams{In: strings.NewReader(tt.stdin), Out: &out, Err: &errOut})
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.wantCode, out.String(), errOut.String())
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, out.String())
				}
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(errOut.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut.String())
				}
			}
		})
	}
}
