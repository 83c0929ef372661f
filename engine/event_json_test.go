package engine_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/engine"
)

func TestEventReadsAWSExports(t *testing.T) {
	want := time.Date(2024, 7, 2, 13, 52, 2, 123_000_000, time.UTC)
	tests := []struct{ name, src string }{
		{"aws cli", `{"id":2,"previousEventId":1,"timestamp":"2024-07-02T13:52:02.123000+00:00","type":"PassStateEntered","stateEnteredEventDetails":{"name":"A","input":"{}","inputDetails":{"truncated":false}}}`},
		{"epoch seconds", `{"id":2,"previousEventId":1,"timestamp":1719928322.123,"type":"PassStateEntered","stateEnteredEventDetails":{"name":"A","input":"{}","inputDetails":{"truncated":false}}}`},
		{"ours", `{"id":2,"previousEventId":1,"timestamp":"2024-07-02T13:52:02.123Z","type":"PassStateEntered","stateEnteredEventDetails":{"name":"A","input":"{}","inputDetails":{"truncated":false}}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e engine.Event
			if err := json.Unmarshal([]byte(tt.src), &e); err != nil {
				t.Fatal(err)
			}
			if !e.Timestamp.Equal(want) || e.ID != 2 || e.PreviousEventID != 1 || e.Type != "PassStateEntered" || e.StateEnteredEventDetails.Name != "A" {
				t.Fatalf("got %+v", e)
			}
		})
	}
	var e engine.Event
	if err := json.Unmarshal([]byte(`{"id":1,"timestamp":"yesterday"}`), &e); err == nil {
		t.Fatal("a timestamp that is not a time should be refused")
	}
}
