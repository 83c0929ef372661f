package app

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/stepstudio/stepstudio/app/endpoint"
	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/runs"
	"github.com/stepstudio/stepstudio/engine"
)

// EndpointWorkflow is the run history key of the executions programs
// start through the local endpoint (runs.Meta.Workflow).
const EndpointWorkflow = "local-endpoint"

// EndpointRunEvent tells the page a program started an execution the
// studio now follows (data: EndpointRunNotice).
const EndpointRunEvent = "endpoint:run"

// Endpoint is the bound "Local endpoint" switch: the same Step Functions
// API as `stepstudio serve` (app/endpoint, its Host, Origin and SigV4
// checks), inside the studio on loopback, its state machines and
// executions kept in the user's config dir. Every execution a program
// starts becomes a followed run (runs.Manager.Follow): its events take
// the run updates' path to the page, and its waiting tasks are answered
// from the run panel's cards.
type Endpoint struct {
	runs *Runs
	data string // "" → <config dir>/endpoint
	// emit tells the page (EndpointRunEvent); the Runs service's emitter.
	emit func(name string, data any)

	mu      sync.Mutex
	srv     *endpoint.Server
	hs      *http.Server
	port    int
	url     string
	lastErr string
	log     *requestLog
	watch   *watcher
}

// EndpointRunNotice is EndpointRunEvent's data.
type EndpointRunNotice struct {
	RunID   string `json:"runId"`
	Machine string `json:"machine"`
}

// EndpointStatus is what the switch shows: plain words first, then the
// exact settings a developer copies.
type EndpointStatus struct {
	On bool `json:"on"`
	// State is "on" or "off"; Error says why the last Start failed.
	State string `json:"state"`
	Error string `json:"error,omitempty"`
	Port  int    `json:"port"`
	URL   string `json:"url"`
	// Data is the folder the endpoint's state machines and executions
	// are kept in across restarts.
	Data string `json:"data"`
	// Env are the lines to set in a shell, an SDK's or a test's
	// environment; Clients the per-client settings (AWS CLI flags...).
	Env     []endpoint.EnvVar `json:"env"`
	Clients []ClientSetting   `json:"clients"`
	// Requests are the latest API calls, newest first.
	Requests []EndpointRequest `json:"requests"`
	// Runs are the executions programs started, newest first (at most 50).
	Runs []runs.Meta `json:"runs"`
}

// ClientSetting is how one client is pointed at the endpoint.
type ClientSetting struct {
	Client string `json:"client"`
	Text   string `json:"text"`
}

// NewEndpoint is the switch, off; runService is where its runs go.
func NewEndpoint(runService *Runs) *Endpoint {
	return &Endpoint{runs: runService, emit: runService.emitter.Emit, log: newRequestLog(100)}
}

// defaultEndpointPort is Step Functions Local's, as `stepstudio serve`.
const defaultEndpointPort = 8083

// Start switches the endpoint on at port on 127.0.0.1 (0 picks a free
// one); on already, it returns the status as it is.
func (e *Endpoint) Start(port int) (EndpointStatus, error) {
	if port < 0 || port > 65535 {
		return e.Status(), fmt.Errorf("the port must be between 0 and 65535, not %d", port)
	}
	e.mu.Lock()
	if e.srv != nil {
		e.mu.Unlock()
		return e.Status(), nil
	}
	err := e.startLocked(port)
	if err != nil {
		e.lastErr = err.Error()
	} else {
		e.lastErr = ""
	}
	e.mu.Unlock()
	return e.Status(), err
}

func (e *Endpoint) startLocked(port int) error {
	dir, err := e.dataDir()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("port %d is in use by another program: pick another port, or 0 for any free one", port)
		}
		return fmt.Errorf("listen on port %d: %w", port, err)
	}
	w := newWatcher(e)
	srv, err := endpoint.New(endpoint.Options{Data: dir, Addr: ln.Addr().String(), Log: e.log, OnEvent: w.push})
	if err != nil {
		ln.Close()
		return fmt.Errorf("the endpoint's data in %s: %w", dir, err)
	}
	w.srv = srv
	e.srv, e.watch = srv, w
	e.port = ln.Addr().(*net.TCPAddr).Port
	e.url = "http://" + net.JoinHostPort("127.0.0.1", strconv.Itoa(e.port))
	e.hs = &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go w.loop()
	go func(hs *http.Server) { _ = hs.Serve(ln) }(e.hs)
	return nil
}

func (e *Endpoint) dataDir() (string, error) {
	if e.data != "" {
		return e.data, nil
	}
	dir, err := files.ConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "endpoint"), nil
}

// Stop switches the endpoint off. Executions still running stay running
// in its data folder and go on when it is switched on again; the studio's
// runs of them end here, saying so.
func (e *Endpoint) Stop() (EndpointStatus, error) {
	return e.stop("The local endpoint was switched off; the execution goes on when it is switched on again, as a new run here.")
}

// stop switches the endpoint off; the runs still going end with cause.
func (e *Endpoint) stop(cause string) (EndpointStatus, error) {
	e.mu.Lock()
	srv, hs, w := e.srv, e.hs, e.watch
	e.srv, e.hs, e.watch = nil, nil, nil
	e.mu.Unlock()
	if srv == nil {
		return e.Status(), nil
	}
	// Long polls (GetActivityTask) end when the server closes; the
	// listener closes first so no new call arrives meanwhile.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	done := make(chan struct{})
	go func() { _ = hs.Shutdown(ctx); close(done) }()
	// The runs end first: closing the server stops its executions' engine
	// runs, whose last events are no end (the executions resume at the
	// next start).
	w.close(cause)
	err := srv.Close()
	<-done
	return e.Status(), err
}

func (e *Endpoint) shutdown(context.Context) {
	_, _ = e.stop("The studio was closed; the execution goes on when the local endpoint is switched on again, as a new run here.")
}

// Status is the switch's state, the settings to copy, the latest calls
// and the executions programs started.
func (e *Endpoint) Status() EndpointStatus {
	e.mu.Lock()
	st := EndpointStatus{On: e.srv != nil, State: "off", Error: e.lastErr, Port: e.port, URL: e.url}
	e.mu.Unlock()
	st.Data, _ = e.dataDir()
	if st.On {
		st.State = "on"
		st.Env = endpoint.ClientEnv(st.URL)
		st.Clients = clientSettings(st.URL)
	} else {
		st.Port, st.URL = 0, ""
		st.Env, st.Clients = []endpoint.EnvVar{}, []ClientSetting{}
	}
	st.Requests = e.log.recent()
	list, err := e.runs.m.List(EndpointWorkflow)
	if err != nil && st.Error == "" {
		st.Error = err.Error()
	}
	if len(list) > 50 {
		list = list[:50]
	}
	st.Runs = list
	return st
}

// clientSettings are the settings docs/endpoint.md explains, per client.
func clientSettings(url string) []ClientSetting {
	return []ClientSetting{
		{"AWS CLI", "aws stepfunctions --endpoint-url " + url + " list-state-machines"},
		{"AWS SDK for JavaScript v3", `new SFNClient({ endpoint: "` + url + `", disableHostPrefix: true })`},
		{"AWS SDK for Python (boto3)", `boto3.client("stepfunctions", endpoint_url="` + url + `", config=Config(inject_host_prefix=False))`},
		{"AWS SDK for Go v2", `sfn.NewFromConfig(cfg, func(o *sfn.Options) { o.BaseEndpoint = aws.String("` + url + `") })  // StartSyncExecution and TestState: see docs/endpoint.md for the host prefix`},
		{"The same API outside the studio", "stepstudio serve --port " + portOf(url)},
	}
}

func portOf(url string) string {
	if i := strings.LastIndexByte(url, ':'); i >= 0 {
		return url[i+1:]
	}
	return ""
}

// RunsFor are the executions programs started whose state machine's
// definition is the same workflow as definition (the open document's
// text, JSON or YAML, formatting aside), newest first: the open file's
// run list shows them too.
func (e *Endpoint) RunsFor(definition string) ([]runs.Meta, error) {
	want, ok := canonicalDefinition(definition)
	if !ok {
		return []runs.Meta{}, nil
	}
	list, err := e.runs.m.List(EndpointWorkflow)
	if err != nil {
		return nil, err
	}
	out := []runs.Meta{}
	if len(list) > maxRunsFor {
		list = list[:maxRunsFor] // newest first: a test suite's thousands stay out of the open file's list
	}
	for _, m := range list {
		def, err := e.runs.m.Definition(m.ID)
		if err != nil {
			continue
		}
		if got, ok := canonicalDefinition(def); ok && got == want {
			out = append(out, m)
		}
	}
	return out, nil
}

// maxRunsFor bounds how many of the endpoint's latest runs RunsFor compares.
const maxRunsFor = 200

// Definition is the state machine definition a run of the endpoint was
// started with, for the page to open when no open file matches.
func (e *Endpoint) Definition(runID string) (string, error) {
	return e.runs.m.Definition(runID)
}

// endpointSource drives a followed run: answers go to the endpoint's
// tasks by token, Stop is StopExecution.
type endpointSource struct {
	srv *endpoint.Server
	arn string
}

func (s endpointSource) Answer(p runs.Pending, output, errName, cause string) error {
	if p.Kind == "activity" && p.Token == "" {
		return s.srv.AnswerActivity(s.arn, p.Resource, output, errName, cause)
	}
	return s.srv.AnswerTask(p.Token, output, errName, cause)
}

func (s endpointSource) Stop() error { return s.srv.StopExecution(s.arn) }

// watcher turns the endpoint's events into followed runs. OnEvent must
// not block (it runs on the executions' goroutines), so events are queued
// and handled on the watcher's own goroutine, in order; it also copies
// the endpoint's waiting tasks to the runs' cards.
type watcher struct {
	e    *Endpoint
	srv  *endpoint.Server
	wake chan struct{}
	quit chan struct{}
	done chan struct{}

	mu     sync.Mutex
	queue  []arnEvent
	closed bool

	follows map[string]*runs.Followed // by execution ARN; watcher goroutine only
	acts    map[string]*activityWaits // by execution ARN; watcher goroutine only
}

// activityWaits are an execution's activity tasks no worker took yet,
// read from its events: ActivityScheduled until its ActivityStarted (or
// ActivityTimedOut), which points back to it with previousEventId.
type activityWaits struct {
	entered map[int64]string // StateEntered event id -> state name
	waiting []runs.Pending   // in the order they were scheduled (the engine's queue order)
}

func (a *activityWaits) see(ev engine.Event) {
	switch {
	case ev.StateEnteredEventDetails != nil:
		a.entered[ev.ID] = ev.StateEnteredEventDetails.Name
	case ev.Type == "ActivityScheduled" && ev.ActivityScheduledEventDetails != nil:
		d := ev.ActivityScheduledEventDetails
		a.waiting = append(a.waiting, runs.Pending{ID: "activity:" + strconv.FormatInt(ev.ID, 10), Kind: "activity",
			State: a.entered[ev.PreviousEventID], Resource: d.Resource, Input: d.Input, Since: ev.Timestamp.UTC()})
	case ev.Type == "ActivityStarted" || ev.Type == "ActivityTimedOut" || ev.Type == "ActivityFailed":
		id := "activity:" + strconv.FormatInt(ev.PreviousEventID, 10)
		a.waiting = slices.DeleteFunc(a.waiting, func(p runs.Pending) bool { return p.ID == id })
	}
}

// cards are the activity tasks to answer by hand: the oldest waiting task
// of each activity, as a worker would get it (the others follow).
func (a *activityWaits) cards() []runs.Pending {
	var out []runs.Pending
	seen := map[string]bool{}
	for _, p := range a.waiting {
		if !seen[p.Resource] {
			seen[p.Resource] = true
			out = append(out, p)
		}
	}
	return out
}

type arnEvent struct {
	arn string
	ev  engine.Event
}

// pendingEvery is how often the waiting tasks are copied to the cards.
const pendingEvery = 200 * time.Millisecond

func newWatcher(e *Endpoint) *watcher {
	return &watcher{e: e, wake: make(chan struct{}, 1), quit: make(chan struct{}), done: make(chan struct{}),
		follows: map[string]*runs.Followed{}, acts: map[string]*activityWaits{}}
}

func (w *watcher) push(arn string, ev engine.Event) {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return
	}
	w.queue = append(w.queue, arnEvent{arn, ev})
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

func (w *watcher) loop() {
	defer close(w.done)
	t := time.NewTicker(pendingEvery)
	defer t.Stop()
	for {
		select {
		case <-w.wake:
		case <-t.C:
		case <-w.quit:
			w.drain()
			return
		}
		w.drain()
		w.syncPending()
	}
}

func (w *watcher) drain() {
	w.mu.Lock()
	q := w.queue
	w.queue = nil
	w.mu.Unlock()
	for _, it := range q {
		w.deliver(it.arn, it.ev)
	}
}

// deliver hands an event to its execution's run, starting the run at the
// execution's first event seen (the events before it, e.g. of an execution
// resumed after a restart, come from the endpoint's history).
func (w *watcher) deliver(arn string, ev engine.Event) {
	f := w.follows[arn]
	if f == nil {
		if childExecution(arn) {
			return // a Distributed Map's item: its parent's run shows it
		}
		info, ok := w.srv.Execution(arn)
		if !ok {
			return
		}
		meta := runs.Meta{Workflow: EndpointWorkflow, Name: info.Name, Input: info.Input, Definition: info.Definition,
			Machine: info.Machine, ExecutionArn: arn, StartDate: info.Started.UTC()}
		var err error
		if f, err = w.e.runs.m.Follow(meta, endpointSource{w.srv, arn}); err != nil {
			return
		}
		w.follows[arn] = f
		w.acts[arn] = &activityWaits{entered: map[int64]string{}}
		if ev.ID > 1 {
			var before []engine.Event
			for _, h := range w.srv.History(arn) {
				if h.ID < ev.ID {
					before = append(before, h)
					w.acts[arn].see(h)
				}
			}
			f.Backfill(before)
		}
		w.e.emit(EndpointRunEvent, EndpointRunNotice{RunID: f.ID(), Machine: info.Machine})
	}
	f.Event(ev)
	w.acts[arn].see(ev)
	if f.Ended() {
		// A redrive of this execution later is a new run, with the whole history.
		delete(w.follows, arn)
		delete(w.acts, arn)
	}
}

// childExecution tells a Distributed Map item's execution
// (…:execution:<machine>/<label>:<uuid>) from a top-level one.
func childExecution(arn string) bool {
	i := strings.Index(arn, ":execution:")
	return i >= 0 && strings.Contains(arn[i+len(":execution:"):], "/")
}

// syncPending copies the endpoint's waiting tasks to their runs.
func (w *watcher) syncPending() {
	if len(w.follows) == 0 {
		return
	}
	by := map[string][]runs.Pending{}
	for _, p := range w.srv.PendingTasks() {
		by[p.ExecutionArn] = append(by[p.ExecutionArn], runs.Pending{ID: p.Token, Kind: p.Kind, State: p.State,
			Resource: p.Resource, Input: p.Input, Token: p.Token, Since: p.Since})
	}
	for arn, f := range w.follows {
		f.SetPending(append(by[arn], w.acts[arn].cards()...))
	}
}

// close stops the watcher after the events queued, and ends the runs
// still going with cause.
func (w *watcher) close(cause string) {
	w.mu.Lock()
	w.closed = true
	w.mu.Unlock()
	close(w.quit)
	<-w.done
	for arn, f := range w.follows {
		f.Detach(cause)
		delete(w.follows, arn)
	}
}

// requestLog keeps the endpoint's latest calls: it is the server's Log,
// whose lines are "date time Operation status duration".
type requestLog struct {
	mu   sync.Mutex
	max  int
	reqs []EndpointRequest
}

// EndpointRequest is one API call: operation, HTTP status, duration.
type EndpointRequest struct {
	Time       time.Time `json:"time"`
	Operation  string    `json:"operation"`
	Status     int       `json:"status"`
	DurationMs float64   `json:"durationMs"`
}

func newRequestLog(max int) *requestLog { return &requestLog{max: max} }

func (l *requestLog) Write(p []byte) (int, error) {
	for _, line := range strings.Split(strings.TrimSpace(string(p)), "\n") {
		f := strings.Fields(line)
		if len(f) != 5 {
			continue // not a call (a note the server logs)
		}
		status, err1 := strconv.Atoi(f[3])
		d, err2 := time.ParseDuration(f[4])
		if err1 != nil || err2 != nil {
			continue
		}
		r := EndpointRequest{Time: time.Now().UTC(), Operation: f[2], Status: status, DurationMs: float64(d.Microseconds()) / 1000}
		l.mu.Lock()
		l.reqs = append(l.reqs, r)
		if len(l.reqs) > l.max {
			l.reqs = l.reqs[len(l.reqs)-l.max:]
		}
		l.mu.Unlock()
	}
	return len(p), nil
}

// recent is the calls newest first.
func (l *requestLog) recent() []EndpointRequest {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]EndpointRequest, len(l.reqs))
	for i, r := range l.reqs {
		out[len(l.reqs)-1-i] = r
	}
	return out
}
