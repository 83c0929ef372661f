package cli

import (
	"fmt"

	"github.com/stepstudio/stepstudio/engine"
)

// loadMocks reads an AWS MockConfigFile and returns an invoker answering
// the test case's mocked states.
func loadMocks(path, testCase, stateMachine string) (engine.Invoker, error) {
	return nil, fmt.Errorf("mock configs are not supported yet (%s)", path)
}
