package engine

import (
	"context"

	"github.com/stepstudio/stepstudio/engine/fault"
)

// fail raises the state's Error and Cause (or their paths).
func (st *stepCtx) fail(ctx context.Context) error {
	n := st.n
	se := &fault.Error{}
	errName, err := st.failField(ctx, n.errName, n.errPath, "Error", "ErrorPath")
	if err != nil {
		return err
	}
	cause, err := st.failField(ctx, n.cause, n.causePath, "Cause", "CausePath")
	if err != nil {
		return err
	}
	if errName != nil {
		se.Name = *errName
	}
	if cause != nil {
		se.Cause = *cause
	}
	return se
}

// failField resolves Error/Cause, or ErrorPath/CausePath; nil when absent.
func (st *stepCtx) failField(ctx context.Context, lit, path field, name, pathName string) (*string, error) {
	if lit.set {
		if st.n.jsonata {
			v, err := st.jsonataValue(ctx, lit, name, st.statesVar(nil, nil))
			if err != nil {
				return nil, err
			}
			s, ok := v.(string)
			if !ok {
				return nil, st.runtimeErr(lit.src, errQueryEvaluation, "The %s field must evaluate to a string, but was %s", name, EncodeJSON(v))
			}
			return &s, nil
		}
		s, _ := lit.v.(string)
		return &s, nil
	}
	if path.set {
		p, _ := path.v.(string)
		v, err := st.pathOrIntrinsic(ctx, path.src, p, st.input, pathName)
		if err != nil {
			return nil, err
		}
		s, ok := v.(string)
		if !ok {
			s = EncodeJSON(v)
		}
		return &s, nil
	}
	return nil, nil
}
