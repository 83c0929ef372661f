package cloud

import (
	"testing"

	"github.com/stepstudio/stepstudio/schema"
)

func TestCompareVerdicts(t *testing.T) {
	d := func(sev schema.Severity, code, loc string) schema.Diagnostic {
		return schema.Diagnostic{Severity: sev, Code: code, Location: loc}
	}
	aws := &Validation{Result: "FAIL", Diagnostics: []schema.Diagnostic{
		d(schema.Error, "MISSING_TRANSITION_TARGET", "/States/A/Next"),
		d(schema.Error, "SCHEMA_VALIDATION_FAILED", "/States/B"),
	}}
	local := []schema.Diagnostic{
		d(schema.Error, "MISSING_TRANSITION_TARGET", "/States/A/Next"),
		d(schema.Warning, "NO_DOLLAR", "/States/C/Parameters/x"),
	}
	v := Compare(aws, local)
	if len(v.Both) != 1 || len(v.OnlyAWS) != 1 || v.OnlyAWS[0].Location != "/States/B" || len(v.OnlyLocal) != 1 || v.OnlyLocal[0].Code != "NO_DOLLAR" || !v.Agree {
		t.Errorf("%+v", v)
	}
	if v := Compare(&Validation{Result: "OK"}, local[:1]); v.Agree || len(v.OnlyLocal) != 1 {
		t.Errorf("AWS valid, studio not: %+v", v)
	}
}
