package app

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/app/cloud"
	"github.com/stepstudio/stepstudio/app/endpoint"
	"github.com/stepstudio/stepstudio/app/sidecar"
)

// TestCloudService drives the bound service as the page does, against
// `stepstudio serve`: the deploy settings kept in the sidecar, deploy,
// pull, an execution pulled into the local run history, TestState.
func TestCloudService(t *testing.T) {
	s, err := endpoint.New(endpoint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer func() { srv.Close(); _ = s.Close() }()
	dir := t.TempDir()
	cfgFile := filepath.Join(dir, "aws-config")
	if err := os.WriteFile(cfgFile, []byte("[profile local]\nregion = us-east-1\naws_access_key_id = x\naws_secret_access_key = y\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{"AWS_CONFIG_FILE": cfgFile, "AWS_SHARED_CREDENTIALS_FILE": cfgFile + ".none",
		"AWS_EC2_METADATA_DISABLED": "true", "AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_REGION": "", "AWS_ENDPOINT_URL_SFN": ""} {
		t.Setenv(k, v)
	}
	r := newRuns(&wailsEmitter{}, nil, filepath.Join(dir, "runs.db"))
	defer r.shutdown(context.Background())
	c := NewCloud(r)

	// Nothing works before a profile is picked, and the page is told why.
	_, err = c.StateMachines()
	var p cloud.Problem
	if err == nil || json.Unmarshal([]byte(err.Error()), &p) != nil || p.Code != "NOT_CONNECTED" || p.Title == "" {
		t.Fatalf("before connecting: %v", err)
	}
	if ps, err := c.Profiles(); err != nil || len(ps) != 1 || ps[0].Name != "local" {
		t.Fatalf("profiles: %v %+v", err, ps)
	}
	conn, err := c.Connect(cloud.Settings{Profile: "local", EndpointURL: srv.URL})
	if err != nil || !conn.Connected || !conn.Local || conn.Region != "us-east-1" || conn.Identity != nil {
		t.Fatalf("connect: %v %+v", err, conn)
	}

	flow := filepath.Join(dir, "orders.asl.json")
	def := `{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"n":1},"End":true}}}`
	if err := os.WriteFile(flow, []byte(def), 0o644); err != nil {
		t.Fatal(err)
	}
	saved, err := c.SaveDeployConfig(flow, sidecar.Deploy{Name: "orders", RoleArn: "arn:aws:iam::123456789012:role/r",
		Pulled: &sidecar.DeployPulled{Hash: "sha256:forged"}})
	if err != nil || saved.Pulled != nil {
		t.Fatalf("save config (pulled is not the page's to set): %v %+v", err, saved)
	}
	if plan, err := c.PlanDeploy(flow, def, nil); err != nil || !plan.Create {
		t.Fatalf("plan: %v %+v", err, plan)
	}
	res, err := c.Deploy(flow, def, cloud.DeployOptions{Publish: true})
	if err != nil || !res.Created {
		t.Fatalf("deploy: %v %+v", err, res)
	}
	cfg, err := c.DeployConfig(flow)
	if err != nil || cfg.StateMachineArn != res.Arn || cfg.Pulled == nil || cfg.Pulled.Hash != cloud.Hash(def) || cfg.Name != "orders" {
		t.Fatalf("recorded: %v %+v", err, cfg)
	}
	copyPath := filepath.Join(dir, "pulled.asl.json")
	if _, err := c.DeployConfig(copyPath); err != nil {
		t.Fatal(err)
	}
	if d, err := c.Pull(flow, copyPath); err != nil || d.Definition != def {
		t.Fatalf("pull: %v %+v", err, d)
	}
	if b, _ := os.ReadFile(copyPath); string(b) != def {
		t.Errorf("pulled file holds %s", b)
	}
	if _, err := c.Pull(flow, filepath.Join(t.TempDir(), "elsewhere.asl.json")); err == nil {
		t.Error("pulled into a file outside the workflow's folder")
	}

	e, err := c.StartExecution("orders", cloud.StartOptions{Name: "x1", Input: `{"a":1}`})
	if err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); e.Status == "RUNNING" && time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if e, err = c.DescribeExecution(e.Arn); err != nil {
			t.Fatal(err)
		}
	}
	meta, err := c.PullExecution(flow, def, e.Arn)
	if err != nil || meta.Status != "SUCCEEDED" || meta.Events < 4 || meta.Input != `{"a":1}` || len(meta.ImportNotes) != 0 {
		t.Fatalf("pulled into the run history: %v %+v", err, meta)
	}
	page, err := c.ListExecutions(res.Arn, cloud.ListFilter{})
	if err != nil || len(page.Executions) != 1 {
		t.Fatalf("list: %v %+v", err, page)
	}
	ts, err := c.TestStateInAWS(def, "P", TestStateRequest{Input: `{}`}, "")
	if err != nil || ts.Status != "SUCCEEDED" || ts.Output == nil || *ts.Output != `{"n":1}` {
		t.Fatalf("test state in AWS: %v %+v", err, ts)
	}
	if _, err := c.ExecutionHistory(strings.Replace(e.Arn, ":execution:", ":express:", 1), cloud.HistoryOptions{}); err == nil ||
		!strings.Contains(err.Error(), cloud.CodeExpressNoHistory) {
		t.Errorf("express history: %v", err)
	}
	c.Disconnect()
	if c.Connection().Connected {
		t.Error("still connected")
	}
}
