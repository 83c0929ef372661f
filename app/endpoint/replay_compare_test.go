package endpoint_test

// Comparing an answer with what AWS recorded. The snapshot replaced
// volatile values with placeholders (<ExecArn:1>, <ArnPart_0idx>, the
// account 111111111111, a RegexTransformer's literal such as
// "snf_role_arn"); a placeholder matches any text but binds: the same
// placeholder is one value across the whole test. "datetime" and
// "timestamp" stand for dates, which the JSON protocol sends as numbers.
// Strings holding JSON (definition, input, output) were recorded parsed.

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// recordedAccount is the account id the snapshot library put in place of AWS's.
const recordedAccount = "111111111111"

var placeholderRE = regexp.MustCompile(`<[^<>]+>`)

// binder holds the placeholder values bound so far in one test.
type binder struct {
	aliases  []string // longest first, so "sfn_role_arn" wins over a shorter alias inside it
	bound    map[string]string
	recorded string // "2023-06": when AWS answered, for fields it added later
}

// newerFields are answer fields AWS added after some recordings were made:
// missing from an older recording, they are no difference. The month is
// the first in which AWS could return the field: redrive came in November
// 2023; encryptionConfiguration (customer managed keys) is in none of the
// corpus's recordings up to June 2024 and in all from November 2024.
var newerFields = map[string]string{
	"redriveCount": "2023-11", "redriveStatus": "2023-11", "redriveStatusReason": "2023-11",
	"redriveDate": "2023-11", "encryptionConfiguration": "2024-07",
}

func newBinder(aliases []string) *binder {
	a := append([]string(nil), aliases...)
	sort.Slice(a, func(i, j int) bool { return len(a[i]) > len(a[j]) })
	return &binder{aliases: a, bound: map[string]string{}}
}

// token is a literal piece of an expected string or a placeholder.
type token struct {
	text        string
	placeholder bool
}

func (b *binder) tokens(expected string) []token {
	var out []token
	rest := expected
	for rest != "" {
		// the earliest placeholder of any kind
		at, size := -1, 0
		if loc := placeholderRE.FindStringIndex(rest); loc != nil {
			at, size = loc[0], loc[1]-loc[0]
		}
		for _, cand := range append(b.aliases, recordedAccount) {
			if i := strings.Index(rest, cand); i >= 0 && (at < 0 || i < at || (i == at && len(cand) > size)) {
				at, size = i, len(cand)
			}
		}
		if at < 0 {
			out = append(out, token{text: rest})
			break
		}
		if at > 0 {
			out = append(out, token{text: rest[:at]})
		}
		out = append(out, token{text: rest[at : at+size], placeholder: true})
		rest = rest[at+size:]
	}
	return out
}

// matchString compares one expected string (maybe with placeholders) with
// the answer's and binds new placeholders; it returns "" when they match.
func (b *binder) matchString(expected, got string) string {
	toks := b.tokens(expected)
	var re strings.Builder
	re.WriteString(`^`)
	var groups []string
	for _, t := range toks {
		switch {
		case !t.placeholder:
			re.WriteString(regexp.QuoteMeta(t.text))
		case b.bound[t.text] != "":
			re.WriteString(regexp.QuoteMeta(b.bound[t.text]))
		default:
			re.WriteString(`(.*?)`)
			groups = append(groups, t.text)
		}
	}
	re.WriteString(`$`)
	if len(groups) == 0 {
		if expected == got || regexp.MustCompile(re.String()).MatchString(got) {
			return ""
		}
		return fmt.Sprintf("expected %q, got %q", expected, got)
	}
	m := regexp.MustCompile(re.String()).FindStringSubmatch(got)
	if m == nil {
		return fmt.Sprintf("expected %q, got %q", expected, got)
	}
	newly := map[string]string{}
	for i, name := range groups {
		v := m[i+1]
		if prev, ok := newly[name]; ok && prev != v {
			return fmt.Sprintf("expected %q, got %q (%s is both %q and %q)", expected, got, name, prev, v)
		}
		if v == "" {
			return fmt.Sprintf("expected %q, got %q (%s is empty)", expected, got, name)
		}
		newly[name] = v
	}
	for k, v := range newly {
		b.bound[k] = v
	}
	return ""
}

// mismatch is one difference at a JSON path.
type mismatch struct {
	Path string
	Diff string
}

// compare walks expected and got together.
func (b *binder) compare(path string, expected, got any, out *[]mismatch) {
	add := func(format string, a ...any) { *out = append(*out, mismatch{path, fmt.Sprintf(format, a...)}) }
	switch e := expected.(type) {
	case map[string]any:
		if s, ok := got.(string); ok { // a JSON string recorded parsed
			var parsed any
			if json.Unmarshal([]byte(s), &parsed) == nil {
				got = parsed
			}
		}
		g, ok := got.(map[string]any)
		if !ok {
			add("expected an object, got %s", show(got))
			return
		}
		for _, k := range sortedKeys(e) {
			gv, present := g[k]
			if !present {
				add("missing field %q (AWS: %s)", k, show(e[k]))
				continue
			}
			if isDatePlaceholder(k, e[k]) && !strings.Contains(path, ".definition") {
				// API fields (creationDate, timestamp) are numbers; in task
				// payloads (an SDK's "Date" header, a child's "StartDate")
				// the snapshot replaced whatever value stood there.
				if k[0] >= 'A' && k[0] <= 'Z' {
					continue
				}
				if _, ok := gv.(float64); !ok {
					*out = append(*out, mismatch{path + "." + k, "expected a date (a number), got " + show(gv)})
				}
				continue
			}
			b.compare(path+"."+k, e[k], gv, out)
		}
		for _, k := range sortedKeys(g) {
			if since, newer := newerFields[k]; newer && b.recorded != "" && b.recorded < since {
				continue
			}
			if _, known := e[k]; !known {
				add("field %q not in AWS's answer (got %s)", k, show(g[k]))
			}
		}
	case []any:
		if s, ok := got.(string); ok {
			var parsed any
			if json.Unmarshal([]byte(s), &parsed) == nil {
				got = parsed
			}
		}
		g, ok := got.([]any)
		if !ok {
			add("expected an array, got %s", show(got))
			return
		}
		if len(g) != len(e) {
			add("expected %d items, got %d", len(e), len(g))
		}
		for i := 0; i < len(e) && i < len(g); i++ {
			b.compare(fmt.Sprintf("%s[%d]", path, i), e[i], g[i], out)
		}
	case string:
		if e == "datetime" || e == "timestamp" || e == "date" {
			if _, isString := got.(string); isString && strings.Contains(path, ".definition.") {
				return // the snapshot also replaced date-like text inside definitions
			}
			if _, ok := got.(float64); !ok {
				add("expected a date (a number), got %s", show(got))
			}
			return
		}
		g, ok := got.(string)
		if !ok {
			// a JSON string recorded parsed to a scalar, e.g. input "1"
			if raw, err := json.Marshal(got); err == nil && string(raw) == e {
				return
			}
			add("expected string %q, got %s", e, show(got))
			return
		}
		if d := b.matchString(e, g); d != "" {
			add("%s", d)
		}
	case nil:
		if got != nil {
			add("expected null, got %s", show(got))
		}
	default: // numbers and booleans
		if s, ok := got.(string); ok { // "input": "1" recorded as 1
			var parsed any
			if json.Unmarshal([]byte(s), &parsed) == nil {
				got = parsed
			}
		}
		if fmt.Sprint(e) != fmt.Sprint(got) {
			add("expected %s, got %s", show(e), show(got))
		}
	}
}

// isDatePlaceholder: the snapshot put a word ("datetime", "creation-date",
// "timestamp") where AWS sent a date, under a field named for one.
func isDatePlaceholder(key string, expected any) bool {
	s, ok := expected.(string)
	if !ok || s == "" || strings.ContainsAny(s, "0123456789<") {
		return false
	}
	k := strings.ToLower(key)
	return strings.HasSuffix(k, "date") || k == "timestamp"
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func show(v any) string {
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	if len(raw) > 160 {
		return string(raw[:157]) + "..."
	}
	return string(raw)
}

// sortVariableReferences sorts the name lists under every
// "variableReferences" object, as the recording test did.
func sortVariableReferences(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if k == "variableReferences" {
				if refs, ok := val.(map[string]any); ok {
					for rk, list := range refs {
						if l, ok := list.([]any); ok {
							sort.Slice(l, func(i, j int) bool { return fmt.Sprint(l[i]) < fmt.Sprint(l[j]) })
							refs[rk] = l
						}
					}
				}
				continue
			}
			x[k] = sortVariableReferences(val)
		}
	case []any:
		for i := range x {
			x[i] = sortVariableReferences(x[i])
		}
	}
	return v
}
