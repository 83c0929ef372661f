package endpoint

import (
	"encoding/json"
	"slices"
	"strings"
)

// variableReferences is DescribeStateMachine's variableReferences: for
// each state (at any depth) the workflow variables its fields read, sorted;
// nil when no state reads one. A JSONPath reads $name in a path field or a
// ".$" value (intrinsic arguments too); JSONata reads $name in {% %}
// expressions (function calls and $states excepted).
func variableReferences(definition string) map[string][]string {
	var doc map[string]any
	if json.Unmarshal([]byte(definition), &doc) != nil {
		return nil
	}
	out := map[string][]string{}
	collectStates(doc, out)
	if len(out) == 0 {
		return nil
	}
	return out
}

func collectStates(machine map[string]any, out map[string][]string) {
	states, _ := machine["States"].(map[string]any)
	for name, v := range states {
		st, ok := v.(map[string]any)
		if !ok {
			continue
		}
		refs := map[string]bool{}
		scanState(st, "", refs)
		if len(refs) > 0 {
			names := make([]string, 0, len(refs))
			for r := range refs {
				names = append(names, r)
			}
			slices.Sort(names)
			out[name] = names
		}
		for _, key := range []string{"ItemProcessor", "Iterator"} {
			if sub, ok := st[key].(map[string]any); ok {
				collectStates(sub, out)
			}
		}
		if branches, ok := st["Branches"].([]any); ok {
			for _, b := range branches {
				if sub, ok := b.(map[string]any); ok {
					collectStates(sub, out)
				}
			}
		}
	}
}

// scanState walks one state's fields, not the states nested in it.
func scanState(v any, key string, refs map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			if k == "ItemProcessor" || k == "Iterator" || k == "Branches" {
				continue
			}
			scanState(c, k, refs)
		}
	case []any:
		for _, c := range x {
			scanState(c, key, refs)
		}
	case string:
		jsonata := strings.HasPrefix(strings.TrimSpace(x), "{%")
		if !jsonata && !strings.HasSuffix(key, ".$") && !strings.HasSuffix(key, "Path") && key != "Variable" {
			return
		}
		for _, r := range dollarNames(x) {
			if jsonata && (r.name == "states" || r.call) {
				continue
			}
			refs[r.name] = true
		}
	}
}

type dollarName struct {
	name string
	call bool // followed by "(": a JSONata function
}

// dollarNames finds each $name in s that is not part of $$ (the context
// object) or of a longer word.
func dollarNames(s string) []dollarName {
	var out []dollarName
	for i := 0; i < len(s); i++ {
		if s[i] != '$' || (i > 0 && (s[i-1] == '$' || isWord(s[i-1]))) {
			continue
		}
		j := i + 1
		if j >= len(s) || !(isLetter(s[j]) || s[j] == '_') {
			continue
		}
		for j < len(s) && isWord(s[j]) {
			j++
		}
		rest := strings.TrimLeft(s[j:], " \t\n")
		out = append(out, dollarName{name: s[i+1 : j], call: strings.HasPrefix(rest, "(")})
		i = j - 1
	}
	return out
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isWord(c byte) bool   { return isLetter(c) || c >= '0' && c <= '9' || c == '_' }
