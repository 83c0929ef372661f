//go:build linux

package hostile

import (
	"fmt"
	"strings"
	"testing"
)

// mockCases: mock files that are broken, huge, endless or name what the
// definition lacks. run refuses each with a located message (exit 2).
func mockCases() []hostileCase {
	const class = "run: mock config"
	def := machine("Charge", fmt.Sprintf(`{"Charge": {"Type": "Task", "Resource": %q, "End": true}}`, lambdaArn))
	mocks := func(testCase, responses string) string {
		return fmt.Sprintf(`{"StateMachines": {"d": {"TestCases": {"T": %s}}}, "MockedResponses": %s}`, testCase, responses)
	}
	c := func(name, m, want string) hostileCase {
		return hostileCase{class: class, name: name, files: map[string]string{"d.json": def, "m.json": m},
			args: []string{"run", "d.json", "--mock-config", "m.json", "--test-case", "T"}, exit: usage, want: want}
	}
	good := mocks(`{"Charge": "R"}`, `{"R": {"0": {"Return": {"ok": true}}}}`)
	special := func(name string, setup func(*testing.T, string), want string) hostileCase {
		return hostileCase{class: class, name: name, files: map[string]string{"d.json": def}, setup: setup,
			args: []string{"run", "d.json", "--mock-config", "m.json", "--test-case", "T"}, exit: usage, want: want, maxSeconds: 5}
	}
	return []hostileCase{
		c("not JSON", "{StateMachines", "m.json"),
		c("an array", "[]", "m.json"),
		c("unknown test case", strings.Replace(good, `"T"`, `"Other"`, 1), `T`),
		c("a state the definition lacks", mocks(`{"Chrage": "R"}`, `{"R": {"0": {"Return": 1}}}`), `Chrage`),
		c("a response that is not there", mocks(`{"Charge": "Nope"}`, `{}`), "Nope"),
		c("keys not from 0", mocks(`{"Charge": "R"}`, `{"R": {"1": {"Return": 1}}}`), `"?0"?|contiguous|start`),
		c("keys with a gap", mocks(`{"Charge": "R"}`, `{"R": {"0": {"Return": 1}, "2": {"Return": 2}}}`), "contiguous|gap|1"),
		c("a backwards range", mocks(`{"Charge": "R"}`, `{"R": {"0": {"Return": 1}, "3-1": {"Return": 2}}}`), "3-1"),
		c("a negative key", mocks(`{"Charge": "R"}`, `{"R": {"-1": {"Return": 1}}}`), "-1"),
		c("a huge range", mocks(`{"Charge": "R"}`, `{"R": {"0-99999999999999999999": {"Return": 1}}}`), "0-9999|range|large"),
		c("Throw without Cause", mocks(`{"Charge": "R"}`, `{"R": {"0": {"Throw": {"Error": "E"}}}}`), "Cause"),
		c("both Return and Throw", mocks(`{"Charge": "R"}`, `{"R": {"0": {"Return": 1, "Throw": {"Error": "E", "Cause": "c"}}}}`), "Return|Throw"),
		special("mock file is /dev/zero", symlink("/dev/zero", "m.json"), "regular file"),
		special("mock file is a FIFO", mkfifo("m.json"), "regular file"),
		special("mock file of 2 MB", bigFile("m.json", `{"Comment": "`, "x", `", "StateMachines": {}, "MockedResponses": {}}`, 2<<20), "MiB|too large"),
		{class: class, name: "a good mock works", files: map[string]string{"d.json": def, "m.json": good},
			args: []string{"run", "d.json", "--mock-config", "m.json", "--test-case", "T"}, exit: ok, want: "SUCCEEDED"},
	}
}
