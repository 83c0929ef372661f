package engine

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"time"
)

// UnmarshalJSON reads an event as AWS tools export it: the CLI writes
// timestamps as ISO 8601 text ("2024-07-02T13:52:02.123000+00:00"), SDKs
// may write epoch seconds (1719928322.123). Either opens in the studio.
func (e *Event) UnmarshalJSON(b []byte) error {
	type plain Event
	aux := struct {
		*plain
		Timestamp json.RawMessage `json:"timestamp"`
	}{plain: (*plain)(e)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	if len(aux.Timestamp) == 0 || string(aux.Timestamp) == "null" {
		return nil
	}
	if aux.Timestamp[0] == '"' {
		var s string
		if err := json.Unmarshal(aux.Timestamp, &s); err != nil {
			return err
		}
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return fmt.Errorf("event %d: timestamp: %w", e.ID, err)
		}
		e.Timestamp = t
		return nil
	}
	secs, err := strconv.ParseFloat(string(aux.Timestamp), 64)
	if err != nil {
		return fmt.Errorf("event %d: timestamp %s: %w", e.ID, aux.Timestamp, err)
	}
	whole, frac := math.Modf(secs)
	e.Timestamp = time.Unix(int64(whole), int64(math.Round(frac*1e3))*int64(time.Millisecond)).UTC()
	return nil
}
