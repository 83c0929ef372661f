package runs

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/stepstudio/stepstudio/engine"
)

// run is one execution the manager drives. The engine calls its OnEvent
// and OnPause (it is the observer) and Invoke (it is the last invoker);
// its loop batches what happened into Updates, stores them, then emits.
type run struct {
	id      string
	m       *Manager
	ex      *engine.Execution
	ready   chan struct{} // closed once ex is set
	stopped chan struct{} // closed by Stop: ends pace sleeps at once
	stop    sync.Once
	pace    time.Duration

	kick chan struct{} // asks the loop to flush now

	mu     sync.Mutex
	meta   Meta
	buf    []json.RawMessage // recorded, not yet flushed
	bufIDs []int64
	// memory: the run keeps its flushed events and stage records in
	// events and stages (no store, or saving failed); else the store has
	// them. flushed and stagesFlushed count them either way.
	memory        bool
	events        []json.RawMessage // events[i] has id i+1
	flushed       int64
	stagesFlushed int64
	// Stage records, as events: stageBuf waits for the next flush.
	stageBuf []StageRecord
	stages   []StageRecord // stages[i] has seq i+1
	stageSeq int64
	seq      int64
	pending  []*pending
	unsaved  string
	lastSig  string
	live     bool
	// mapRunsDone are the distributed Map runs once the run ended.
	mapRunsDone []engine.MapRun
	// ext is set for a run the studio follows but does not drive (an
	// execution a program started through the local endpoint); ex is nil.
	ext *follow
}

func (r *run) wake() {
	select {
	case r.kick <- struct{}{}:
	default:
	}
}

// OnEvent records an engine event; the loop flushes it.
func (r *run) OnEvent(e engine.Event) {
	b, err := json.Marshal(e)
	if err != nil {
		return // the engine's events always marshal; nothing sane to do
	}
	r.mu.Lock()
	r.buf = append(r.buf, b)
	r.bufIDs = append(r.bufIDs, e.ID)
	full := len(r.buf) >= r.m.batchMax
	r.mu.Unlock()
	if full {
		r.wake()
	}
	// Pace: a pause before each state so people can watch the run move.
	if r.pace > 0 && strings.HasSuffix(e.Type, "StateEntered") {
		r.wake()
		select {
		case <-time.After(r.pace):
		case <-r.stopped:
		}
	}
}

// OnStage records a value between processing steps; the next flush
// stores and sends it.
func (r *run) OnStage(s engine.Stage) {
	v := engine.EncodeJSON(s.Value)
	r.mu.Lock()
	r.stageSeq++
	r.stageBuf = append(r.stageBuf, StageRecord{Seq: r.stageSeq, Event: s.EnteredEventID, State: s.State, Step: s.Step, Value: v})
	r.mu.Unlock()
}

// OnPause is called when the run stops before a state.
func (r *run) OnPause(string) { r.wake() }

// loop flushes every batchEvery, on demand, and once more at the end.
func (r *run) loop() {
	defer r.m.wg.Done()
	t := time.NewTicker(r.m.batchEvery)
	defer t.Stop()
	var done <-chan struct{}
	if r.ext != nil {
		done = r.ext.done
		defer close(r.ext.over)
	} else {
		done = r.ex.Done()
	}
	for {
		select {
		case <-t.C:
		case <-r.kick:
		case <-done:
			r.finish(r.result())
			return
		case <-r.m.ctx.Done():
			if r.ext != nil {
				// The studio closes: a followed run ends here; its
				// stored record says ABORTED on the next start.
				r.flush(true)
				return
			}
		}
		r.flush(false)
	}
}

func (r *run) finish(res engine.Result) {
	r.mu.Lock()
	r.meta.Status = res.Status
	r.meta.StopDate = time.Now().UTC()
	if res.Status == engine.StatusSucceeded {
		r.meta.Output = engine.EncodeJSON(res.Output)
	}
	if res.Error != nil {
		r.meta.Error = *res.Error
	}
	if res.Cause != nil {
		r.meta.Cause = *res.Cause
	}
	r.meta.ErrorLocation = res.Location
	r.mapRunsDone = res.MapRuns
	for _, p := range r.pending {
		p.cancel()
	}
	r.pending = nil
	r.mu.Unlock()
	if len(res.MapRuns) > 0 && r.m.store != nil {
		if b, err := json.Marshal(res.MapRuns); err == nil {
			if err := r.m.store.SaveMapRuns(r.id, b); err != nil {
				r.mu.Lock()
				r.unsaved = "The Map Runs could not be saved: " + err.Error()
				r.mu.Unlock()
			}
		}
	}
	r.flush(true)
	r.m.finished(r)
}

// flush stores what was recorded since the last flush in one write (one
// fsync however far the engine got meanwhile), then queues it for the
// page in updates of at most batchMax events. It runs only on the loop's
// goroutine, so updates leave in order. The final flush marks the run
// ended with its last update.
func (r *run) flush(final bool) {
	r.mu.Lock()
	if final {
		r.live = false
	}
	// Events stay in buf until they are stored, so a snapshot taken
	// meanwhile still sees them.
	n := len(r.buf)
	buf, ids := r.buf[:n:n], r.bufIDs[:n:n]
	if n > 0 {
		r.meta.Events = ids[n-1]
	}
	// Stage records go with the events recorded after them, so a record
	// never reaches the UI before its visit's StateEntered.
	stages := r.stageBuf
	r.stageBuf = nil
	stagesBefore := r.meta.Stages
	if len(stages) > 0 {
		r.meta.Stages = stages[len(stages)-1].Seq
	}
	meta := r.meta
	live := r.live
	r.mu.Unlock()

	paused, pauses, waiting := []string{}, []PauseInfo{}, [][]engine.PathStep{}
	if r.ex != nil {
		if paused = r.ex.PausedAt(); paused == nil {
			paused = []string{}
		}
		pauses, waiting = pauseInfos(r.ex.Pauses()), waitingOf(r.ex)
	}
	if !r.inMemory() && (n > 0 || !live) {
		if err := r.m.store.Save(meta, buf, ids, stages); err != nil {
			r.toMemory(err)
		}
	}

	r.mu.Lock()
	// A stored run's events live in the store only, so a long run's
	// memory stays bounded; without a store they stay here.
	if r.memory {
		r.events = append(r.events, buf...)
		r.stages = append(r.stages, stages...)
	}
	r.flushed += int64(n)
	r.stagesFlushed += int64(len(stages))
	r.buf, r.bufIDs = r.buf[n:], r.bufIDs[n:]
	pend := r.pendingLocked()
	sig := meta.Status + "|" + pausesSig(pauses) + "|" + strconv.Itoa(len(waiting)) + "|" + pendingSig(pend)
	if n == 0 && len(stages) == 0 && sig == r.lastSig {
		r.mu.Unlock()
		return
	}
	r.lastSig = sig
	meta.Definition = "" // the UI has it; keep updates small
	var us []Update
	for first := 0; first == 0 || first < n; first += r.m.batchMax {
		last := min(first+r.m.batchMax, n) == n
		r.seq++
		u := Update{RunID: r.id, Seq: r.seq, Events: buf[first:min(first+r.m.batchMax, n)], Stages: []StageRecord{}, Meta: meta,
			PausedAt: paused, Pauses: pauses, Waiting: waiting, Pending: pend, Live: live || !last, Unsaved: r.unsaved}
		if len(u.Events) > 0 {
			u.FirstEvent, u.LastEvent = ids[first], ids[first+len(u.Events)-1]
			u.Meta.Events = u.LastEvent
		}
		if u.Events == nil {
			u.Events = []json.RawMessage{}
		}
		if last && len(stages) > 0 {
			u.Stages = stages
		} else if !last {
			u.Meta.Stages = stagesBefore
		}
		// The input can be large (a Map's items) and does not change:
		// updates in between leave it out, and the page keeps the one it
		// has. The first update and the last carry it, and so does
		// Snapshot, which fills any update the page missed.
		if u.Seq > 1 && u.Live {
			u.Meta.Input = ""
		}
		us = append(us, u)
	}
	r.mu.Unlock()
	r.m.emit(us...)
}

func (r *run) isLive() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.live
}

// snapshot is everything after event id after, as one Update.
func (r *run) snapshot(after int64) (Update, error) {
	evs, err := r.eventsAfter(after)
	if err != nil {
		return Update{}, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	u := Update{RunID: r.id, Seq: r.seq, Events: evs, Stages: []StageRecord{}, Meta: r.meta, Pending: r.pendingLocked(), Live: r.live, Unsaved: r.unsaved}
	if len(evs) > 0 {
		u.FirstEvent, u.LastEvent = max(after, 0)+1, max(after, 0)+int64(len(evs))
	}
	u.Pauses = []PauseInfo{}
	if r.ex != nil && r.live {
		u.PausedAt = r.ex.PausedAt()
		u.Pauses, u.Waiting = pauseInfos(r.ex.Pauses()), waitingOf(r.ex)
	}
	if u.Waiting == nil {
		u.Waiting = [][]engine.PathStep{}
	}
	if u.PausedAt == nil {
		u.PausedAt = []string{}
	}
	return u, nil
}

// eventsAfter returns the events with ids greater than after, flushed or
// not: events recorded but not flushed yet are included, the next update
// repeats them, and readers skip ids they have.
func (r *run) eventsAfter(after int64) ([]json.RawMessage, error) {
	after = max(after, 0)
	r.mu.Lock()
	if r.memory {
		defer r.mu.Unlock()
		all := append(slices.Clip(r.events), r.buf...)
		if after >= int64(len(all)) {
			return []json.RawMessage{}, nil
		}
		return slices.Clone(all[after:]), nil
	}
	flushed := r.flushed
	buf, ids := slices.Clone(r.buf), slices.Clone(r.bufIDs)
	r.mu.Unlock()
	out := []json.RawMessage{}
	if after < flushed {
		stored, err := r.m.store.Events(r.id, after)
		if err != nil {
			return nil, err
		}
		// A flush may have stored more since: those are still in buf.
		out = append(out, stored[:min(len(stored), int(flushed-after))]...)
	}
	for i, id := range ids {
		if id > after {
			out = append(out, buf[i])
		}
	}
	return out, nil
}

// inMemory reports whether the run keeps its events itself: there is no
// store, or saving failed.
func (r *run) inMemory() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.memory
}

// toMemory switches a run whose save failed to keeping its events itself,
// starting from what the store holds of it. (Were the store unreadable
// too, the events it held are not served until the studio restarts.)
func (r *run) toMemory(err error) {
	evs, _ := r.m.store.Events(r.id, 0)
	sts, _ := r.m.store.Stages(r.id, 0)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.unsaved = "The run could not be saved: " + err.Error()
	r.memory = true
	r.events = evs[:min(len(evs), int(r.flushed))]
	r.stages = sts[:min(len(sts), int(r.stagesFlushed))]
}

// halt stops the run: the execution aborts and a paced pause ends at once.
func (r *run) halt() {
	// Cancel first, then end the pace's sleep: released the other way
	// round, the engine could run the remaining states before it sees the
	// stop, and a stopped run would end SUCCEEDED.
	if r.ext != nil {
		r.ext.stop()
	} else {
		r.ex.Stop()
	}
	r.stop.Do(func() { close(r.stopped) })
}

var (
	_ engine.PauseObserver = (*run)(nil)
	_ engine.StageObserver = (*run)(nil)
)

// stagesAfter returns the flushed stage records with seq > after.
func (r *run) stagesAfter(after int64) ([]StageRecord, error) {
	after = max(after, 0)
	r.mu.Lock()
	memory, flushed := r.memory, r.stagesFlushed
	var held []StageRecord
	if memory && after < int64(len(r.stages)) {
		held = slices.Clone(r.stages[after:])
	}
	r.mu.Unlock()
	if memory {
		if held == nil {
			held = []StageRecord{}
		}
		return held, nil
	}
	if after >= flushed {
		return []StageRecord{}, nil
	}
	stored, err := r.m.store.Stages(r.id, after)
	if err != nil {
		return nil, err
	}
	return stored[:min(len(stored), int(flushed-after))], nil
}

// compile-time check that the run is an engine invoker.
var _ engine.Invoker = (*run)(nil)
