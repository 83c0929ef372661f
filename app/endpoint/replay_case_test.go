package endpoint_test

// The replay cases: LocalStack's Step Functions API tests translated by
// scripts/replay_gen.py (and by hand, testdata/replay/hand/) into call
// sequences, and the AWS-recorded snapshots they are compared with.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// replayFile is one translated test_*.py.
type replayFile struct {
	Source  string            `json:"source"`
	Strings map[string]string `json:"strings"`
	Cases   []replayCase      `json:"cases"`
	Skipped []skippedTest     `json:"skipped"`
}

// replayCase is one test (one parameter set of a parametrized test).
type replayCase struct {
	Test string       `json:"test"`
	Note string       `json:"note,omitempty"` // hand translations say what they changed
	Call []replayCall `json:"calls"`
	// Aliases are the literal replacements of LocalStack's RegexTransformers
	// ("snf_role_arn"): in the snapshot they stand for a value, like <...>.
	Aliases []string `json:"aliases,omitempty"`
	// SortVariableReferences: the test sorted $..variableReferences lists
	// before recording, so both sides are sorted before comparing.
	SortVariableReferences bool     `json:"sortVariableReferences,omitempty"`
	UnmatchedKeys          []string `json:"unmatchedKeys,omitempty"`
}

type replayCall struct {
	ID          int             `json:"id"`
	Op          string          `json:"op"`             // API operation, $wait, $worker, $paginate or $assert
	Text        string          `json:"text,omitempty"` // $assert: the test's assert, as written
	Params      json.RawMessage `json:"params"`
	ExpectError bool            `json:"expectError,omitempty"`
	Until       string          `json:"until,omitempty"` // $wait: terminated, started, stateEntered or a status
	Match       []snapMatch     `json:"match"`
}

// snapMatch says which snapshot key records this call's answer, and how
// the test turned the answer into what it recorded.
type snapMatch struct {
	Key string `json:"key"`
	// Form of an error: "response" (botocore's parsed error), "str" (the
	// exception's text), "typename" ({exception_typename, exception_value}).
	Form   string        `json:"form,omitempty"`
	Path   []any         `json:"path,omitempty"`   // the recorded part of the answer
	Filter *replayFilter `json:"filter,omitempty"` // the test kept only these items
	Slice  []*int        `json:"slice,omitempty"`  // then only list[lo:hi] (null: open end)
}

type replayFilter struct {
	Field string          `json:"field"`
	In    json.RawMessage `json:"in"`
	// At: the list filtered in place inside the whole answer (the answer is
	// recorded with it); without At the list at Path is recorded.
	At []any `json:"at,omitempty"`
}

type skippedTest struct {
	Test   string   `json:"test"`
	Needs  []string `json:"needs,omitempty"`
	Reason string   `json:"reason,omitempty"`
}

// loadReplayFiles reads the generated files and merges the hand
// translations (testdata/replay/hand/<same name>) into them: a hand case
// replaces the skipped entry of the same test.
func loadReplayFiles(dir string) ([]*replayFile, error) {
	names, err := filepath.Glob(filepath.Join(dir, "test_*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []*replayFile
	for _, name := range names {
		f, err := readReplayFile(name)
		if err != nil {
			return nil, err
		}
		hand := filepath.Join(dir, "hand", filepath.Base(name))
		if _, err := os.Stat(hand); err == nil {
			h, err := readReplayFile(hand)
			if err != nil {
				return nil, err
			}
			if f.Strings == nil {
				f.Strings = map[string]string{}
			}
			for k, v := range h.Strings {
				if _, dup := f.Strings[k]; dup {
					return nil, fmt.Errorf("%s: string %s also in the generated file", hand, k)
				}
				f.Strings[k] = v
			}
			byTest := map[string]bool{}
			for _, c := range h.Cases {
				byTest[c.Test] = true
			}
			kept := f.Skipped[:0]
			for _, s := range f.Skipped {
				if !byTest[s.Test] {
					kept = append(kept, s)
				}
			}
			f.Skipped = kept
			f.Cases = append(f.Cases, h.Cases...)
		}
		out = append(out, f)
	}
	return out, nil
}

func readReplayFile(name string) (*replayFile, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var f replayFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &f, nil
}

// snapshotFile is the AWS-recorded test_*.snapshot.json: test id ->
// {"recorded-content": {key: answer}}.
type snapshotFile map[string]struct {
	Date    string         `json:"recorded-date"` // "22-06-2023, 13:47:21"
	Content map[string]any `json:"recorded-content"`
}

func loadSnapshot(corpus, source string) (snapshotFile, error) {
	data, err := os.ReadFile(filepath.Join(corpus, strings.TrimSuffix(source, ".py")+".snapshot.json"))
	if err != nil {
		return nil, err
	}
	var s snapshotFile
	err = json.Unmarshal(data, &s)
	return s, err
}

// recorded gives the snapshot content of one test, found by its
// "Class::test[param]" suffix.
func (s snapshotFile) recorded(test string) (content map[string]any, month string, ok bool) {
	for k, v := range s {
		if strings.HasSuffix(k, "::"+test) {
			if len(v.Date) >= 10 { // dd-mm-yyyy -> yyyy-mm
				month = v.Date[6:10] + "-" + v.Date[3:5]
			}
			return v.Content, month, true
		}
	}
	return nil, "", false
}
