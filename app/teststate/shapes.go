package teststate

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// integrationShapes is the response shape of each optimized integration,
// generated from the AWS service models by
// scripts/gen-integration-shapes.py (needs python3-botocore; CI does not).
//
//go:embed integration_shapes.json
var integrationShapes []byte

type shapeTable struct {
	Source     string            `json:"source"`
	Operations map[string]string `json:"operations"` // "sqs:sendMessage" → shape name
	Shapes     map[string]shape  `json:"shapes"`
}

type shape struct {
	Type     string            `json:"type"` // structure, list, map, string, integer, long, boolean, timestamp, blob, double, float
	Members  map[string]string `json:"members,omitempty"`
	Required []string          `json:"required,omitempty"`
	Member   string            `json:"member,omitempty"`
	Value    string            `json:"value,omitempty"`
}

var (
	tableOnce sync.Once
	table     shapeTable
	tableErr  error
)

func shapes() (*shapeTable, error) {
	tableOnce.Do(func() { tableErr = json.Unmarshal(integrationShapes, &table) })
	return &table, tableErr
}

// checkShape checks a Task's mocked result against its integration's
// response shape. STRICT (the default): every required field is there and
// every known field has the API's type; PRESENT: only the fields given are
// checked; NONE: nothing. Fields the API does not have pass in every mode,
// as AWS lets them (the recorded calls show it). Resources with no table
// entry (Lambda ARNs, activities, aws-sdk) are not checked.
func checkShape(state map[string]any, result any, mode string) error {
	if mode == "NONE" {
		return nil
	}
	res, _ := state["Resource"].(string)
	in := asl.ParseResource(res)
	t, err := shapes()
	if err != nil {
		return err
	}
	root, ok := t.Operations[strings.TrimPrefix(in.Service, "aws-sdk:")+":"+in.Action]
	if !ok {
		return nil
	}
	if p := t.check(root, result, mode != "PRESENT", "result"); p != "" {
		return validation("the mocked result does not match the %s:%s response (fieldValidationMode %s): %s", in.Service, in.Action, modeName(mode), p)
	}
	return nil
}

func modeName(m string) string {
	if m == "" {
		return "STRICT"
	}
	return m
}

// check returns the first problem of v against shape name ("" if none).
func (t *shapeTable) check(name string, v any, strict bool, at string) string {
	s, ok := t.Shapes[name]
	if !ok {
		return ""
	}
	switch s.Type {
	case "structure":
		m, ok := v.(map[string]any)
		if !ok {
			return at + " must be an object"
		}
		if strict {
			for _, r := range s.Required {
				if _, ok := m[r]; !ok {
					return at + "." + r + " is required"
				}
			}
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if member, ok := s.Members[k]; ok {
				if p := t.check(member, m[k], strict, at+"."+k); p != "" {
					return p
				}
			}
		}
	case "list":
		a, ok := v.([]any)
		if !ok {
			return at + " must be an array"
		}
		for i, e := range a {
			if p := t.check(s.Member, e, strict, fmt.Sprintf("%s[%d]", at, i)); p != "" {
				return p
			}
		}
	case "map":
		m, ok := v.(map[string]any)
		if !ok {
			return at + " must be an object"
		}
		for k, e := range m {
			if p := t.check(s.Value, e, strict, at+"."+k); p != "" {
				return p
			}
		}
	case "string":
		if _, ok := v.(string); !ok {
			return at + " must be a string"
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return at + " must be true or false"
		}
	case "integer", "long", "double", "float":
		if _, ok := v.(json.Number); !ok {
			return at + " must be a number"
		}
	case "timestamp":
		switch v.(type) {
		case string, json.Number:
		default:
			return at + " must be a timestamp (a date string or epoch seconds)"
		}
	}
	// blob: Step Functions passes JSON payloads through, any value goes.
	return ""
}
