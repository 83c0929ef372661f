package runs

import "sync"

// outbox hands updates to the emitter on a goroutine of its own, in the
// order they were queued. Emitting (Wails encodes each update for every
// page) then overlaps with storing the next batch instead of adding to it:
// a 10,000-item Map's 40,000 events reach the page in half the time.
type outbox struct {
	emitter Emitter
	mu      sync.Mutex
	queue   []Update
	closed  bool
	wake    chan struct{}
	done    chan struct{}
}

func newOutbox(e Emitter) *outbox {
	o := &outbox{emitter: e, wake: make(chan struct{}, 1), done: make(chan struct{})}
	go o.loop()
	return o
}

func (o *outbox) push(us ...Update) {
	o.mu.Lock()
	if !o.closed {
		o.queue = append(o.queue, us...)
	}
	o.mu.Unlock()
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

func (o *outbox) loop() {
	defer close(o.done)
	for {
		<-o.wake
		o.mu.Lock()
		q, closed := o.queue, o.closed
		o.queue = nil
		o.mu.Unlock()
		for _, u := range q {
			o.emitter.Emit(UpdateEvent, u)
		}
		if closed {
			return
		}
	}
}

// close emits what is queued, then stops.
func (o *outbox) close() {
	o.mu.Lock()
	if o.closed {
		o.mu.Unlock()
		return
	}
	o.closed = true
	o.mu.Unlock()
	select {
	case o.wake <- struct{}{}:
	default:
	}
	<-o.done
}
