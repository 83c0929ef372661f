package schema

import (
	"cmp"
	"slices"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// Severity says whether a diagnostic makes the definition invalid.
type Severity string

// The severities, spelled as AWS's ValidateStateMachineDefinition does.
const (
	Error   Severity = "ERROR"
	Warning Severity = "WARNING"
)

// Diagnostic codes. The first group is AWS's ValidateStateMachineDefinition
// list; AWS reports most semantic problems as SCHEMA_VALIDATION_FAILED too,
// and so do we, with the specific problem in the message. The last group is
// ours, where AWS has no code.
const (
	CodeInvalidJSON       = "INVALID_JSON_DESCRIPTION"
	CodeMissingDefinition = "MISSING_DESCRIPTION"
	CodeSchema            = "SCHEMA_VALIDATION_FAILED"
	CodeInvalidResource   = "INVALID_RESOURCE"
	CodeMissingEndState   = "MISSING_END_STATE"
	CodeDuplicateState    = "DUPLICATE_STATE_NAME"
	CodeInvalidStateName  = "INVALID_STATE_NAME"

	CodeMissingTarget    = "MISSING_TRANSITION_TARGET"
	CodeUnreachable      = "UNREACHABLE_STATE"
	CodeNoDollar         = "NO_DOLLAR"
	CodeNoPath           = "NO_PATH"
	CodePassResultStatic = "PASS_RESULT_IS_STATIC"

	CodeNoTimeout         = "TASK_WITHOUT_TIMEOUT"
	CodeTaskTokenMissing  = "TASK_TOKEN_NOT_PASSED"
	CodeUnknownErrorName  = "UNKNOWN_ERROR_NAME"
	CodeIgnoredField      = "IGNORED_FIELD"
	CodeNotJSONata        = "JSONATA_NOT_CLOSED"
	CodeUnknownVariable   = "UNKNOWN_VARIABLE"
	CodeJSONPathInJSONata = "JSONPATH_IN_JSONATA"
	CodeIntrinsicFails    = "INTRINSIC_ALWAYS_FAILS"
	CodePlaceholder       = "PLACEHOLDER_NOT_FILLED"
)

// Diagnostic is one problem found in a definition.
type Diagnostic struct {
	Severity Severity  `json:"severity"`
	Code     string    `json:"code"`
	Message  string    `json:"message"`
	Location string    `json:"location"` // JSON pointer, "" for the whole document
	Range    asl.Range `json:"range"`
}

// sortDiagnostics orders by position, then severity (errors first), then
// code, location and message, so that the order never depends on timing.
func sortDiagnostics(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		if c := cmp.Compare(a.Range.Start.Offset, b.Range.Start.Offset); c != 0 {
			return c
		}
		if a.Severity != b.Severity {
			if a.Severity == Error {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.Location, b.Location), cmp.Compare(a.Message, b.Message))
	})
}
