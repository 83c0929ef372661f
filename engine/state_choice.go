package engine

import "context"

// choice picks the first matching rule's Next, else Default, else fails
// with States.NoChoiceMatched.
func (st *stepCtx) choice(ctx context.Context) (any, string, error) {
	n := st.n
	if n.jsonata {
		states := st.statesVar(nil, nil)
		for i, r := range n.choices {
			v, err := st.jsonataValue(ctx, r.condition, "Condition", states)
			if err != nil {
				return nil, "", err
			}
			ok, isBool := v.(bool)
			if !isBool {
				return nil, "", st.runtimeErr(r.condition.src, errQueryEvaluation, "The Condition field of choice rule %d must evaluate to a boolean, but was %s", i, EncodeJSON(v))
			}
			if ok {
				st.stageChoice(i, r.next)
				out, err := st.outputAndAssign(ctx, r.output, r.assign, st.input, states, "")
				return out, r.next, err
			}
		}
		if n.defaultNext == "" {
			return nil, "", newFault(errNoChoiceMatched, "No Matches!")
		}
		st.stageChoice(-1, n.defaultNext)
		out, err := st.outputAndAssign(ctx, n.output, n.assign, st.input, states, "")
		return out, n.defaultNext, err
	}
	in, err := st.inputPath(ctx)
	if err != nil {
		return nil, "", err
	}
	for i, r := range n.choices {
		ok, err := r.eval(st, in)
		if err != nil {
			return nil, "", err
		}
		if ok {
			st.stageChoice(i, r.next)
			if err := st.assignJSONPath(ctx, r.assign, in, ""); err != nil {
				return nil, "", err
			}
			out, err := st.outputPath(ctx, in)
			return out, r.next, err
		}
	}
	if n.defaultNext == "" {
		return nil, "", newFault(errNoChoiceMatched, "No Matches!")
	}
	st.stageChoice(-1, n.defaultNext)
	if err := st.assignJSONPath(ctx, n.assign, in, ""); err != nil {
		return nil, "", err
	}
	out, err := st.outputPath(ctx, in)
	return out, n.defaultNext, err
}

// stageChoice reports the rule that matched (-1: the Default).
func (st *stepCtx) stageChoice(rule int, next string) {
	if !st.staging() {
		return
	}
	if rule < 0 {
		st.stage("Choice", map[string]any{"Default": next})
		return
	}
	st.stage("Choice", map[string]any{"Rule": int64(rule), "Next": next})
}
