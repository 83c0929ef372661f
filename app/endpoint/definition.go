package endpoint

import (
	"fmt"
	"strings"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/schema"
)

// compileDefinition validates a definition as Create/UpdateStateMachine
// do and compiles it. The refusal is AWS's InvalidDefinition with its
// "Invalid State Machine Definition: 'CODE: message at /path'" text.
func compileDefinition(name, def string, express bool) (*engine.Machine, error) {
	if strings.TrimSpace(def) == "" {
		return nil, errf(errValidation, "1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must have length greater than or equal to 1")
	}
	res := schema.Validate(name+".asl.json", []byte(def), schema.Options{Express: express})
	if msg := labelRefusal(def, res); msg != "" {
		return nil, errf(errInvalidDefinition, "%s", msg)
	}
	if msgs := definitionErrors(res); len(msgs) > 0 {
		return nil, errf(errInvalidDefinition, "Invalid State Machine Definition: '%s'", strings.Join(msgs, ", "))
	}
	m, err := engine.Compile(res.Document)
	if err != nil {
		return nil, errf(errInvalidDefinition, "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: %v'", err)
	}
	return m, nil
}

// definitionErrors renders the errors of a validation in AWS's words
// ("CODE: message at /path"); warnings do not refuse a definition.
func definitionErrors(res schema.Result) []string {
	var out []string
	for _, d := range mergeRequired(res.Diagnostics) {
		if d.Severity != schema.Error {
			continue
		}
		out = append(out, awsDiagnostic(d))
	}
	return out
}

func awsDiagnostic(d schema.Diagnostic) string {
	msg, loc := awsMessageAt(d)
	if loc == "" {
		loc = "/"
	}
	if d.Code == schema.CodeInvalidJSON {
		return fmt.Sprintf("%s: %s", d.Code, msg)
	}
	return fmt.Sprintf("%s: %s at %s", d.Code, msg, loc)
}

// awsMessageAt is AWS's message and location for d: a few diagnostics
// sit at another place in AWS's answer than in the studio's.
func awsMessageAt(d schema.Diagnostic) (string, string) {
	if strings.Contains(d.Message, "sets QueryLanguage to JSONPath, but the state machine uses JSONata") {
		return "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", strings.TrimSuffix(d.Location, "/QueryLanguage")
	}
	return awsMessage(d), d.Location
}

// awsMessage gives AWS's own wording for the diagnostics the recorded
// API corpus shows; others keep the studio's plain words.
func awsMessage(d schema.Diagnostic) string {
	m := d.Message
	switch {
	case strings.Contains(m, "do not support the '.waitForTaskToken'"):
		return "Express state machine does not support '.waitForTaskToken' service integration "
	case strings.Contains(m, "do not support the '.sync'"):
		return "Express state machine does not support '.sync' service integration"
	case strings.Contains(m, "Express") && strings.Contains(m, "ctivit"):
		return "Express state machine does not support Activity ARN"
	}
	return strings.TrimSuffix(m, ".")
}
