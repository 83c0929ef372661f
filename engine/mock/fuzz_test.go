package mock

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse: any bytes give a config or located errors, never a panic,
// and a config answers every lookup without one.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		`{"StateMachines": {"m": {"TestCases": {"T": {"A": "R"}}}}, "MockedResponses": {"R": {"0": {"Return": 1}, "1-2": {"Throw": {"Error": "E", "Cause": "c"}}}}}`,
		`{"StateMachines": {}, "MockedResponses": {}}`,
		`{"MockedResponses": {"R": {"0-99999999999999999999": {"Return": 1}}}}`,
		`{"StateMachines": {"m": {"TestCases": {"T": {"A": "Missing"}}}}}`,
		`[]`, `{`, `null`,
	} {
		f.Add([]byte(seed))
	}
	for _, p := range []string{"../../app/cli/testdata/run/mocks.json", "../../app/cli/testdata/run/mocks_bad.json"} {
		if b, err := os.ReadFile(filepath.FromSlash(p)); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("m.json", data)
		if err != nil {
			if c != nil {
				t.Fatal("a config and an error")
			}
			_ = err.Error()
			return
		}
		for machine, cases := range c.machines {
			for name := range cases {
				tc, err := c.TestCase(machine, name)
				if err != nil {
					t.Fatalf("listed test case %s/%s: %v", machine, name, err)
				}
				for state := range tc.states {
					for i := 0; i < 4; i++ {
						tc.Response(state, i)
					}
				}
			}
		}
	})
}
