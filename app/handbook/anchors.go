package handbook

import (
	"strconv"
	"strings"
	"unicode"
)

// anchors gives every step a stable, unique id for links: "step-" and the
// name in lower case with runs of other characters as one "-".
type anchors map[string]string

func anchorsOf(h *Handbook) anchors {
	a := anchors{}
	used := map[string]bool{}
	var walk func([]*Step)
	walk = func(steps []*Step) {
		for _, s := range steps {
			if _, ok := a[s.Name]; !ok {
				id := "step-" + slug(s.Name)
				for i := 2; used[id]; i++ {
					id = "step-" + slug(s.Name) + "-" + strconv.Itoa(i)
				}
				used[id] = true
				a[s.Name] = id
			}
			for _, br := range s.Branches {
				walk(br.Steps)
			}
		}
	}
	walk(h.Steps)
	return a
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if out == "" {
		return "x"
	}
	return out
}

// allSteps lists every step, depth first in reading order.
func allSteps(steps []*Step) []*Step {
	var out []*Step
	for _, s := range steps {
		out = append(out, s)
		for _, br := range s.Branches {
			out = append(out, allSteps(br.Steps)...)
		}
	}
	return out
}

// typeWords names a state type for readers.
var typeWords = map[string]string{
	"Task": "Task: does work", "Pass": "Pass: shapes data", "Choice": "Choice: decides the way",
	"Wait": "Wait: pauses", "Succeed": "Succeed: ends well", "Fail": "Fail: ends as failed",
	"Parallel": "Parallel: runs branches at once", "Map": "Map: repeats for each item",
}

func typeLabel(t string) string {
	if w, ok := typeWords[t]; ok {
		return w
	}
	return t
}

// statusWords says how a scenario ended.
func statusWords(sc Scenario) string {
	switch {
	case sc.Problem != "":
		return "could not run"
	case !sc.Finished:
		return "did not finish"
	case sc.Status == "SUCCEEDED":
		return "succeeds"
	case sc.Status == "FAILED":
		return "fails"
	case sc.Status == "TIMED_OUT":
		return "times out"
	case sc.Status == "ABORTED":
		return "is stopped"
	}
	return strings.ToLower(sc.Status)
}
