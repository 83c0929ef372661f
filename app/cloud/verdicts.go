package cloud

import "github.com/stepstudio/stepstudio/schema"

// Verdicts sets AWS's diagnostics beside the studio's own: what both
// report, what only AWS reports and what only the studio does. Each
// difference is a bug for us to fix (or AWS's to explain), so the
// problems panel shows them as such. Two diagnostics agree when they
// have the same severity, code and location.
type Verdicts struct {
	Both      []schema.Diagnostic `json:"both"`
	OnlyAWS   []schema.Diagnostic `json:"onlyAws"`
	OnlyLocal []schema.Diagnostic `json:"onlyLocal"`
	// Agree is true when AWS's valid/invalid verdict is the studio's.
	Agree bool `json:"agree"`
}

// Compare compares AWS's validation with the studio's diagnostics of the
// same text.
func Compare(aws *Validation, local []schema.Diagnostic) Verdicts {
	v := Verdicts{Both: []schema.Diagnostic{}, OnlyAWS: []schema.Diagnostic{}, OnlyLocal: []schema.Diagnostic{}}
	type key struct{ sev, code, loc string }
	k := func(d schema.Diagnostic) key { return key{string(d.Severity), d.Code, d.Location} }
	left := map[key]int{}
	for _, d := range local {
		left[k(d)]++
	}
	matched := map[key]int{}
	for _, d := range aws.Diagnostics {
		if left[k(d)] > 0 {
			left[k(d)]--
			matched[k(d)]++
			v.Both = append(v.Both, d)
		} else {
			v.OnlyAWS = append(v.OnlyAWS, d)
		}
	}
	localErr := false
	for _, d := range local {
		localErr = localErr || d.Severity == schema.Error
		if matched[k(d)] > 0 {
			matched[k(d)]--
			continue
		}
		v.OnlyLocal = append(v.OnlyLocal, d)
	}
	v.Agree = (aws.Result == "FAIL") == localErr
	return v
}
