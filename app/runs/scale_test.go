package runs

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// jsonEmitter marshals each update as the app's Wails emitter does, so
// the benchmark counts what reaches the page's wire.
type jsonEmitter struct {
	bytes int
	done  chan struct{}
}

func (e *jsonEmitter) Emit(_ string, data any) {
	b, _ := json.Marshal(data)
	e.bytes += len(b)
	if u := data.(Update); !u.Live {
		close(e.done)
	}
}

// BenchmarkMap10000 runs a 10,000-item Map (EXPRESS) through the manager
// with a store, as the studio does, and prints its time and the bytes
// emitted to the page, for updates of 500, 2,000 and 5,000 events at most
// (issue 15's scale target compares the studio with `stepstudio run`).
func BenchmarkMap10000(b *testing.B) {
	for _, batch := range []int{500, 2000, 5000} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) { benchMap(b, batch) })
	}
}

func benchMap(b *testing.B, batch int) {
	def := `{"StartAt":"Each item","States":{"Each item":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":0,"ItemProcessor":{"StartAt":"Double","States":{"Double":{"Type":"Pass","Parameters":{"v.$":"States.MathAdd($, $)"},"End":true}}},"ResultPath":null,"End":true}}}`
	items := make([]string, 10000)
	for i := range items {
		items[i] = fmt.Sprint(i)
	}
	input := `{"items":[` + strings.Join(items, ",") + `]}`
	for i := 0; i < b.N; i++ {
		store, err := OpenStore(filepath.Join(b.TempDir(), "runs"))
		if err != nil {
			b.Fatal(err)
		}
		em := &jsonEmitter{done: make(chan struct{})}
		m := New(store, nil, em, WithBatching(50*time.Millisecond, batch))
		t0 := time.Now()
		if _, err := m.Start(StartRequest{Workflow: "w", Definition: def, Input: input, Type: "EXPRESS", Pace: "instant"}); err != nil {
			b.Fatal(err)
		}
		<-em.done
		b.Logf("10,000-item Map through the manager, updates of %d events at most: %v, %d MB emitted", batch, time.Since(t0), em.bytes>>20)
		m.Close()
		store.Close()
	}
}

// A run's input goes with its first and last update and with Snapshot,
// not with every update in between: a Map's items would be sent again and
// again.
func TestUpdatesCarryTheInputFirstAndLast(t *testing.T) {
	m, rec, _ := newManager(t, WithBatching(time.Millisecond, 20))
	input := `{"n": 200}`
	id, err := m.Start(StartRequest{Workflow: "w", Definition: definition(t, "loop.asl.json"), Input: input})
	if err != nil {
		t.Fatal(err)
	}
	rec.await(t, id, "the end", func(u Update) bool { return !u.Live })
	rec.mu.Lock()
	var ups []Update
	for _, u := range rec.updates {
		if u.RunID == id {
			ups = append(ups, u)
		}
	}
	rec.mu.Unlock()
	if len(ups) < 3 {
		t.Fatalf("want at least 3 updates to compare, got %d", len(ups))
	}
	for i, u := range ups {
		want := ""
		if u.Seq == 1 || !u.Live {
			want = `{"n":200}`
		}
		if u.Meta.Input != want {
			t.Errorf("update %d (seq %d, live %v): input %q, want %q", i, u.Seq, u.Live, u.Meta.Input, want)
		}
	}
	snap, err := m.Snapshot(id, 0)
	if err != nil {
		t.Fatal(err)
	}
	if snap.Meta.Input != `{"n":200}` {
		t.Errorf("snapshot input %q", snap.Meta.Input)
	}
}

// However far the engine got between two flushes, the events reach the
// page in order, numbered without gaps, at most batchMax to an update, and
// only the last update says the run ended.
func TestUpdatesSplitLargeFlushesInOrder(t *testing.T) {
	// A flush every hour: only a full buffer (or the end) flushes, so the
	// engine runs far ahead of the loop.
	m, rec, _ := newManager(t, WithBatching(time.Hour, 50))
	id, err := m.Start(StartRequest{Workflow: "w", Definition: definition(t, "loop.asl.json"), Input: `{"n": 300}`, Pace: "instant"})
	if err != nil {
		t.Fatal(err)
	}
	rec.await(t, id, "the end", func(u Update) bool { return !u.Live })
	var next int64 = 1
	var seq int64
	ups := rec.of(id)
	for i, u := range ups {
		if u.Seq <= seq {
			t.Fatalf("update %d: seq %d after %d", i, u.Seq, seq)
		}
		seq = u.Seq
		if len(u.Events) > 50 {
			t.Errorf("update %d carries %d events, more than 50", i, len(u.Events))
		}
		if len(u.Events) > 0 && (u.FirstEvent != next || u.LastEvent != next+int64(len(u.Events))-1 || u.Meta.Events != u.LastEvent) {
			t.Fatalf("update %d: events %d-%d (meta %d), want from %d", i, u.FirstEvent, u.LastEvent, u.Meta.Events, next)
		}
		next += int64(len(u.Events))
		if !u.Live != (i == len(ups)-1) {
			t.Errorf("update %d of %d: live %v", i, len(ups), u.Live)
		}
	}
	if next < 1000 {
		t.Errorf("%d events in all, want the loop's 300 iterations", next-1)
	}
}
