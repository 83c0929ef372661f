package cloud

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"

	"github.com/aws/smithy-go"
)

// TestExplainTable: every AWS code of the table, and the errors that are
// not AWS's, come out in plain words with what to do.
func TestExplainTable(t *testing.T) {
	api := func(code, msg string) error {
		return fmt.Errorf("operation error SFN: X, https response error StatusCode: 400: %w", &smithy.GenericAPIError{Code: code, Message: msg})
	}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{api("AccessDeniedException", "not authorized to perform: states:CreateStateMachine"), CodeAccessDenied},
		{api("ThrottlingException", "Rate exceeded"), CodeThrottled},
		{api("ExpiredTokenException", "The security token included in the request is expired"), CodeTokenExpired},
		{api("UnrecognizedClientException", "invalid token"), CodeBadCredentials},
		{api("StateMachineDoesNotExist", "State Machine Does Not Exist"), CodeNotFound},
		{api("ExecutionAlreadyExists", "Execution Already Exists"), CodeAlreadyExists},
		{api("InvalidDefinition", "Invalid State Machine Definition"), CodeInvalidDef},
		{api("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: execution'"), CodeInvalidInput},
		{api("InvalidArn", "Invalid Arn: 'ARN region us-east-1 does not match the region eu-west-1'"), CodeRegionMismatch},
		{api("ExecutionNotRedrivable", "Execution is RUNNING"), CodeNotRedrivable},
		{api("ExecutionLimitExceeded", "too many"), CodeLimit},
		{api("StateMachineDeleting", "being deleted"), CodeConflict},
		{api("KmsAccessDeniedException", "no key"), CodeKMS},
		{api("SomethingNew", "a code not in the table"), CodeAWS},
		{errors.New("failed to refresh cached credentials, refresh cached SSO token failed, unable to refresh SSO token, operation error SSO OIDC: CreateToken"), CodeSSOExpired},
		{errors.New("get credentials: failed to refresh cached credentials, no EC2 IMDS role found"), CodeNoCredentials},
		{errors.New("failed to get shared config profile, nope"), CodeNoProfile},
		{&net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connect: connection refused")}, CodeUnreachable},
		{fmt.Errorf("wrapped: %w", context.Canceled), CodeCanceled},
		{errors.New("something else"), CodeOther},
	} {
		p := Explain(tc.err)
		if p.Code != tc.want {
			t.Errorf("%v: %s, want %s", tc.err, p.Code, tc.want)
		}
		if p.Title == "" || (tc.want != CodeCanceled && p.Action == "") {
			t.Errorf("%s: no plain words: %+v", tc.want, p)
		}
		if !errors.Is(p, tc.err) && !errors.Is(tc.err, context.Canceled) {
			t.Errorf("%s does not wrap the error", tc.want)
		}
		if !strings.HasPrefix(p.Error(), p.Title) {
			t.Errorf("Error() starts with %q", p.Error())
		}
	}
	for _, row := range awsCodes {
		if row.title == "" || row.action == "" || len(row.codes) == 0 {
			t.Errorf("row %s incomplete", row.code)
		}
	}
}

// TestConnectProblems: what goes wrong before or at the first call, all
// without the network.
func TestConnectProblems(t *testing.T) {
	ctx := context.Background()
	awsFiles(t)
	for _, tc := range []struct {
		s    Settings
		want string
	}{
		{Settings{Profile: "nope"}, CodeNoProfile},
		{Settings{Profile: "local", EndpointURL: "localhost:8083"}, CodeBadEndpoint},
		{Settings{Profile: "local", EndpointURL: "http://sync-localhost:8083"}, CodeBadEndpoint},
	} {
		if _, err := Connect(ctx, tc.s); problemCode(err) != tc.want {
			t.Errorf("%+v: %v, want %s", tc.s, err, tc.want)
		}
	}
	// No region anywhere: the credentials file's profile has none.
	if _, err := Connect(ctx, Settings{Profile: "ci"}); problemCode(err) != CodeNoRegion {
		t.Errorf("no region: %v", err)
	}
	// Credentials are resolved at the first call: an SSO profile never
	// signed in, a credential_process that cannot run, a closed port.
	closed := func() string {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		return "http://" + addr
	}()
	for _, tc := range []struct {
		s    Settings
		want string
	}{
		{Settings{Profile: "sso-dev", EndpointURL: closed}, CodeSSOExpired},
		{Settings{Profile: "broken", EndpointURL: closed}, CodeNoCredentials},
		{Settings{Profile: "local", EndpointURL: closed}, CodeUnreachable},
	} {
		c, err := Connect(ctx, tc.s)
		if err != nil {
			t.Fatalf("%+v: %v", tc.s, err)
		}
		cctx, cancel := context.WithCancel(ctx)
		_, err = c.Machines(cctx)
		cancel()
		if problemCode(err) != tc.want {
			t.Errorf("%s: %v, want %s", tc.s.Profile, err, tc.want)
		}
	}
}

func TestRegionMismatchRefusedBeforeTheCall(t *testing.T) {
	awsFiles(t)
	c, err := Connect(context.Background(), Settings{Profile: "local"}) // us-east-1, AWS's endpoint: never called
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.DescribeExecution(context.Background(), "arn:aws:states:eu-west-1:123456789012:execution:orders:o-1")
	if problemCode(err) != CodeRegionMismatch || !strings.Contains(err.Error(), "eu-west-1") {
		t.Errorf("region mismatch: %v", err)
	}
}

func TestProfilesWithoutSecrets(t *testing.T) {
	awsFiles(t)
	ps, err := Profiles()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.Name+"/"+p.Region+"/"+p.Kind)
	}
	want := "default/eu-west-1/ broken/us-east-1/process ci//keys local/us-east-1/keys sso-dev/eu-central-1/sso"
	if strings.Join(got, " ") != want {
		t.Errorf("profiles:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if s := fmt.Sprintf("%+v", ps); strings.Contains(s, "secret") || strings.Contains(s, "AKID") {
		t.Errorf("a secret was kept: %s", s)
	}
}

func TestWireShape(t *testing.T) {
	type details struct {
		Input     *string
		RoleArn   *string
		TimeoutMS *int64
	}
	in := "{}"
	html := "<a & b>"
	raw, err := wire(struct {
		Id                           int64
		PreviousEventId              int64
		Type                         string
		ExecutionStartedEventDetails *details
		TaskFailedEventDetails       *details
		ResultMetadata               struct{}
	}{1, 0, "ExecutionStarted", &details{Input: &in, RoleArn: &html}, nil, struct{}{}})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":1,"previousEventId":0,"type":"ExecutionStarted","executionStartedEventDetails":{"input":"{}","roleArn":"<a & b>"}}`
	if string(raw) != want {
		t.Errorf("wire:\n got %s\nwant %s", raw, want)
	}
}
