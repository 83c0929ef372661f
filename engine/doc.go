// Package engine runs Amazon States Language state machines locally and
// behaves as AWS Step Functions does: AWS-recorded behaviour wins over the
// documentation where they differ (see testdata/ and the conformance
// tests against ../shared/corpus/conformance).
//
// Compile a parsed definition once (validate it first with package
// schema: Compile refuses only what it cannot run), then run it any number
// of times; runs share nothing, retry counters included:
//
//	doc, _ := asl.Parse("order.asl.json", src)
//	m, _ := engine.Compile(doc)
//	res, _ := m.Run(ctx, input,
//		engine.WithMocks(testCase),          // AWS MockConfigFile test case
//		engine.WithInvoker(handlers),        // else local commands, HTTP, Lambda
//		engine.WithObserver(obs))            // history events as they happen
//
// Options are the only extension points, in the manner of gojq: the clock
// (WithClock: by default waits and retry delays are skipped while the
// history keeps the times AWS would show, concurrent waits overlapping as
// in AWS; RealClock; ScaledClock; VirtualClock),
// the task invoker, the observer, mocks, a cap on transitions, the
// workflow type, a seeded deterministic mode, starting at any state with
// given variables, and breakpoints.
//
// Runs are bounded as AWS bounds them: every state entered and every retry
// attempt counts toward the transition cap (WithMaxTransitions); a
// STANDARD run (the default) fails with States.Runtime when its history
// would pass AWS's 25,000 events, while EXPRESS (WithType) has no history
// limit, as in AWS. Both failures end the run: no Retry or Catch sees them.
// A Task's TimeoutSeconds and HeartbeatSeconds count on the run's clock
// (task_deadline.go): on the virtual clock a task nobody can answer (an
// activity no worker polls for) reaches its deadline at once. Variables
// are bounded as AWS documents (vars_limits.go): 256 KiB a variable and an
// Assign, 10 MiB in all, else States.DataLimitExceeded.
//
// Start returns an *Execution at once for the studio: Pause, Step,
// Resume and Stop drive it; SendTaskSuccess, SendTaskFailure and
// SendTaskHeartbeat answer callback tasks (.waitForTaskToken) and
// activities (whose workers take work with GetActivityTask). Wait returns
// the Result: status, output or error and cause, and the whole history in
// AWS's GetExecutionHistory shape (Event).
//
// Compile reads the typed model of package asl, and nothing else: the
// JSON-valued fields (Parameters, Output, …) are converted from their nodes
// once, and every field keeps its place in the source. Compile errors are
// *CompileError, located.
//
// Values are plain Go JSON values: nil, bool, string, int64 (integers),
// float64, []any and map[string]any; errors raised by states are
// *fault.Error, whose Name Retry and Catch match on. The engine places the
// errors it raises in the definition (fault.Error.Location): at the
// template key that failed, else the field being evaluated, else the
// state. A failed run's Result.Location, and Event.Location of its
// ExecutionFailed and EvaluationFailed events, give that place to the
// studio; AWS's history has no such field, so it is never serialized. The expression layers live in their own packages: jsonpath,
// payload, intrinsic, jsonata, mock.
//
// The engine knows nothing of Wails or of the app: it reports through the
// Observer it is given, and cancellation comes through the context.
package engine
