package engine

import "strconv"

// StageObserver is an Observer that also receives the values between a
// state's processing steps, which the history does not record: the
// studio shows them when a state is inspected. OnStage is called only for
// the steps a state has, on the state's goroutine; the value must not be
// modified.
type StageObserver interface {
	Observer
	OnStage(Stage)
}

// Stage is the value after one processing step of one state visit.
//
// Steps, in the order a state applies them:
//   - JSONPath: "InputPath", "Parameters" (a Pass's or Parallel's: a
//     Task's is in its TaskScheduled event), "Items"
//     (ItemsPath's array), "ItemSelector #i" (the first iterations'
//     inputs), "Result" (a Pass's Result, a Map's or Parallel's outputs),
//     "ResultSelector", "Assign" (the variables), "ResultPath".
//   - JSONata: "Context" ($states.context, for states that read it),
//     "Arguments" (a Parallel's), "Items",
//     "ItemSelector #i", "Result", "Assign", "Output".
//   - Choice: "Choice" ({"Rule": i, "Next": …} or {"Default": …});
//     Wait: "Wait" ({"Until": timestamp}).
//   - A Catch that matched: "Catch" (the catcher: ErrorEquals, Next and
//     the fields it has), "ErrorOutput" ({Error, Cause}: $states.errorOutput),
//     then "Catch.Assign", "Catch.ResultPath" or "Catch.Output".
type Stage struct {
	State          string
	EnteredEventID int64 // the visit's StateEntered event
	Step           string
	Value          any
}

// stagedItems is how many of a Map's iterations report their
// ItemSelector value: enough to see what the items became, without a
// record per item of a large Map.
const stagedItems = 50

// stage reports the value after step to a StageObserver, if there is one.
func (st *stepCtx) stage(step string, v any) {
	if o, ok := st.sc.ex.cfg.observer.(StageObserver); ok {
		o.OnStage(Stage{State: st.n.name, EnteredEventID: st.enteredID, Step: step, Value: v})
	}
}

// staging says whether stage values are received, so values built only
// for them cost nothing otherwise.
func (st *stepCtx) staging() bool {
	_, ok := st.sc.ex.cfg.observer.(StageObserver)
	return ok
}

// stageCatch reports the catcher that matched and the error output it
// was given.
func (st *stepCtx) stageCatch(c catcher, errOut any) {
	if !st.staging() {
		return
	}
	d := map[string]any{"ErrorEquals": stringsAny(c.errorEquals), "Next": c.next}
	for name, f := range map[string]field{"ResultPath": c.resultPath, "Output": c.output, "Assign": c.assign} {
		if f.set {
			d[name] = f.v
		}
	}
	st.stage("Catch", d)
	st.stage("ErrorOutput", errOut)
}

// stageItem reports iteration i's input (after ItemSelector).
func (st *stepCtx) stageItem(i int, v any) {
	if i < stagedItems && st.staging() {
		st.stage("ItemSelector #"+strconv.Itoa(i), v)
	}
}

func stringsAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
