package engine

import "fmt"

// limitError ends a run that passed one of its bounds: the transition cap
// here, AWS's quotas in AWS. The run fails with States.Runtime and the
// cause; no Retry or Catch sees it, since the run cannot go on.
type limitError struct{ cause string }

func (e *limitError) Error() string { return e.cause }

// exceeded stops the whole run (other branches and iterations too) for a
// bound it passed, and returns why the run stops: the limit, or an earlier
// cause (Stop, a timeout) if one came first.
func (ex *Execution) exceeded(cause string) error {
	ex.cancel(&limitError{cause: cause})
	return ex.alive(ex.ctx)
}

// transition counts one state transition, a state entered or a retry
// attempt, against the run's cap.
func (ex *Execution) transition() error {
	if c := ex.cfg.maxTransitions; ex.transitions.Add(1) > c {
		return ex.exceeded(fmt.Sprintf("The execution reached its cap of %d state transitions (states entered and retry attempts): a runaway loop or a retry storm? Raise the cap with WithMaxTransitions or --max-transitions.", c))
	}
	return nil
}
