package engine

import "testing"

// AppendJSON writes what EncodeJSON writes, after what b holds, whether
// or not b has room (the size is measured first) and for arrays long
// enough to be encoded in halves.
func TestAppendJSON(t *testing.T) {
	long := make([]any, 5000)
	for i := range long {
		long[i] = map[string]any{"v": float64(i), "size": "småll"}
	}
	for _, tc := range []struct {
		name   string
		prefix []byte
		v      any
	}{
		{"null", nil, nil},
		{"object after a prefix", []byte(`{"output":`), map[string]any{"a": []any{int64(1), "x\"y", true}}},
		{"room to spare", make([]byte, 3, 1024), "text"},
		{"long array in halves", []byte(`[`), long},
		{"not JSON", nil, struct{}{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := string(tc.prefix) + EncodeJSON(tc.v)
			if got := string(AppendJSON(tc.prefix, tc.v)); got != want {
				t.Errorf("AppendJSON = %.80q…, want %.80q…", got, want)
			}
		})
	}
}
