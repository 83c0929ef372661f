package engine_test

// The corpus README's comparison rules: placeholders, timestamps, UUIDs,
// JSON text in strings, and shape-only checks for nondeterministic cases.

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/stepstudio/stepstudio/engine"
)

func deref(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}

func roundTrip(v any) any {
	var out any
	_ = json.Unmarshal([]byte(engine.EncodeJSON(v)), &out)
	return out
}

func compareString(want, got *string) string {
	w, g := deref(want), deref(got)
	if want == nil || got == nil {
		if want == nil && got == nil {
			return ""
		}
		if g == "" && want == nil || w == "" && got == nil {
			return ""
		}
		return fmt.Sprintf("got %s, want %s", g, w)
	}
	if !wildcard(w).MatchString(g) && !wildcard(normalizeString(w)).MatchString(normalizeString(g)) {
		return fmt.Sprintf("got %q, want %q", g, w)
	}
	return ""
}

var (
	placeholder = regexp.MustCompile(`<[^<>]+>`)
	isoTime     = regexp.MustCompile(`\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?`)
	uuidRe      = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
)

// wildcard turns an expected string with <placeholders> into a regexp.
func wildcard(s string) *regexp.Regexp {
	parts := placeholder.Split(s, -1)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile(`(?s)^` + strings.Join(parts, `.*`) + `$`)
}

func normalizeString(s string) string { return isoTime.ReplaceAllString(s, "date") }

// normalizeValue applies the README's rules 2-4 to a decoded value.
func normalizeValue(v any, key string) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			if s, ok := e.(string); ok && strings.HasPrefix(s, "{") {
				var parsed any
				if json.Unmarshal([]byte(s), &parsed) == nil {
					e = parsed
				}
			}
			out[k] = normalizeValue(e, k)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalizeValue(e, key)
		}
		return out
	case string:
		lk := strings.ToLower(key)
		if strings.Contains(lk, "timestamp") {
			return "timestamp"
		}
		if strings.HasSuffix(lk, "id") && uuidRe.MatchString(x) {
			return "<uuid>"
		}
		return normalizeString(x)
	}
	return v
}

// compareValue compares want (with placeholders) to got; shapeOnly checks
// types and keys only.
func compareValue(want, got any, shapeOnly bool, at string) string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s: got %T, want object", at, got)
		}
		for k := range w {
			if _, ok := g[k]; !ok {
				return fmt.Sprintf("%s: missing key %q", at, k)
			}
		}
		for k := range g {
			if _, ok := w[k]; !ok {
				return fmt.Sprintf("%s: unexpected key %q", at, k)
			}
		}
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if d := compareValue(w[k], g[k], shapeOnly, at+"."+k); d != "" {
				return d
			}
		}
		return ""
	case []any:
		g, ok := got.([]any)
		if !ok {
			return fmt.Sprintf("%s: got %T, want array", at, got)
		}
		if len(g) != len(w) && !shapeOnly {
			return fmt.Sprintf("%s: got %d items, want %d", at, len(g), len(w))
		}
		for i := range min(len(w), len(g)) {
			if d := compareValue(w[i], g[i], shapeOnly, fmt.Sprintf("%s[%d]", at, i)); d != "" {
				return d
			}
		}
		return ""
	case string:
		if placeholder.MatchString(w) {
			if shapeOnly {
				return ""
			}
			if gs, ok := got.(string); ok && wildcard(w).MatchString(gs) {
				return ""
			}
			if w == placeholder.FindString(w) {
				return "" // a whole-value placeholder stands for any value
			}
			return fmt.Sprintf("%s: got %v, want %q", at, got, w)
		}
		if shapeOnly {
			// The recording replaced nondeterministic values by a name
			// ("RandomNumberGenerated"): any scalar has the shape.
			switch got.(type) {
			case map[string]any, []any:
			default:
				return ""
			}
		}
	}
	if shapeOnly {
		if fmt.Sprintf("%T", want) == fmt.Sprintf("%T", got) {
			return ""
		}
	}
	wj, _ := json.Marshal(want)
	gj, _ := json.Marshal(got)
	if string(wj) != string(gj) {
		return fmt.Sprintf("%s: got %s, want %s", at, gj, wj)
	}
	return ""
}
