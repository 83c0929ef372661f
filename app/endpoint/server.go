// Package endpoint serves the AWS Step Functions API (AWS JSON 1.0 over
// HTTP) on loopback, backed by the studio's engine, so the AWS CLI and
// SDKs drive local workflows unchanged. It is headless: `stepstudio
// serve` (app/cli) and the studio's "Local endpoint" switch both mount
// Server as an http.Handler.
package endpoint

import (
	"fmt"
	"io"
	"log"
	"net"
	"net/url"
	"os"
	"sync"
	"time"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/handler"
	"github.com/stepstudio/stepstudio/engine/mock"
)

// Step Functions Local's account, and the region used when a request's
// credential scope names none.
const (
	account       = "123456789012"
	defaultRegion = "us-east-1"
)

// Options configure a Server. Every field is optional.
type Options struct {
	// Data is a folder where state machines and executions persist
	// across restarts; "" keeps everything in memory.
	Data string
	// MockConfig is an AWS MockConfigFile (Step Functions Local's
	// SFN_MOCK_CONFIG); a test case is chosen per execution with the
	// "#TestCaseName" suffix on the state machine ARN.
	MockConfig string
	// Handlers is a handler file (engine/handler) answering Task states
	// with commands, HTTP or a Lambda-compatible endpoint.
	Handlers string
	// LambdaEndpoint answers Lambda tasks (a function ARN, or
	// arn:aws:states:::lambda:invoke) with a Lambda-compatible endpoint
	// such as `sam local start-lambda`, after the handlers file: Step
	// Functions Local's LAMBDA_ENDPOINT.
	LambdaEndpoint string
	// WaitScale makes Wait states and retry delays take this fraction of
	// their time (Step Functions Local's WAIT_TIME_SCALE); 0 means 1, the
	// real time. Histories keep AWS's times either way.
	WaitScale float64
	// S3Root is a folder standing in for Amazon S3 for Distributed Maps'
	// ItemReader and ResultWriter (s3://bucket/key is S3Root/bucket/key).
	S3Root string
	// Now is the clock for dates in answers (creationDate, startDate...);
	// nil means time.Now. Executions run on the real clock either way.
	Now func() time.Time
	// Addr is the host:port the server listens on; when set, requests
	// must name that port in Host (DNS rebinding guard).
	Addr string
	// Log receives one line per call (operation, status, duration);
	// nil logs nothing.
	Log io.Writer
	// OnEvent, when set, receives every history event of every execution
	// as it is recorded (the studio shows runs live with it). It is
	// called from the executions' goroutines and must not block.
	OnEvent func(executionArn string, ev engine.Event)
	// PollTimeout is how long GetActivityTask waits for work before
	// answering {} (AWS: 60 s); 0 means 60 s.
	PollTimeout time.Duration
}

// Server answers the Step Functions API. Create it with New; it is safe
// for concurrent use.
type Server struct {
	opts       Options
	now        func() time.Time
	host, port string
	log        *log.Logger
	mocks      *mock.Config
	handlers   *handler.Set
	store      *store // nil without Options.Data

	mu         sync.RWMutex
	machines   map[string]*stateMachine // by ARN (without version)
	versions   map[string]*version      // by version ARN
	aliases    map[string]*alias        // by alias ARN
	executions map[string]*execution    // by ARN
	execOrder  []*execution             // start order, for List
	activities map[string]*activity     // by ARN
	tags       map[string][]tag         // by resource ARN, in insertion order
	running    map[*execution]struct{}  // executions whose engine run goes on (activity polls scan these)

	acts     *activityHub
	tokens   tokens
	closing  chan struct{}
	closeOne sync.Once
	wg       sync.WaitGroup
}

// New builds a server from opts, reading the mock and handler files and
// the data folder once.
func New(opts Options) (*Server, error) {
	s := &Server{
		opts: opts, now: opts.Now,
		machines: map[string]*stateMachine{}, versions: map[string]*version{},
		aliases: map[string]*alias{}, executions: map[string]*execution{},
		activities: map[string]*activity{}, tags: map[string][]tag{},
		running: map[*execution]struct{}{}, closing: make(chan struct{}),
	}
	s.acts = newActivityHub()
	if s.now == nil {
		s.now = time.Now
	}
	if opts.PollTimeout <= 0 {
		s.opts.PollTimeout = 60 * time.Second
	}
	if opts.Log != nil {
		s.log = log.New(opts.Log, "", log.LstdFlags)
	}
	if opts.Addr != "" {
		h, p, err := net.SplitHostPort(opts.Addr)
		if err != nil {
			return nil, fmt.Errorf("address %q: %w", opts.Addr, err)
		}
		s.host, s.port = h, p
	}
	if opts.WaitScale != 0 {
		if err := engine.CheckScale(opts.WaitScale); err != nil {
			return nil, fmt.Errorf("wait scale: %w", err)
		}
	}
	if opts.LambdaEndpoint != "" {
		u, err := url.Parse(opts.LambdaEndpoint)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("lambda endpoint %q: give an http:// or https:// URL", opts.LambdaEndpoint)
		}
	}
	if opts.S3Root != "" {
		if info, err := os.Stat(opts.S3Root); err != nil || !info.IsDir() {
			return nil, fmt.Errorf("folder for S3 %q: not a folder", opts.S3Root)
		}
	}
	if opts.MockConfig != "" {
		b, err := files.ReadFile(opts.MockConfig, files.Mocks)
		if err != nil {
			return nil, fmt.Errorf("mock config: %w", err)
		}
		c, err := mock.Parse(opts.MockConfig, b)
		if err != nil {
			return nil, fmt.Errorf("mock config: %w", err)
		}
		s.mocks = c
	}
	if opts.Handlers != "" {
		b, err := files.ReadFile(opts.Handlers, files.Mocks)
		if err != nil {
			return nil, fmt.Errorf("handlers: %w", err)
		}
		h, err := handler.Parse(opts.Handlers, b)
		if err != nil {
			return nil, fmt.Errorf("handlers: %w", err)
		}
		s.handlers = h
	}
	if opts.Data != "" {
		st, err := openStore(opts.Data)
		if err != nil {
			return nil, err
		}
		s.store = st
		if err := s.load(); err != nil {
			st.close()
			return nil, err
		}
	}
	return s, nil
}

// Close stops running executions' background work and closes the data
// folder. Executions that were running stay RUNNING in the store, to be
// resumed by the next New on the same folder.
func (s *Server) Close() error {
	s.closeOne.Do(func() { close(s.closing) })
	s.wg.Wait()
	if s.store != nil {
		return s.store.close()
	}
	return nil
}

func (s *Server) logf(format string, a ...any) {
	if s.log != nil {
		s.log.Printf(format, a...)
	}
}

func (s *Server) logRequest(op string, status int, d time.Duration) {
	if s.log != nil {
		s.log.Printf("%s %d %s", op, status, d.Round(time.Microsecond))
	}
}

// stderrLog is where errors go that no call can report.
var stderrLog = log.New(os.Stderr, "stepstudio serve: ", 0)
