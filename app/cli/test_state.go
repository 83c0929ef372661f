package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/teststate"
)

func runTestState(ctx context.Context, args []string, s Streams) error {
	var format string
	fs := newFlagSet("test-state", `
Usage: stepstudio test-state REQUEST.json [--format text|json]
Tests one state as AWS's TestState API does, locally: REQUEST.json (or - for stdin) is a
TestState request (definition, input, inspectionLevel, mock, variables, context,
stateConfiguration, stateName). Prints the response: status, output, error, cause,
nextState and the inspection data. Exit 0 when a response was produced, whatever its
status; 1 when AWS would refuse the request (its error is printed); 2 on a usage error or
an unreadable request.`)
	fs.StringVar(&format, "format", "text", "output format: text or json (the API's response shape)")
	pos, err := parseArgs(fs, args, s.Out)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("give exactly one REQUEST file, or - for standard input")
	}
	if format != "text" && format != "json" {
		return usagef("--format must be text or json, not %q", format)
	}
	var b []byte
	if pos[0] == "-" {
		// A request holds a whole definition: read it with the
		// definitions' cap, not the inputs'.
		b, err = files.ReadAll(s.In, "standard input", files.Definitions)
	} else {
		b, err = files.ReadFile(pos[0], files.Definitions)
	}
	if err != nil {
		return badInput(err)
	}
	var req teststate.Request
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	if err := d.Decode(&req); err != nil {
		return badInput(fmt.Errorf("the request is not a TestState request: %w", err))
	}
	resp, err := teststate.Run(ctx, req)
	var refused *teststate.APIError
	if errors.As(err, &refused) {
		if format == "json" {
			if err := writeJSON(s.Out, map[string]any{"Error": refused}); err != nil {
				return err
			}
		} else {
			fmt.Fprintf(s.Out, "AWS would refuse this request.\n%s: %s\n", refused.Code, refused.Message)
		}
		return errProblems
	}
	if err != nil {
		return err
	}
	if format == "json" {
		return writeJSON(s.Out, resp)
	}
	return printTestState(s.Out, resp)
}

func writeJSON(w io.Writer, v any) error {
	e := json.NewEncoder(w)
	e.SetEscapeHTML(false)
	e.SetIndent("", "  ")
	return e.Encode(v)
}

// statusWords says what a status means, for readers who do not know the
// API.
var statusWords = map[string]string{
	teststate.Succeeded:   "the state ran to the end",
	teststate.Failed:      "the state failed and nothing caught the error",
	teststate.Retriable:   "the state failed and a Retry rule would try it again",
	teststate.CaughtError: "the state failed and a Catch rule took the error",
}

func printTestState(w io.Writer, r *teststate.Response) error {
	fmt.Fprintf(w, "%s: %s\n", r.Status, statusWords[r.Status])
	if r.Error != "" {
		fmt.Fprintf(w, "error:     %s\ncause:     %s\n", r.Error, r.Cause)
	}
	if r.NextState != "" {
		fmt.Fprintf(w, "next:      %s\n", r.NextState)
	}
	if r.Output != nil {
		fmt.Fprintf(w, "output:    %s\n", *r.Output)
	}
	d := r.InspectionData
	if d == nil {
		return nil
	}
	fmt.Fprintln(w, "stages:")
	for _, st := range []struct {
		name string
		v    *string
	}{
		{"input", d.Input}, {"afterInputPath", d.AfterInputPath}, {"afterParameters", d.AfterParameters},
		{"afterArguments", d.AfterArguments}, {"afterItemsPath", d.AfterItemsPath}, {"result", d.Result},
		{"afterResultSelector", d.AfterResultSelector}, {"afterResultPath", d.AfterResultPath}, {"variables", d.Variables},
	} {
		if st.v != nil {
			fmt.Fprintf(w, "  %-20s %s\n", st.name, *st.v)
		}
	}
	if d.MaxConcurrency != nil {
		fmt.Fprintf(w, "  %-20s %d\n", "maxConcurrency", *d.MaxConcurrency)
	}
	if d.ToleratedFailureCount != nil {
		fmt.Fprintf(w, "  %-20s %d\n", "toleratedFailureCount", *d.ToleratedFailureCount)
	}
	if d.ToleratedFailurePercentage != nil {
		fmt.Fprintf(w, "  %-20s %g\n", "toleratedFailurePct", *d.ToleratedFailurePercentage)
	}
	if e := d.ErrorDetails; e != nil {
		if e.RetryIndex != nil {
			fmt.Fprintf(w, "  %-20s Retry[%d]", "matched", *e.RetryIndex)
			if e.RetryBackoffIntervalSeconds != nil {
				fmt.Fprintf(w, ", next attempt after %d s", *e.RetryBackoffIntervalSeconds)
			}
			fmt.Fprintln(w)
		}
		if e.CatchIndex != nil {
			fmt.Fprintf(w, "  %-20s Catch[%d]\n", "caught by", *e.CatchIndex)
		}
	}
	return nil
}
