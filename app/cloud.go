package app

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"sync"

	"github.com/stepstudio/stepstudio/app/cloud"
	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/runs"
	"github.com/stepstudio/stepstudio/app/sidecar"
	"github.com/stepstudio/stepstudio/app/teststate"
)

// Cloud is the bound link to AWS Step Functions (or an endpoint standing
// in for it): the work is done by app/cloud. Nothing touches the network
// until Connect. Failures come back as errors whose text is a
// cloud.Problem as JSON ({"code","title","action","awsCode","detail"}):
// the page shows the title and action, and the rest for developers.
type Cloud struct {
	runs *Runs
	mu   sync.Mutex
	c    *cloud.Client
	conn Connection
}

// NewCloud makes the service; pulled executions go into runService's
// store.
func NewCloud(runService *Runs) *Cloud { return &Cloud{runs: runService} }

// Connection is the current link: who and where.
type Connection struct {
	Connected bool           `json:"connected"`
	Settings  cloud.Settings `json:"settings"`
	// Region is the one in use (the profile's when Settings has none).
	Region string `json:"region,omitempty"`
	// Local is true when the endpoint is overridden.
	Local bool `json:"local"`
	// Identity is who the credentials are; nil with an endpoint override
	// (STS is AWS's) or when STS failed (IdentityProblem says why).
	Identity        *cloud.Identity `json:"identity,omitempty"`
	IdentityProblem *cloud.Problem  `json:"identityProblem,omitempty"`
}

// problem is err as the page reads it: a cloud.Problem as JSON.
type problem struct{ p *cloud.Problem }

func (e problem) Error() string {
	b, _ := json.Marshal(e.p) // a Problem always marshals
	return string(b)
}

func bound(err error) error {
	if err == nil {
		return nil
	}
	return problem{cloud.Explain(err)}
}

var errNotConnected = &cloud.Problem{Code: "NOT_CONNECTED", Title: "The studio is not connected to AWS.", Action: "Pick a profile and a region first."}

func (s *Cloud) client() (*cloud.Client, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.c == nil {
		return nil, problem{errNotConnected}
	}
	return s.c, nil
}

func ctx() context.Context { return context.Background() }

// withClient calls f with the connected client; its error comes back in
// plain words (bound).
func withClient[T any](s *Cloud, f func(c *cloud.Client) (T, error)) (T, error) {
	c, err := s.client()
	if err != nil {
		var zero T
		return zero, err
	}
	v, err := f(c)
	return v, bound(err)
}

// Profiles lists the profiles of the AWS shared config files (names and
// regions only: no secret is read out of them).
func (s *Cloud) Profiles() ([]cloud.Profile, error) {
	ps, err := cloud.Profiles()
	return ps, bound(err)
}

// Connect connects with settings and says who the credentials are
// (except for an endpoint override: STS is AWS's own).
func (s *Cloud) Connect(settings cloud.Settings) (Connection, error) {
	c, err := cloud.Connect(ctx(), settings)
	if err != nil {
		return Connection{}, bound(err)
	}
	conn := Connection{Connected: true, Settings: settings, Region: c.Region, Local: c.Local()}
	if !c.Local() {
		if id, err := c.WhoAmI(ctx()); err != nil {
			conn.IdentityProblem = cloud.Explain(err)
		} else {
			conn.Identity = &id
		}
	}
	s.mu.Lock()
	s.c, s.conn = c, conn
	s.mu.Unlock()
	return conn, nil
}

// Connection is the current link (the page asks after a reload).
func (s *Cloud) Connection() Connection {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conn
}

// Disconnect forgets the link.
func (s *Cloud) Disconnect() {
	s.mu.Lock()
	s.c, s.conn = nil, Connection{}
	s.mu.Unlock()
}

// StateMachines lists the state machines in the region.
func (s *Cloud) StateMachines() ([]cloud.Machine, error) {
	return withClient(s, func(c *cloud.Client) ([]cloud.Machine, error) { return c.Machines(ctx()) })
}

// Roles lists IAM roles, those Step Functions may assume first.
func (s *Cloud) Roles() ([]cloud.Role, error) {
	return withClient(s, func(c *cloud.Client) ([]cloud.Role, error) { return c.Roles(ctx()) })
}

// DeployConfig is the deploy section of the workflow's sidecar
// (NAME.studio.json beside path); empty when it has none.
func (s *Cloud) DeployConfig(path string) (sidecar.Deploy, error) {
	f, err := sidecar.Load(sidecar.PathFor(path))
	if err != nil || f.Deploy == nil {
		return sidecar.Deploy{}, err
	}
	return *f.Deploy, nil
}

// SaveDeployConfig writes cfg as the deploy section, keeping what was
// last pulled (cfg.Pulled is ignored: only pulls and deploys set it).
func (s *Cloud) SaveDeployConfig(path string, cfg sidecar.Deploy) (sidecar.Deploy, error) {
	f, err := sidecar.Modify(sidecar.PathFor(path), func(f *sidecar.File) error {
		if f.Deploy != nil {
			cfg.Pulled = f.Deploy.Pulled
		} else {
			cfg.Pulled = nil
		}
		f.Deploy = &cfg
		return nil
	})
	if err != nil {
		return sidecar.Deploy{}, err
	}
	return *f.Deploy, nil
}

// Placeholders lists the ${Name} substitutions of text, whose values a
// deploy needs (DeployOptions.Substitutions).
func (s *Cloud) Placeholders(text string) []string { return cloud.Placeholders([]byte(text)) }

// Validate asks AWS about the definition text; machineType is STANDARD,
// EXPRESS or "".
func (s *Cloud) Validate(text, machineType string) (*cloud.Validation, error) {
	c, err := s.client()
	if err != nil {
		return nil, err
	}
	v, err := c.Validate(ctx(), []byte(text), machineType)
	return v, bound(err)
}

// PlanDeploy compares text (its ${Name} substitutions filled in from
// subs) with what is deployed under the saved deploy configuration of the
// workflow at path: the diff to show first, and whether someone changed
// the deployed one since it was pulled.
func (s *Cloud) PlanDeploy(path, text string, subs map[string]string) (*cloud.Plan, error) {
	c, err := s.client()
	if err != nil {
		return nil, err
	}
	cfg, err := s.DeployConfig(path)
	if err != nil {
		return nil, bound(err)
	}
	p, err := c.PlanDeploy(ctx(), []byte(text), cfg, subs)
	return p, bound(err)
}

// Deploy deploys text with the saved configuration, then records the
// state machine's ARN and what is now deployed in the sidecar.
func (s *Cloud) Deploy(path, text string, o cloud.DeployOptions) (*cloud.DeployResult, error) {
	c, err := s.client()
	if err != nil {
		return nil, err
	}
	cfg, err := s.DeployConfig(path)
	if err != nil {
		return nil, bound(err)
	}
	r, err := c.Deploy(ctx(), []byte(text), cfg, o)
	if err != nil {
		return r, bound(err)
	}
	return r, bound(recordDeployed(path, r.Arn, r.Pulled))
}

// recordDeployed keeps the deployed ARN and definition hash in the
// sidecar of the workflow at path ("" for an unsaved one: nothing kept).
func recordDeployed(path, arn string, pulled cloud.Pulled) error {
	if path == "" {
		return nil
	}
	_, err := sidecar.Modify(sidecar.PathFor(path), func(f *sidecar.File) error {
		if f.Deploy == nil {
			f.Deploy = &sidecar.Deploy{}
		}
		f.Deploy.StateMachineArn = arn
		p := pulled
		f.Deploy.Pulled = &p
		return nil
	})
	return err
}

// Pull writes the deployed definition of the workflow at path (its saved
// configuration names the state machine) into target ("" is path itself),
// atomically, and records it as pulled. The open document should then be
// reloaded from the file. target must be inside path's folder.
func (s *Cloud) Pull(path, target string) (*cloud.Deployed, error) {
	c, err := s.client()
	if err != nil {
		return nil, err
	}
	cfg, err := s.DeployConfig(path)
	if err != nil {
		return nil, bound(err)
	}
	d, err := c.Pull(ctx(), cfg)
	if err != nil {
		return nil, bound(err)
	}
	if target == "" {
		target = path
	}
	// The page names the target; it stays in the workflow's folder.
	dir := filepath.Dir(path)
	rel, err := filepath.Rel(dir, target)
	if err != nil {
		return nil, bound(err)
	}
	if target, err = files.WriteIn(dir, rel, []byte(d.Definition), 0o644); err != nil {
		return nil, bound(err)
	}
	return d, bound(recordDeployed(target, d.Arn, *d.Config.Pulled))
}

// StartExecution starts an execution of machine (name or ARN).
func (s *Cloud) StartExecution(machine string, o cloud.StartOptions) (*cloud.Execution, error) {
	return withClient(s, func(c *cloud.Client) (*cloud.Execution, error) { return c.Start(ctx(), machine, o) })
}

// DescribeExecution reads an execution (poll it while RUNNING).
func (s *Cloud) DescribeExecution(arn string) (*cloud.Execution, error) {
	return withClient(s, func(c *cloud.Client) (*cloud.Execution, error) { return c.DescribeExecution(ctx(), arn) })
}

// StopExecution stops a running execution.
func (s *Cloud) StopExecution(arn, errName, cause string) error {
	c, err := s.client()
	if err != nil {
		return err
	}
	return bound(c.Stop(ctx(), arn, errName, cause))
}

// RedriveExecution redrives a failed, timed-out or stopped execution.
func (s *Cloud) RedriveExecution(arn string) (*cloud.Execution, error) {
	return withClient(s, func(c *cloud.Client) (*cloud.Execution, error) { return c.Redrive(ctx(), arn) })
}

// ListExecutions lists executions of machine (name or ARN), newest first.
func (s *Cloud) ListExecutions(machine string, f cloud.ListFilter) (*cloud.ExecutionPage, error) {
	return withClient(s, func(c *cloud.Client) (*cloud.ExecutionPage, error) { return c.List(ctx(), machine, f) })
}

// ExecutionHistory reads one page of an execution's history, events in
// the studio's run-history shape.
func (s *Cloud) ExecutionHistory(arn string, o cloud.HistoryOptions) (*cloud.HistoryPage, error) {
	return withClient(s, func(c *cloud.Client) (*cloud.HistoryPage, error) { return c.History(ctx(), arn, o) })
}

// PullExecution keeps an execution's whole history as a local run of
// workflow (kept forever, unlike AWS's 90 days), checked against
// definition. Re-run it locally with Runs.Start and the run's input.
func (s *Cloud) PullExecution(workflow, definition, arn string) (runs.Meta, error) {
	c, err := s.client()
	if err != nil {
		return runs.Meta{}, err
	}
	if s.runs == nil {
		return runs.Meta{}, errors.New("no run store")
	}
	text, _, err := c.FullHistory(ctx(), arn)
	if err != nil {
		return runs.Meta{}, bound(err)
	}
	return s.runs.Import(workflow, definition, text)
}

// TestStateInAWS sends the same request as Studio.TestState to AWS;
// roleArn is the execution role AWS runs the state as (not needed when
// the state is mocked). The answer has the local answer's shape.
func (s *Cloud) TestStateInAWS(text, stateName string, r TestStateRequest, roleArn string) (*teststate.Response, error) {
	c, err := s.client()
	if err != nil {
		return nil, err
	}
	req, err := testStateRequest(text, stateName, r)
	if err != nil {
		return nil, bound(err)
	}
	req.RoleArn = roleArn
	out, err := c.TestState(ctx(), req)
	return out, bound(err)
}

// ExecutionEventsSince is the events after event id after, oldest first:
// poll it (with back-off) while an execution runs to animate it; each
// poll reads one page however long the history is.
// The events come as a HistoryPage without a next token.
func (s *Cloud) ExecutionEventsSince(arn string, after int64) (*cloud.HistoryPage, error) {
	c, err := s.client()
	if err != nil {
		return nil, err
	}
	evs, err := c.EventsSince(ctx(), arn, after)
	if err != nil {
		return nil, bound(err)
	}
	return &cloud.HistoryPage{Events: evs}, nil
}
