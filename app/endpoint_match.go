package app

import (
	"encoding/json"
	"strings"

	"gopkg.in/yaml.v3"
)

// canonicalDefinition is a definition as compact JSON with sorted keys,
// so the open document (JSON or YAML, any formatting) and the text a
// program gave CreateStateMachine compare equal when they are the same
// workflow. ok is false for a text that is neither.
func canonicalDefinition(text string) (string, bool) {
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		var y any
		if strings.TrimSpace(text) == "" || yaml.Unmarshal([]byte(text), &y) != nil {
			return "", false
		}
		// Through JSON, so YAML's ints and JSON's numbers read the same.
		b, err := json.Marshal(y)
		if err != nil {
			return "", false
		}
		if json.Unmarshal(b, &v) != nil {
			return "", false
		}
	}
	if _, ok := v.(map[string]any); !ok {
		return "", false
	}
	b, err := json.Marshal(v) // maps marshal with sorted keys
	return string(b), err == nil
}
