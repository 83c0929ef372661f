package runs

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/stepstudio/stepstudio/engine"
)

// PauseInfo is one thread of a run stopped before a state, as the UI
// shows it: "Paused before Double in item 3 of Each item", with the input
// Double will get.
type PauseInfo struct {
	ID    int64             `json:"id"` // Step takes it
	State string            `json:"state"`
	Path  []engine.PathStep `json:"path"`  // Map items (and Parallel branches), outermost first; empty at the top level
	Input string            `json:"input"` // JSON text
	// Truncated is set when Input was cut short (it is shown, not used).
	Truncated bool `json:"truncated,omitempty"`
}

// maxPauseInput bounds the input an update carries per pause: updates go
// out on every flush while paused.
const maxPauseInput = 64 << 10

func pauseInfos(ps []engine.Pause) []PauseInfo {
	out := make([]PauseInfo, len(ps))
	for i, p := range ps {
		in := engine.EncodeJSON(p.Input)
		info := PauseInfo{ID: p.ID, State: p.State, Path: p.Path, Input: in}
		if info.Path == nil {
			info.Path = []engine.PathStep{}
		}
		if len(in) > maxPauseInput {
			info.Input, info.Truncated = in[:maxPauseInput], true
		}
		out[i] = info
	}
	return out
}

func waitingOf(ex *engine.Execution) [][]engine.PathStep {
	w := ex.Waiting()
	if w == nil {
		w = [][]engine.PathStep{}
	}
	return w
}

// pausesSig tells whether the pauses changed since the last update.
func pausesSig(ps []PauseInfo) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(strconv.FormatInt(p.ID, 10))
		b.WriteByte(',')
	}
	return b.String()
}

// ErrNoSuchPause is returned by StepPause when the pause moved on (it was
// stepped, continued, or the run ended) before the request arrived.
var ErrNoSuchPause = fmt.Errorf("%w: that pause has already moved on", ErrInvalidRequest)

// StepPause steps only the thread paused as pauseID (a PauseInfo's ID):
// a Map item advances to its next state while its siblings stay paused.
func (m *Manager) StepPause(id string, pauseID int64) error {
	r, err := m.live(id)
	if err != nil {
		return err
	}
	if !r.ex.StepPause(pauseID) {
		return ErrNoSuchPause
	}
	r.wake()
	return nil
}

// SetPauseMode sets, while the run goes on, whether one Map item at a
// time ("one") or every item ("all") stops at breakpoints.
func (m *Manager) SetPauseMode(id, mode string) error {
	pm, err := pauseMode(mode)
	if err != nil {
		return err
	}
	r, err := m.live(id)
	if err != nil {
		return err
	}
	r.ex.SetPauseMode(pm)
	r.wake()
	return nil
}

func pauseMode(mode string) (engine.PauseMode, error) {
	switch mode {
	case "", string(engine.PauseOne):
		return engine.PauseOne, nil
	case string(engine.PauseAll):
		return engine.PauseAll, nil
	}
	return "", invalid("PauseMode must be one or all, not %q", mode)
}
