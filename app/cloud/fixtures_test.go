package cloud

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
)

// The answers below are HAND-WRITTEN from the AWS API reference (STS
// GetCallerIdentity, IAM ListRoles, the JSON 1.0 and query error shapes):
// nobody here can record AWS, and `stepstudio serve` has neither STS nor
// IAM.

const stsIdentity = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::123456789012:user/Alice</Arn>
    <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
    <Account>123456789012</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`

var iamRoles = `<ListRolesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <ListRolesResult>
    <IsTruncated>false</IsTruncated>
    <Roles>
      <member>
        <Path>/</Path>
        <AssumeRolePolicyDocument>` + url.QueryEscape(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}`) + `</AssumeRolePolicyDocument>
        <RoleId>AROAEXAMPLELAMBDA1</RoleId>
        <RoleName>LambdaBasic</RoleName>
        <Arn>arn:aws:iam::123456789012:role/LambdaBasic</Arn>
        <CreateDate>2024-01-02T03:04:05Z</CreateDate>
      </member>
      <member>
        <Path>/service-role/</Path>
        <AssumeRolePolicyDocument>` + url.QueryEscape(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"states.amazonaws.com"},"Action":"sts:AssumeRole"}]}`) + `</AssumeRolePolicyDocument>
        <RoleId>AROAEXAMPLESTATES1</RoleId>
        <RoleName>StepFunctions-orders-role</RoleName>
        <Arn>arn:aws:iam::123456789012:role/service-role/StepFunctions-orders-role</Arn>
        <CreateDate>2024-01-02T03:04:05Z</CreateDate>
        <Description>Allows Step Functions to call Lambda</Description>
      </member>
    </Roles>
  </ListRolesResult>
  <ResponseMetadata><RequestId>11111111-2222-3333-4444-555555555555</RequestId></ResponseMetadata>
</ListRolesResponse>`

const stsExpired = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message></Error>
  <RequestId>22222222-3333-4444-5555-666666666666</RequestId>
</ErrorResponse>`

// fake answers STS and IAM (query protocol: Action in the form) and
// Step Functions (JSON 1.0: X-Amz-Target) from the fixtures, and counts
// the calls.
type fake struct {
	sfn   func(op string, n int64) (int, string) // status and body
	sts   string
	calls atomic.Int64
}

func (f *fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := f.calls.Add(1)
	if target := r.Header.Get("X-Amz-Target"); target != "" {
		status, body := f.sfn(strings.TrimPrefix(target, "AWSStepFunctions."), n)
		w.Header().Set("Content-Type", "application/x-amz-json-1.0")
		w.WriteHeader(status)
		io.WriteString(w, body)
		return
	}
	_ = r.ParseForm()
	w.Header().Set("Content-Type", "text/xml")
	switch r.Form.Get("Action") {
	case "GetCallerIdentity":
		if f.sts != "" {
			w.WriteHeader(http.StatusForbidden)
			io.WriteString(w, f.sts)
			return
		}
		io.WriteString(w, stsIdentity)
	case "ListRoles":
		io.WriteString(w, iamRoles)
	default:
		http.Error(w, "unexpected "+r.Form.Get("Action"), http.StatusBadRequest)
	}
}

func fakeServer(t *testing.T, f *fake) *Client {
	t.Helper()
	awsFiles(t)
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	t.Setenv("AWS_ENDPOINT_URL_STS", srv.URL)
	t.Setenv("AWS_ENDPOINT_URL_IAM", srv.URL)
	backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return time.Millisecond, nil })
	t.Cleanup(func() { backoff = nil })
	c, err := Connect(context.Background(), Settings{Profile: "local", EndpointURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// With only the Step Functions endpoint replaced, roles are not asked of
// AWS's IAM.
func TestRolesStayLocalWithALocalEndpoint(t *testing.T) {
	awsFiles(t)
	t.Setenv("AWS_ENDPOINT_URL_IAM", "")
	c, err := Connect(context.Background(), Settings{Profile: "local", EndpointURL: "http://127.0.0.1:1"})
	if err != nil {
		t.Fatal(err)
	}
	roles, err := c.Roles(context.Background())
	if err != nil || len(roles) != 0 {
		t.Fatalf("roles: %v %+v", err, roles)
	}
}

func TestIdentityAndRoles(t *testing.T) {
	ctx := context.Background()
	f := &fake{}
	c := fakeServer(t, f)
	id, err := c.WhoAmI(ctx)
	if err != nil || id.Account != "123456789012" || id.Arn != "arn:aws:iam::123456789012:user/Alice" {
		t.Fatalf("identity: %v %+v", err, id)
	}
	roles, err := c.Roles(ctx)
	if err != nil || len(roles) != 2 {
		t.Fatalf("roles: %v %+v", err, roles)
	}
	if !roles[0].ForStepFunctions || roles[0].Name != "StepFunctions-orders-role" || roles[1].ForStepFunctions {
		t.Errorf("Step Functions' roles first: %+v", roles)
	}
	f.sts = stsExpired
	if _, err := c.WhoAmI(ctx); problemCode(err) != CodeTokenExpired {
		t.Errorf("expired token: %v", err)
	}
}

// jsonError is a Step Functions error as the JSON 1.0 protocol sends it.
func jsonError(code, message string) string {
	return fmt.Sprintf(`{"__type":"com.amazonaws.swf.service.v2.model#%s","message":%q}`, code, message)
}

func TestErrorShapesAndRetries(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		status int
		body   string
		okFrom int64 // the call that succeeds; 0 never
		want   string
		calls  int64
	}{
		{"access denied", 400, jsonError("AccessDeniedException", "User: arn:aws:iam::123456789012:user/Alice is not authorized to perform: states:ListStateMachines"), 0, CodeAccessDenied, 1},
		{"throttled then fine", 400, jsonError("ThrottlingException", "Rate exceeded"), 2, "", 2},
		{"throttled throughout", 400, jsonError("ThrottlingException", "Rate exceeded"), 0, CodeThrottled, 3},
		{"bad key", 400, jsonError("UnrecognizedClientException", "The security token included in the request is invalid."), 0, CodeBadCredentials, 1},
		{"server fault retried", 500, jsonError("InternalFailure", "oops"), 0, CodeAWS, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fake{sfn: func(op string, n int64) (int, string) {
				if tc.okFrom != 0 && n >= tc.okFrom {
					return 200, `{"stateMachines":[]}`
				}
				return tc.status, tc.body
			}}
			c := fakeServer(t, f)
			_, err := c.Machines(ctx)
			if got := problemCode(err); got != tc.want {
				t.Errorf("problem %q, want %q (%v)", got, tc.want, err)
			}
			if f.calls.Load() != tc.calls {
				t.Errorf("%d calls, want %d", f.calls.Load(), tc.calls)
			}
			if err != nil && Explain(err).Title == "" {
				t.Errorf("no plain words: %+v", Explain(err))
			}
		})
	}
}
