package cli

import (
	"errors"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/engine/mock"
)

// loadMocks reads an AWS MockConfigFile and picks the test case: in the
// state machine named like the definition file when it has one, else in
// whichever state machine defines it.
func loadMocks(path, testCase, stateMachine string) (*mock.TestCase, error) {
	b, err := files.ReadFile(path, files.Mocks)
	if err != nil {
		return nil, err
	}
	cfg, err := mock.Parse(path, b)
	if err != nil {
		return nil, err
	}
	tc, err := cfg.TestCase(stateMachine, testCase)
	if errors.Is(err, mock.ErrNoTestCase) {
		tc, err = cfg.TestCase("", testCase)
	}
	return tc, err
}
