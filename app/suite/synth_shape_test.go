package suite

import (
	"encoding/json"
	"testing"

	"github.com/stepstudio/stepstudio/engine"
)

// TestSynthInput checks the benchmark's data maker: the input holds the
// paths a definition reads, typed by their use, and variants take turns
// among a Choice's values.
func TestSynthInput(t *testing.T) {
	tests := []struct {
		name, def string
		variant   int
		want      string
	}{
		{"choice string, first rule", `{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.status","StringEquals":"DONE","Next":"E"}],"Default":"E"},"E":{"Type":"Succeed"}}}`,
			0, `{"status":"DONE"}`},
		{"choice string, another value", `{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.status","StringEquals":"DONE","Next":"E"}],"Default":"E"},"E":{"Type":"Succeed"}}}`,
			1, `{"status":"DONE-other"}`},
		{"numeric and wait", `{"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.delay","Next":"C"},"C":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":10,"Next":"E"}],"Default":"E"},"E":{"Type":"Succeed"}}}`,
			0, `{"delay":1,"n":11}`},
		{"map items and intrinsic", `{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.orders","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"id.$":"$.id","n.$":"States.ArrayLength($.lines)"},"End":true}}},"End":true}}}`,
			0, `{"orders":[{"id":"value-0","lines":["item-0","item-1"]},{"id":"value-1","lines":["item-0","item-1","item-2"]}]}`},
		{"execution input read in a branch", `{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"a.$":"$$.Execution.Input.user.name"},"End":true}}}`,
			0, `{"user":{"name":"value-0"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var def map[string]any
			if err := json.Unmarshal([]byte(tt.def), &def); err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(readsOf(def).input(tt.variant))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(b); got != tt.want {
				t.Errorf("input = %s, want %s", b, tt.want)
			}
		})
	}
}

// TestSynthAnswerLiftsResultPath checks a Task's mocked answer carries,
// at its top, what the definition reads under the Task's ResultPath.
func TestSynthAnswerLiftsResultPath(t *testing.T) {
	def := map[string]any{}
	src := `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:f","ResultPath":"$.res","Next":"C"},
	"C":{"Type":"Choice","Choices":[{"Variable":"$.res.ok","BooleanEquals":true,"Next":"E"}],"Default":"E"},"E":{"Type":"Succeed"}}}`
	if err := json.Unmarshal([]byte(src), &def); err != nil {
		t.Fatal(err)
	}
	r := readsOf(def)
	got, _ := r.answer(r.tasks[0], 0, 0).(map[string]any)
	if got["ok"] != true {
		t.Errorf("answer = %s, want ok: true at its top", engine.EncodeJSON(got))
	}
}
