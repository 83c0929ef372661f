package schema

import (
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// knownErrors are the error names Step Functions itself raises.
var knownErrors = map[string]bool{
	"States.ALL": true, "States.DataLimitExceeded": true, "States.ExceedToleratedFailureThreshold": true,
	"States.HeartbeatTimeout": true, "States.Http.Socket": true, "States.IntrinsicFailure": true,
	"States.ItemReaderFailed": true, "States.NoChoiceMatched": true, "States.ParameterPathFailure": true,
	"States.Permissions": true, "States.ResultPathMatchFailure": true, "States.ResultWriterFailed": true,
	"States.Runtime": true, "States.TaskFailed": true, "States.Timeout": true, "States.BranchFailed": true,
	"States.QueryEvaluationError": true,
}

var knownErrorList = func() []string {
	out := make([]string, 0, len(knownErrors))
	for e := range knownErrors {
		out = append(out, e)
	}
	return out
}()

func errorHint(name string) string {
	if hint := didYouMean(name, knownErrorList); hint != "" {
		return hint
	}
	return ` Check the spelling (e.g. "States.TaskFailed").`
}

func (c *checker) retryCatch(s *asl.State, ptr string) {
	c.errorRules(s, ptr, s.Field("Retry"), "Retry")
	c.errorRules(s, ptr, s.Field("Catch"), "Catch")
	for i, r := range s.Retry {
		if r.MaxDelaySeconds != nil && r.IntervalSeconds != nil && *r.MaxDelaySeconds < *r.IntervalSeconds {
			c.warnAt(asl.AppendIndex(asl.Append(ptr, "Retry"), i)+"/MaxDelaySeconds", r.Node.Get("MaxDelaySeconds"), CodeIgnoredField,
				"State %q, Retry rule %d: MaxDelaySeconds (%d) is below IntervalSeconds (%d), so every retry waits MaxDelaySeconds.", s.Name, i, *r.MaxDelaySeconds, *r.IntervalSeconds)
		}
	}
}

// errorRules checks the ErrorEquals lists of Retry or Catch (kind) of the
// state at ptr: States.ALL must be alone in its rule and that rule must
// come last. Pointers are built only for a report.
func (c *checker) errorRules(s *asl.State, ptr string, list *asl.Node, kind string) {
	if !list.Is(asl.KindArray) {
		return
	}
	for i, rule := range list.Items {
		errs := rule.Get("ErrorEquals")
		if !errs.Is(asl.KindArray) {
			continue
		}
		for j, e := range errs.Items {
			if !e.Is(asl.KindString) {
				continue
			}
			ep := func() string { return asl.AppendIndex(asl.AppendIndex(asl.Append(ptr, kind), i)+"/ErrorEquals", j) }
			switch {
			case e.Str == asl.ErrorAll && len(errs.Items) > 1:
				c.errorAt(ep(), e, CodeSchema,
					"State %q, %s rule %d: \"States.ALL\" must be the only error in its ErrorEquals list. Move the other errors to an earlier rule.", s.Name, kind, i)
			case e.Str == asl.ErrorAll && i != len(list.Items)-1:
				c.errorAt(ep(), e, CodeSchema,
					"State %q, %s rule %d: the rule with \"States.ALL\" must be the last one, since it matches every error and later rules would never run. Move it to the end.", s.Name, kind, i)
			case strings.HasPrefix(e.Str, "States.") && !knownErrors[e.Str]:
				c.warnAt(ep(), e, CodeUnknownErrorName,
					"State %q, %s rule %d: %q is not an error Step Functions raises, so it never matches.%s", s.Name, kind, i, e.Str, errorHint(e.Str))
			}
		}
	}
}
