package suite

import (
	"fmt"
	"slices"
	"strings"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// Failure is one expectation a run did not meet.
type Failure struct {
	Expectation string // which: "status", "output", "states.Charge.retries", ...
	At          Pos    // where it is written
	Message     string // in plain words: expected ..., got ...
	Expected    any    `json:",omitempty"`
	Got         any    `json:",omitempty"`
	Diff        []string
}

type checker struct {
	o    *Observation
	fail []Failure
}

func (c *checker) add(what string, at Pos, format string, args ...any) {
	c.fail = append(c.fail, Failure{Expectation: what, At: at, Message: fmt.Sprintf(format, args...)})
}

// value compares a JSON value exactly (or partially) and records a diff.
func (c *checker) value(what, subject string, want *Value, got any, have bool, partial bool) {
	if want == nil {
		return
	}
	if !have {
		c.add(what, want.At, "expected %s, but there is none", short(want.V))
		return
	}
	if d := Diff(want.V, got, partial); len(d) > 0 {
		how := "differs from the expected value"
		if partial {
			how = "lacks some of the expected values"
		}
		c.fail = append(c.fail, Failure{Expectation: what, At: want.At, Message: subject + " " + how, Expected: want.V, Got: got, Diff: d})
	}
}

func check(e *Expect, o *Observation) []Failure {
	c := &checker{o: o}
	r := o.Result
	if e.Status != nil && e.Status.S != r.Status {
		msg := fmt.Sprintf("expected the run to end %s, but it ended %s", e.Status.S, r.Status)
		if r.Error != nil {
			msg += " with " + *r.Error
			if r.Cause != nil {
				msg += ": " + *r.Cause
			}
		}
		c.add("status", e.Status.At, "%s", msg)
	}
	succeeded := r.Status == engine.StatusSucceeded
	c.value("output", "the run's output", e.Output, r.Output, succeeded, false)
	c.value("outputContains", "the run's output", e.OutputContains, r.Output, succeeded, true)
	for i, a := range e.Assertions {
		c.assertion(i, a, r.Output, succeeded)
	}
	c.text("error", e.Error, r.Error)
	c.text("cause", e.Cause, r.Cause)
	if e.HasPath && !slices.Equal(e.Path, o.Path) {
		f := Failure{Expectation: "path", At: e.PathAt, Message: "the run took another path", Expected: anyList(e.Path), Got: anyList(o.Path)}
		f.Diff = pathDiff(e.Path, o.Path)
		c.fail = append(c.fail, f)
	}
	for _, n := range e.PassesThrough {
		if o.visits[n.Name] == 0 {
			c.add("passesThrough", n.At, "expected the run to pass through %q, but it never entered it", n.Name)
		}
	}
	for _, n := range e.NeverReaches {
		if k := o.visits[n.Name]; k > 0 {
			c.add("neverReaches", n.At, "expected the run never to reach %q, but it entered it %s", n.Name, times(k))
		}
	}
	for _, se := range e.States {
		c.state(se)
	}
	// Report in file order, as a reader goes down the scenario.
	slices.SortStableFunc(c.fail, func(a, b Failure) int {
		if a.At.Line != b.At.Line {
			return a.At.Line - b.At.Line
		}
		return a.At.Column - b.At.Column
	})
	return c.fail
}

func (c *checker) text(what string, want *Text, got *string) {
	if want == nil {
		return
	}
	if got == nil {
		c.add(what, want.At, "expected %s %q, but the run had none (it ended %s)", what, want.S, c.o.Result.Status)
		return
	}
	if *got != want.S {
		c.fail = append(c.fail, Failure{Expectation: what, At: want.At, Message: fmt.Sprintf("expected %s %q, got %q", what, want.S, *got), Expected: want.S, Got: *got})
	}
}

func (c *checker) assertion(i int, a Assertion, out any, succeeded bool) {
	what := fmt.Sprintf("assertions[%d] %s", i, a.Path)
	if !succeeded {
		c.add(what, a.At, "the run has no output to check (it ended %s)", c.o.Result.Status)
		return
	}
	got, err := a.path.Get(out)
	found := err == nil
	if found && !a.path.Definite() {
		list, _ := got.([]any)
		found = len(list) > 0
	}
	switch {
	case a.Exists != nil:
		if found != *a.Exists {
			if *a.Exists {
				c.add(what, a.At, "expected %s to exist in the output, but it does not", a.Path)
			} else {
				c.add(what, a.At, "expected %s not to exist in the output, but it is %s", a.Path, short(got))
			}
		}
	case !found:
		c.add(what, a.At, "%s selects nothing in the output", a.Path)
	case a.Equals != nil:
		c.value(what, "the value at "+a.Path, a.Equals, got, true, false)
	case a.Contains != nil:
		c.value(what, "the value at "+a.Path, a.Contains, got, true, true)
	}
}

func (c *checker) state(se *StateExpect) {
	o := c.o
	what := "states." + se.Name
	out, entered := o.outputs[se.Name]
	var outV any
	if entered {
		outV, _ = jsonvalue.Unmarshal([]byte(out))
	}
	if (se.Output != nil || se.OutputContains != nil) && !entered {
		c.add(what+".output", se.At, "expected an output of %q, but it never finished (entered %s)", se.Name, times(o.visits[se.Name]))
	} else {
		subject := fmt.Sprintf("the output of %q", se.Name)
		c.value(what+".output", subject, se.Output, outV, true, false)
		c.value(what+".outputContains", subject, se.OutputContains, outV, true, true)
	}
	for _, v := range se.Variables {
		text, ok := o.variables[se.Name][v.Name]
		var got any
		if ok {
			got, _ = jsonvalue.Unmarshal([]byte(text))
		}
		if !ok {
			c.add(what+".variables."+v.Name, v.Value.At, "expected %q to assign $%s = %s, but it did not assign it", se.Name, v.Name, short(v.Value.V))
			continue
		}
		c.value(what+".variables."+v.Name, fmt.Sprintf("$%s as %q assigned it", v.Name, se.Name), &v.Value, got, true, false)
	}
	c.count(se.Name, what+".retries", se.Retries, o.retries[se.Name], "retried")
	c.count(se.Name, what+".iterations", se.Iterations, o.iterations[se.Name], "Map iterations")
	c.count(se.Name, what+".visits", se.Visits, o.visits[se.Name], "entered")
}

func (c *checker) count(state, what string, want *Count, got int, noun string) {
	if want == nil || want.N == got {
		return
	}
	var msg string
	switch noun {
	case "Map iterations":
		msg = fmt.Sprintf("expected %q to run %d Map iterations, got %d", state, want.N, got)
	default:
		msg = fmt.Sprintf("expected %q to be %s %s, but it was %s %s", state, noun, times(want.N), noun, times(got))
	}
	c.fail = append(c.fail, Failure{Expectation: what, At: want.At, Message: msg, Expected: int64(want.N), Got: int64(got)})
}

func times(n int) string {
	switch n {
	case 0:
		return "never"
	case 1:
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}

func anyList(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// pathDiff says where two paths part: the first step that differs and
// what each went on with.
func pathDiff(want, got []string) []string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	rest := func(p []string) string {
		if i >= len(p) {
			return "(end)"
		}
		tail := p[i:]
		if len(tail) > 5 {
			tail = append(slices.Clone(tail[:5]), "…")
		}
		return strings.Join(tail, " → ")
	}
	return []string{
		fmt.Sprintf("step %d: expected %s", i+1, rest(want)),
		fmt.Sprintf("step %d: got      %s", i+1, rest(got)),
	}
}
