package runs

import "testing"

// FuzzReadHistory: any text is read as events or refused with an
// ErrInvalidRequest in plain words, never a panic.
func FuzzReadHistory(f *testing.F) {
	f.Add(page(cliEvents...))
	f.Add("[" + cliEvents[0] + "]")
	f.Add(page(cliEvents[:2]...) + page(cliEvents[2:]...))
	f.Add(`{"events": [{"id": 1, "type": "ExecutionStarted", "timestamp": 1700000000.5, "executionStartedEventDetails": {"input": {"a": [1]}}}]}`)
	f.Fuzz(func(t *testing.T, text string) {
		evs, err := readHistory(text)
		if err != nil {
			return
		}
		for _, e := range evs {
			_ = normalizeEvent(e)
		}
	})
}
