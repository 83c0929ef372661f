package app

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/stepstudio/stepstudio/app/runs"
)

// Run updates reach the page in two steps: a small Wails event says that
// a run has updates up to a number, and the page fetches them from the
// asset server as one JSON array. A Wails event's data is encoded again for each
// page and, in the desktop window, escaped into a script that the page
// must parse before it can parse the JSON; a fetch answer is the bytes
// encoded once, read by the page's own JSON parser. A 10,000-item Map
// sends 8 MB this way.
const (
	updatesPath = "/_studio/run-updates" // GET ?run=ID&after=POST
	readyEvent  = "run:ready"
	// keepEnded is how long a finished run's updates stay fetchable: the
	// page fetches them at once; a page opened later uses Snapshot.
	keepEnded = 2 * time.Minute
	// postboxCap bounds what all runs' updates may hold; past it the
	// oldest runs' updates go first (the page then catches up through
	// Snapshot, as after any update it missed).
	postboxCap = 256 << 20
)

// readyNotice is the Wails event's data. Post numbers the updates the
// postbox kept, across all runs, and never goes back: an update's own seq
// starts again when a run is redriven.
type readyNotice struct {
	RunID string `json:"runId"`
	Post  int64  `json:"post"`
}

// postbox is the runs.Emitter of the app: it keeps each update encoded
// until the page fetches it (ServeHTTP) and tells the page it is there.
type postbox struct {
	notify func(name string, data any)
	now    func() time.Time
	limit  int // postboxCap; tests set less

	mu   sync.Mutex
	post int64
	runs map[string]*mailbox
	size int
}

type mailbox struct {
	posts  []int64
	bodies [][]byte
	size   int
	ended  time.Time // zero while the run goes on
	added  time.Time
}

func newPostbox(notify func(name string, data any)) *postbox {
	return &postbox{notify: notify, now: time.Now, limit: postboxCap, runs: map[string]*mailbox{}}
}

// Emit keeps a runs.Update and tells the page.
func (p *postbox) Emit(_ string, data any) {
	u, ok := data.(runs.Update)
	if !ok {
		return
	}
	b, err := json.Marshal(u)
	if err != nil {
		return // updates always encode; nothing sane to tell the page
	}
	now := p.now()
	p.mu.Lock()
	m := p.runs[u.RunID]
	if m == nil {
		m = &mailbox{}
		p.runs[u.RunID] = m
	}
	p.post++
	post := p.post
	m.posts = append(m.posts, post)
	m.bodies = append(m.bodies, b)
	m.size += len(b)
	m.added = now
	if !u.Live {
		m.ended = now
	}
	p.size += len(b)
	p.pruneLocked(now)
	p.mu.Unlock()
	p.notify(readyEvent, readyNotice{RunID: u.RunID, Post: post})
}

// pruneLocked drops finished runs' updates after keepEnded, then the
// oldest runs' while all of them hold more than the limit.
func (p *postbox) pruneLocked(now time.Time) {
	for id, m := range p.runs {
		if !m.ended.IsZero() && now.Sub(m.ended) > keepEnded {
			p.dropLocked(id)
		}
	}
	for p.size > p.limit && len(p.runs) > 1 {
		oldest := ""
		for id, m := range p.runs {
			if oldest == "" || m.added.Before(p.runs[oldest].added) {
				oldest = id
			}
		}
		p.dropLocked(oldest)
	}
}

func (p *postbox) dropLocked(id string) {
	p.size -= p.runs[id].size
	delete(p.runs, id)
}

// ServeHTTP answers GET updatesPath?run=ID&after=POST with the run's
// updates posted after POST: {"last": the last post, "updates": [...]}.
func (p *postbox) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != updatesPath {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet {
		http.Error(w, "GET only", http.StatusMethodNotAllowed)
		return
	}
	q := r.URL.Query()
	after, err := strconv.ParseInt(q.Get("after"), 10, 64)
	if err != nil {
		http.Error(w, "after: a number", http.StatusBadRequest)
		return
	}
	p.mu.Lock()
	var out [][]byte
	last := after
	if m := p.runs[q.Get("run")]; m != nil {
		for i, n := range m.posts {
			if n > after {
				out = m.bodies[i:len(m.bodies):len(m.bodies)]
				last = m.posts[len(m.posts)-1]
				break
			}
		}
	}
	p.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	// The bodies are never changed once kept, so they are written outside
	// the lock. last is the last post in the answer: the page asks for what
	// came after it.
	_, _ = fmt.Fprintf(w, `{"last":%d,"updates":[`, last)
	for i, b := range out {
		if i > 0 {
			_, _ = w.Write([]byte{','})
		}
		_, _ = w.Write(b)
	}
	_, _ = w.Write([]byte("]}"))
}
