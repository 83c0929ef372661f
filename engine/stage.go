package engine

// StageObserver is an Observer that also receives the values between a
// JSONPath state's processing steps, which the history does not record:
// the studio shows them when a state is inspected. OnStage is called only
// for the steps a state has (an InputPath, a ResultSelector, a
// ResultPath), on the state's goroutine; the value must not be modified.
type StageObserver interface {
	Observer
	OnStage(Stage)
}

// Stage is the value after one processing step of one state visit.
type Stage struct {
	State          string
	EnteredEventID int64  // the visit's StateEntered event
	Step           string // "InputPath", "ResultSelector" or "ResultPath"
	Value          any
}

// stage reports the value after step to a StageObserver, if there is one.
func (st *stepCtx) stage(step string, v any) {
	if o, ok := st.sc.ex.cfg.observer.(StageObserver); ok {
		o.OnStage(Stage{State: st.n.name, EnteredEventID: st.enteredID, Step: step, Value: v})
	}
}
