package endpoint

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/stepstudio/stepstudio/schema"
)

// awsWarnings are the warning codes AWS's ValidateStateMachineDefinition
// itself reports; the studio's other warnings (advice such as a Task
// without TimeoutSeconds) are not AWS's and stay out of the answer.
var awsWarnings = map[string]bool{"NO_DOLLAR": true, "NO_PATH": true}

func validateStateMachineDefinition(s *Server, r *request) (any, error) {
	var in struct {
		Definition string `json:"definition"`
		Type       string `json:"type"`
		Severity   string `json:"severity"`
		MaxResults int    `json:"maxResults"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	if in.Type == "" {
		in.Type = "STANDARD"
	}
	if in.Type != "STANDARD" && in.Type != "EXPRESS" {
		return nil, errf(errValidation, "1 validation error detected: Value '%s' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]", in.Type)
	}
	if in.MaxResults < 0 || in.MaxResults > 100 {
		return nil, errf(errValidation, "1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100", in.MaxResults)
	}
	type diag struct {
		Severity string `json:"severity"`
		Code     string `json:"code"`
		Message  string `json:"message"`
		Location string `json:"location,omitempty"`
	}
	diags := []diag{}
	var probe any
	if strings.TrimSpace(in.Definition) == "" || (json.Unmarshal([]byte(in.Definition), &probe) == nil && !isObject(probe)) {
		diags = append(diags, diag{"ERROR", "SCHEMA_VALIDATION_FAILED", "Definition must be a valid JSON object", ""})
	} else {
		res := schema.Validate("definition.asl.json", []byte(in.Definition), schema.Options{Express: in.Type == "EXPRESS"})
		for _, d := range mergeRequired(res.Diagnostics) {
			if d.Severity != schema.Error && !(in.Severity == "WARNING" && awsWarnings[d.Code]) {
				continue
			}
			msg, loc := awsMessageAt(d)
			if d.Code == schema.CodeInvalidJSON {
				msg, loc = jacksonDiagnostic(in.Definition, msg)
			} else if loc == "" {
				loc = "/"
			}
			diags = append(diags, diag{strings.ToUpper(string(d.Severity)), d.Code, msg, loc})
		}
	}
	result := "OK"
	for _, d := range diags {
		if d.Severity == "ERROR" {
			result = "FAIL"
		}
	}
	max := in.MaxResults
	if max == 0 {
		max = 100
	}
	truncated := len(diags) > max
	if truncated {
		diags = diags[:max]
	}
	return map[string]any{"result": result, "diagnostics": diags, "truncated": truncated}, nil
}

func isObject(v any) bool { _, ok := v.(map[string]any); return ok }

// mergeRequired folds the "missing required field" diagnostics at one
// place into one, as AWS lists them: "These fields are required: [A, B]".
func mergeRequired(ds []schema.Diagnostic) []schema.Diagnostic {
	var out []schema.Diagnostic
	missing := map[string]int{} // location -> index in out
	for _, d := range ds {
		f, ok := missingField(d)
		if !ok {
			out = append(out, d)
			continue
		}
		if i, seen := missing[d.Location]; seen {
			out[i].Message = strings.TrimSuffix(out[i].Message, "]") + ", " + f + "]"
			continue
		}
		d.Message = "These fields are required: [" + f + "]"
		missing[d.Location] = len(out)
		out = append(out, d)
	}
	for _, i := range missing {
		// AWS lists them States before StartAt: reverse name order.
		m := out[i].Message
		open := strings.IndexByte(m, '[')
		names := strings.Split(m[open+1:len(m)-1], ", ")
		slices.Sort(names)
		slices.Reverse(names)
		out[i].Message = m[:open+1] + strings.Join(names, ", ") + "]"
	}
	return out
}

func missingField(d schema.Diagnostic) (string, bool) {
	f, ok := strings.CutPrefix(d.Message, "The definition is missing the required field \"")
	if !ok {
		return "", false
	}
	i := strings.IndexByte(f, '"')
	if i <= 0 {
		return "", false
	}
	return f[:i], true
}
