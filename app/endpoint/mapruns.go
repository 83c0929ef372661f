package endpoint

import (
	"strings"

	"github.com/stepstudio/stepstudio/engine"
)

// mapRunOf finds a distributed Map run by ARN among the executions'
// runs: arn:...:mapRun:<machine>/<label>:<id>.
func (s *Server) mapRunOf(arn string) (*execution, engine.MapRun, error) {
	p, ok := parseArn(arn)
	if !ok || p.kind != "mapRun" {
		return nil, engine.MapRun{}, invalidArn(arn)
	}
	s.mu.RLock()
	list := append([]*execution(nil), s.execOrder...)
	s.mu.RUnlock()
	for _, e := range list {
		for _, mr := range e.mapRuns() {
			if mr.MapRunArn == arn {
				return e, mr, nil
			}
		}
	}
	return nil, engine.MapRun{}, errf(errResourceNotFound, "Resource not found: '%s'", arn)
}

// mapRuns are the execution's distributed Map runs, live while it runs.
func (e *execution) mapRuns() []engine.MapRun {
	if ex := e.running(); ex != nil {
		return ex.MapRuns()
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.MapRuns
}

func (s *Server) listMapRunExecutions(arn, status string, maxResults int, token string) (any, error) {
	e, mr, err := s.mapRunOf(arn)
	if err != nil {
		return nil, err
	}
	items := make([]any, 0, len(mr.Children))
	for i := len(mr.Children) - 1; i >= 0; i-- {
		c := mr.Children[i]
		if (status != "" && c.Status != status) || c.StartDate == nil {
			continue
		}
		it := map[string]any{"executionArn": c.Arn, "stateMachineArn": childMachineArn(e, mr),
			"name": c.Name, "status": c.Status, "startDate": epoch(*c.StartDate), "mapRunArn": arn, "redriveCount": 0}
		if c.StopDate != nil {
			it["stopDate"] = epoch(*c.StopDate)
		}
		items = append(items, it)
	}
	return listPage("executions", items, maxResults, token, 3096)
}

// childMachineArn is the state machine ARN AWS gives a Map run's
// children: the parent's, with the Map's label.
func childMachineArn(e *execution, mr engine.MapRun) string {
	label := mr.State
	if i := strings.Index(mr.MapRunArn, ":mapRun:"); i >= 0 {
		rest := mr.MapRunArn[i+len(":mapRun:"):]
		if j := strings.LastIndexByte(rest, ':'); j >= 0 {
			rest = rest[:j]
		}
		if k := strings.IndexByte(rest, '/'); k >= 0 {
			label = rest[k+1:]
		}
	}
	return e.Machine + "/" + label
}

func listMapRuns(s *Server, r *request) (any, error) {
	var in struct {
		ExecutionArn string `json:"executionArn"`
		MaxResults   int    `json:"maxResults"`
		NextToken    string `json:"nextToken"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	e, err := s.lookupExecution(in.ExecutionArn)
	if err != nil {
		return nil, err
	}
	runs := e.mapRuns()
	items := make([]any, 0, len(runs))
	for _, mr := range runs {
		it := map[string]any{"executionArn": e.Arn, "mapRunArn": mr.MapRunArn, "stateMachineArn": childMachineArn(e, mr),
			"startDate": epoch(mr.StartDate)}
		if mr.StopDate != nil {
			it["stopDate"] = epoch(*mr.StopDate)
		}
		items = append(items, it)
	}
	return listPage("mapRuns", items, in.MaxResults, in.NextToken, 1024)
}

func describeMapRun(s *Server, r *request) (any, error) {
	var in struct {
		MapRunArn string `json:"mapRunArn"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	e, mr, err := s.mapRunOf(in.MapRunArn)
	if err != nil {
		return nil, err
	}
	out := map[string]any{"mapRunArn": mr.MapRunArn, "executionArn": e.Arn, "status": mr.Status,
		"startDate": epoch(mr.StartDate), "maxConcurrency": mr.MaxConcurrency,
		"toleratedFailurePercentage": mr.ToleratedFailurePercentage, "toleratedFailureCount": mr.ToleratedFailureCount,
		"itemCounts": counts(mr.ItemCounts), "executionCounts": counts(mr.ExecutionCounts), "redriveCount": 0}
	if mr.StopDate != nil {
		out["stopDate"] = epoch(*mr.StopDate)
	}
	return out, nil
}

func counts(c engine.MapRunCounts) map[string]int64 {
	// AWS counts a result as written when it went into the Map's output
	// too, not only to a ResultWriter: a recorded run without one shows
	// resultsWritten equal to succeeded.
	if c.ResultsWritten == 0 {
		c.ResultsWritten = c.Succeeded
	}
	return map[string]int64{"pending": c.Pending, "running": c.Running, "succeeded": c.Succeeded,
		"failed": c.Failed, "timedOut": c.TimedOut, "aborted": c.Aborted, "total": c.Total,
		"resultsWritten": c.ResultsWritten, "failuresNotRedrivable": 0, "pendingRedrive": 0}
}

// updateMapRun accepts AWS's parameters and checks them; the engine
// fixes a Map run's limits when it starts, so the new values are not
// applied to a run already going (said in the README's serve section).
func updateMapRun(s *Server, r *request) (any, error) {
	var in struct {
		MapRunArn                  string   `json:"mapRunArn"`
		MaxConcurrency             *int64   `json:"maxConcurrency"`
		ToleratedFailurePercentage *float64 `json:"toleratedFailurePercentage"`
		ToleratedFailureCount      *int64   `json:"toleratedFailureCount"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	if in.MaxConcurrency == nil && in.ToleratedFailureCount == nil && in.ToleratedFailurePercentage == nil {
		return nil, errf(errValidation, "Must provide at least one of maxConcurrency, toleratedFailurePercentage or toleratedFailureCount")
	}
	if in.ToleratedFailurePercentage != nil && (*in.ToleratedFailurePercentage < 0 || *in.ToleratedFailurePercentage > 100) {
		return nil, errf(errValidation, "1 validation error detected: Value '%v' at 'toleratedFailurePercentage' failed to satisfy constraint: Member must have value less than or equal to 100", *in.ToleratedFailurePercentage)
	}
	if _, _, err := s.mapRunOf(in.MapRunArn); err != nil {
		return nil, err
	}
	return struct{}{}, nil
}
