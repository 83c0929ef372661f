package endpoint

import (
	"encoding/json"
	"errors"

	"github.com/stepstudio/stepstudio/app/teststate"
)

// testState answers TestState with the same engine as `stepstudio
// test-state` (app/teststate).
func testState(s *Server, r *request) (any, error) {
	var req teststate.Request
	if err := json.Unmarshal(r.body, &req); err != nil {
		return nil, errf(errSerialization, "Invalid JSON: %v", err)
	}
	res, err := teststate.Run(r.ctx, req)
	if err != nil {
		var ae *teststate.APIError
		if errors.As(err, &ae) {
			return nil, errf(ae.Code, "%s", ae.Message)
		}
		return nil, errf(errValidation, "%v", err)
	}
	return res, nil
}
