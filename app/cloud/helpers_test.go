package cloud

import (
	"context"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/app/endpoint"
)

// awsFiles points the SDK at shared config and credentials files of the
// test's own, with the "local" profile (static keys, as the endpoint only
// checks the signature's shape), and keeps it off the network: no
// credentials or region from the environment, no EC2 metadata probe.
func awsFiles(t testing.TB) {
	t.Helper()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config")
	creds := filepath.Join(dir, "credentials")
	write(t, cfg, `# test profiles
[default]
region = eu-west-1

[profile local]
region = us-east-1
aws_access_key_id = AKIDLOCAL
aws_secret_access_key = local-secret

[profile sso-dev]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = Dev
region = eu-central-1

[sso-session corp]
sso_start_url = https://example.awsapps.com/start
sso_region = eu-west-1

[profile broken]
credential_process = false
region = us-east-1
`)
	write(t, creds, "[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = ci-secret\n")
	t.Setenv("AWS_CONFIG_FILE", cfg)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", creds)
	for _, k := range []string{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SFN", "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_IAM"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
}

func write(t testing.TB, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// serve starts `stepstudio serve`'s handler on a test server.
func serve(t testing.TB) string {
	t.Helper()
	s, err := endpoint.New(endpoint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(func() { srv.Close(); _ = s.Close() })
	return srv.URL
}

// connectServe connects as the "local" profile to a fresh serve.
func connectServe(t testing.TB) *Client {
	t.Helper()
	awsFiles(t)
	c, err := Connect(context.Background(), Settings{Profile: "local", EndpointURL: serve(t)})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// waitStatus polls an execution until its status is not RUNNING.
func waitStatus(t *testing.T, c *Client, arn string) *Execution {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		e, err := c.DescribeExecution(context.Background(), arn)
		if err != nil {
			t.Fatal(err)
		}
		if e.Status != "RUNNING" {
			return e
		}
	}
	t.Fatalf("%s still running", arn)
	return nil
}

func problemCode(err error) string {
	var p *Problem
	if errors.As(err, &p) {
		return p.Code
	}
	return ""
}
