package endpoint

import (
	"encoding/json"

	"github.com/stepstudio/stepstudio/engine"
)

// A distributed Map's child executions are executions of their own in
// AWS: DescribeExecution and GetExecutionHistory answer for their ARNs
// (arn:...:execution:<machine>/<label>:<id>) as for any other. Here they
// live inside their parent's Map Runs, so they are found there.

// childOf finds a Map Run's child execution by ARN.
func (s *Server) childOf(arn string) (*execution, engine.MapRun, engine.ChildExecution, bool) {
	s.mu.RLock()
	list := append([]*execution(nil), s.execOrder...)
	s.mu.RUnlock()
	for _, e := range list {
		for _, mr := range e.mapRuns() {
			for _, c := range mr.Children {
				if c.Arn == arn && c.StartDate != nil {
					return e, mr, c, true
				}
			}
		}
	}
	return nil, engine.MapRun{}, engine.ChildExecution{}, false
}

// describeChildOut is DescribeExecution's answer for a child execution.
func describeChildOut(e *execution, mr engine.MapRun, c engine.ChildExecution) map[string]any {
	out := map[string]any{"executionArn": c.Arn, "stateMachineArn": childMachineArn(e, mr), "name": c.Name,
		"status": c.Status, "startDate": epoch(*c.StartDate), "input": jsonText(c.Input),
		"inputDetails": map[string]bool{"included": true}, "mapRunArn": mr.MapRunArn, "redriveCount": c.RedriveCount}
	if c.StopDate != nil {
		out["stopDate"] = epoch(*c.StopDate)
	}
	if c.Status == engine.StatusSucceeded {
		out["output"] = jsonText(c.Output)
		out["outputDetails"] = map[string]bool{"included": true}
	}
	if c.Error != nil {
		out["error"] = *c.Error
	}
	if c.Cause != nil {
		out["cause"] = *c.Cause
	}
	return out
}

// jsonText is v as the API's input/output strings carry it.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}
