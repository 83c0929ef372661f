package mock

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/stepstudio/stepstudio/internal/suggest"
)

// TestCase finds a test case by name. With machine "" it searches every
// state machine of the file and fails if the name is ambiguous.
func (c *Config) TestCase(machine, name string) (*TestCase, error) {
	if machine != "" {
		if tc, ok := c.machines[machine][name]; ok {
			return tc, nil
		}
		return nil, fmt.Errorf("%w: %q in state machine %q (have %s)", ErrNoTestCase, name, machine, c.names())
	}
	var found []*TestCase
	for _, tcs := range c.machines {
		if tc, ok := tcs[name]; ok {
			found = append(found, tc)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return nil, fmt.Errorf("%w: %q (have %s)", ErrNoTestCase, name, c.names())
	}
	machines := make([]string, len(found))
	for i, tc := range found {
		machines[i] = tc.Machine
	}
	slices.Sort(machines)
	return nil, fmt.Errorf("%w: %q is defined for several state machines (%s); name the state machine", ErrNoTestCase, name, strings.Join(machines, ", "))
}

// names lists "machine/testcase" pairs for error messages.
func (c *Config) names() string {
	var out []string
	for m, tcs := range c.machines {
		for n := range tcs {
			out = append(out, m+"/"+n)
		}
	}
	if len(out) == 0 {
		return "none"
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}

// CheckStates reports every state the test case mocks that is not among
// states (all the state machine's state names, at any depth): such an
// entry mocks nothing, and the Task it was meant for would run unmocked.
// Each problem is an *Error (matching ErrUnknownState) located at the
// entry, naming the test case, the state and the state it most likely
// meant; nil when all are known.
func (tc *TestCase) CheckStates(states []string) error {
	var errs Errors
	for _, s := range slices.Sorted(maps.Keys(tc.states)) {
		if slices.Contains(states, s) {
			continue
		}
		e := tc.where[s] // zero for a test case not read from a file
		e.kind = ErrUnknownState
		e.Msg = fmt.Sprintf("test case %q mocks state %q, which the state machine does not have", tc.Name, s)
		if c := suggest.Closest(s, states); c != "" {
			e.Msg += fmt.Sprintf("; did you mean %q?", c)
		}
		errs = append(errs, &e)
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// Mocks reports whether the test case mocks the state.
func (tc *TestCase) Mocks(state string) bool {
	_, ok := tc.states[state]
	return ok
}

// Response returns the mocked response for the state's invocation
// (0 for the first call, 1 for the first retry, ...). ok is false when the
// test case does not mock the state; err wraps ErrNoResponse when the
// invocation is past the last one mocked.
func (tc *TestCase) Response(state string, invocation int) (resp Response, ok bool, err error) {
	mr, ok := tc.states[state]
	if !ok {
		return Response{}, false, nil
	}
	for _, s := range mr.steps {
		if invocation >= s.from && invocation <= s.to {
			return s.resp, true, nil
		}
	}
	last := -1
	if n := len(mr.steps); n > 0 {
		last = mr.steps[n-1].to
	}
	if last < 0 {
		return Response{}, true, fmt.Errorf("%w: state %q in test case %q is mocked by %q, which has no invocations; add \"0\"",
			ErrNoResponse, state, tc.Name, mr.Name)
	}
	return Response{}, true, fmt.Errorf("%w: state %q in test case %q is mocked by %q, which covers invocations 0-%d, but this is invocation %d",
		ErrNoResponse, state, tc.Name, mr.Name, last, invocation)
}

// Check reports, for the test cases of machine (of every machine when
// machine is "" or the file has no entry of that name), each mocked state
// the state machine lacks and each one that is not a Task: only Tasks call
// anything, so such a mock is never used. types maps every state name of
// the state machine, at any depth, to its type. nil when all is well.
func (c *Config) Check(machine string, types map[string]string) error {
	names := slices.Sorted(maps.Keys(types))
	var errs Errors
	for _, m := range slices.Sorted(maps.Keys(c.machines)) {
		if _, own := c.machines[machine]; own && m != machine {
			continue
		}
		tcs := c.machines[m]
		for _, n := range slices.Sorted(maps.Keys(tcs)) {
			tc := tcs[n]
			if err := tc.CheckStates(names); err != nil {
				errs = append(errs, err.(Errors)...)
			}
			for _, s := range slices.Sorted(maps.Keys(tc.states)) {
				if t, ok := types[s]; ok && t != "Task" {
					e := tc.where[s]
					e.Msg = fmt.Sprintf("test case %q mocks %q, a %s state; only Task states call anything, so this mock is never used", tc.Name, s, t)
					errs = append(errs, &e)
				}
			}
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// TestCases lists the test cases of the state machine named machine,
// sorted by name; when the file has no such machine but only one machine,
// that one's (a file written for the same workflow under another name).
func (c *Config) TestCases(machine string) []*TestCase {
	tcs, ok := c.machines[machine]
	if !ok && len(c.machines) == 1 {
		for _, only := range c.machines {
			tcs = only
		}
	}
	out := make([]*TestCase, 0, len(tcs))
	for _, name := range slices.Sorted(maps.Keys(tcs)) {
		out = append(out, tcs[name])
	}
	return out
}
