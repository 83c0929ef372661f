package engine

import (
	"context"
	"fmt"
)

// inlineConcurrency is how many iterations an inline Map without
// MaxConcurrency runs at once, as AWS does (up to 40).
const inlineConcurrency = 40

// maxMapRunRedrives is AWS's hard limit of redrives of one Map Run.
const maxMapRunRedrives = 1000

// maxWorkers bounds the goroutines of one Map; a distributed Map's larger
// MaxConcurrency still shapes its times (see runIterations).
const maxWorkers = 64

// mapState runs the item processor once per item and collects the outputs
// in item order. Events link as AWS links them: each iteration after the
// previous one's last state event, MapStateSucceeded beside the last
// MapIterationSucceeded, MapStateFailed after the failed item's last event.
func (st *stepCtx) mapState(ctx context.Context) (any, string, error) {
	n := st.n
	sc := st.sc
	in := st.input
	var err error
	if !n.jsonata {
		if in, err = st.inputPath(ctx); err != nil {
			return nil, "", err
		}
	}
	items, err := st.mapItems(ctx, in)
	if err != nil {
		return nil, "", st.mapFailedEarly(err)
	}
	maxConc, err := st.mapInt(ctx, n.maxConcurrency, n.maxConcurrencyPath, "MaxConcurrency", in)
	if err != nil {
		return nil, "", st.mapFailedEarly(err)
	}
	startID := sc.emit(Event{Type: "MapStateStarted", MapStateStartedEventDetails: &MapStateStartedDetails{Length: len(items)}})
	tolerated, pct, err := st.tolerance(ctx, in, len(items))
	if err != nil {
		return nil, "", err
	}
	if n.itemBatcher != nil {
		if items, err = st.batch(ctx, items, in); err != nil {
			return nil, "", err
		}
	}
	var mapRunArn string
	if n.distributed {
		if st.memo != nil {
			st.mapRun = sc.ex.redrivenMapRun(st.memo.mapRunArn(), len(items))
			if st.mapRun != nil && st.mapRun.snapshot().RedriveCount >= maxMapRunRedrives {
				// AWS: past its 1,000 redrives a Map Run is not redriven
				// again; the parent gets States.Runtime.
				return nil, "", newFaultf(errRuntime, "The Map Run %s has been redriven %d times, the most AWS allows", st.mapRun.snapshot().MapRunArn, maxMapRunRedrives)
			}
		}
		if st.redriven = st.mapRun != nil; st.redriven {
			// A redrive of the parent redrives its failed Map Run in place
			// (AWS's MapRunRedriven, with the Map Run's redrive count).
			mapRunArn = st.mapRun.snapshot().MapRunArn
			count := st.mapRun.redriveFrom(sc.now())
			sc.emit(Event{Type: "MapRunRedriven", MapRunRedrivenEventDetails: &MapRunRedrivenDetails{MapRunArn: mapRunArn, RedriveCount: count}})
		} else {
			mapRunArn = fmt.Sprintf("%s:%s/%s:%s", mapRunPrefix(sc.ex), sc.ex.m.nameOrDefault(), labelOr(n), sc.ex.UUID())
			sc.emit(Event{Type: "MapRunStarted", MapRunStartedEventDetails: &MapRunStartedDetails{MapRunArn: mapRunArn}})
			st.mapRun = sc.ex.newMapRun(mapRunArn, n.name, len(items), sc.now())
		}
		startID = sc.lastID()
		st.mapRun.setLimits(maxConc, int64(tolerated), pct)
	}
	st.contextObject() // builds $$.State once; item selectors share it
	run := st.runIterations(ctx, items, in, maxConc, startID)
	err = run.err
	if err == nil && run.failures > tolerated {
		err = newFault(errExceedTolerated, "The specified tolerated failure threshold was exceeded")
	}
	if err != nil {
		if n.distributed {
			status := StatusFailed
			if sc.ex.alive(ctx) != nil {
				status = StatusAborted
			}
			st.mapRun.finish(status, sc.now(), 0)
		}
		if sc.ex.alive(ctx) == nil {
			if n.distributed {
				fe := asFault(err)
				sc.emit(Event{Type: "MapRunFailed", MapRunFailedEventDetails: &FailureDetails{Error: &fe.Name, Cause: strPtr(fe.Cause)}})
				st.failed, st.failedPrev = &Event{Type: "MapStateFailed"}, sc.lastID()
			} else {
				st.failed, st.failedPrev = &Event{Type: "MapStateFailed"}, run.failedLast
			}
		}
		return nil, "", err
	}
	if n.distributed {
		st.mapRun.finish(StatusSucceeded, sc.now(), 0)
		sc.emit(Event{Type: "MapRunSucceeded"})
	} else if run.lastEnd != 0 {
		sc.setLast(run.lastEnd)
	}
	sc.emitSide(Event{Type: "MapStateSucceeded"})
	var result any = run.results
	if n.resultWriter != nil {
		if result, err = st.resultWriter(ctx, in, mapRunArn, run.results); err != nil {
			return nil, "", err
		}
	}
	st.stage("Result", result)
	if n.jsonata {
		out, err := st.finishJSONata(ctx, result, result, true)
		return out, "", err
	}
	out, err := st.finishJSONPath(ctx, result, true)
	return out, "", err
}

// mapFailedEarly marks a Map that failed before it started its items: it
// still reports MapStateFailed, after EvaluationFailed for JSONata errors.
func (st *stepCtx) mapFailedEarly(err error) error {
	if fe, ok := asFaultStrict(err); ok && fe.Name == errQueryEvaluation {
		st.failed, st.failedPrev = &Event{Type: "MapStateFailed"}, st.sc.lastID()
	}
	return err
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func mapRunPrefix(ex *Execution) string {
	return "arn:aws:states:" + ex.cfg.region + ":" + ex.cfg.account + ":mapRun"
}

func labelOr(n *node) string {
	if n.label != "" {
		return n.label
	}
	return n.name
}
