package cloud

import (
	"bytes"
	"encoding/json"
	"unicode"
	"unicode/utf8"
)

// wire is an SDK value in the JSON shape the Step Functions API itself
// uses (what the AWS CLI prints and the studio's histories hold): the SDK
// marshals its Go field names (Id, ExecutionStartedEventDetails), the API
// spells them with a lower-case first letter (id,
// executionStartedEventDetails), and leaves absent fields out instead of
// writing null.
func wire(v any) (json.RawMessage, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(lowerKeys(doc)); err != nil {
		return nil, err
	}
	return bytes.TrimRight(out.Bytes(), "\n"), nil
}

func lowerKeys(v any) any {
	switch t := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			// ResultMetadata is the SDK's, not the API's.
			if x == nil || k == "ResultMetadata" {
				continue
			}
			m[lowerFirst(k)] = lowerKeys(x)
		}
		return m
	case []any:
		for i, x := range t {
			t[i] = lowerKeys(x)
		}
	}
	return v
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
