package handbook

import (
	"strconv"
	"strings"
)

// duration says n seconds in the largest units that keep it exact:
// "1 second", "90 seconds" → "1 minute 30 seconds", "2 hours", "1 day".
func duration(n int64) string {
	if n == 0 {
		return "0 seconds"
	}
	units := []struct {
		size int64
		name string
	}{{86400, "day"}, {3600, "hour"}, {60, "minute"}, {1, "second"}}
	var parts []string
	rest := n
	for _, u := range units {
		if rest >= u.size {
			parts = append(parts, plural(rest/u.size, u.name))
			rest %= u.size
		}
		if len(parts) == 2 { // "1 day 2 hours", not to the second
			break
		}
	}
	if rest != 0 && len(parts) == 2 && n >= 3600 {
		return "about " + strings.Join(parts, " ")
	}
	return strings.Join(parts, " ")
}

// plural is "1 item", "2 items".
func plural(n int64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "ch") || strings.HasSuffix(noun, "s") {
		return strconv.FormatInt(n, 10) + " " + noun + "es"
	}
	return strconv.FormatInt(n, 10) + " " + noun + "s"
}

// times is "once", "twice", "3 times".
func times(n int64) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return strconv.FormatInt(n, 10) + " times"
}

// number writes a float without trailing zeros: 2, 1.5.
func number(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// errorNames are the built-in errors in words a reader knows.
var errorNames = map[string]string{
	"States.ALL":                             "any error",
	"States.Timeout":                         "a timeout",
	"States.HeartbeatTimeout":                "a missed heartbeat",
	"States.TaskFailed":                      "any task failure",
	"States.Permissions":                     "missing permissions",
	"States.ResultPathMatchFailure":          "a result that cannot be placed in the data",
	"States.ParameterPathFailure":            "a missing field in the data",
	"States.QueryEvaluationError":            "an expression that cannot be evaluated",
	"States.BranchFailed":                    "a failed branch",
	"States.NoChoiceMatched":                 "no rule matching",
	"States.IntrinsicFailure":                "a failed intrinsic function",
	"States.ExceedToleratedFailureThreshold": "too many failed items",
	"States.ItemReaderFailed":                "items that cannot be read",
	"States.ResultWriterFailed":              "results that cannot be written",
	"States.Runtime":                         "a runtime error",
}

// errorList says which errors a Retry or Catch rule matches: built-in
// errors in words, the rest as their exact names.
func errorList(errs []string) Phrase {
	if len(errs) == 0 {
		return words("no error (the rule lists none)")
	}
	items := make([]Phrase, 0, len(errs))
	for _, e := range errs {
		if w, ok := errorNames[e]; ok {
			items = append(items, words(w))
		} else {
			items = append(items, Phrase{{Code, e}})
		}
	}
	return joinPhrases(items, "or")
}

// expression is the text of a JSONata "{% … %}" string, trimmed, and
// whether s is one.
func expression(s string) (string, bool) {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "{%") && strings.HasSuffix(t, "%}") && len(t) >= 4 {
		return strings.TrimSpace(t[2 : len(t)-2]), true
	}
	return "", false
}
