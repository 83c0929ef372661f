package cloud

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
)

// rolePage is one ListRoles page with one role, truncated when next is
// not "".
func rolePage(name, next string) string {
	trunc := "false"
	if next != "" {
		trunc = "true"
	}
	return `<ListRolesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListRolesResult>
  <IsTruncated>` + trunc + `</IsTruncated><Marker>` + next + `</Marker>
  <Roles><member><RoleName>` + name + `</RoleName><Arn>arn:aws:iam::123456789012:role/` + name + `</Arn>
  <AssumeRolePolicyDocument>%7B%7D</AssumeRolePolicyDocument></member></Roles>
</ListRolesResult></ListRolesResponse>`
}

const iamDenied = `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/Alice is not authorized to perform: iam:ListRoles</Message></Error>
  <RequestId>33333333-4444-5555-6666-777777777777</RequestId>
</ErrorResponse>`

const iamThrottled = `<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>x</RequestId></ErrorResponse>`

// The hand-written ListRoles call: signed for IAM, the Query form, pages
// followed by Marker, AWS's error document read into a Problem, and
// throttling retried.
func TestListRolesQuery(t *testing.T) {
	for _, tc := range []struct {
		name   string
		answer func(n int, marker string) (int, string)
		want   []string // role names
		code   string   // problem code
		calls  int
	}{
		{"two pages", func(n int, marker string) (int, string) {
			if marker == "" {
				return 200, rolePage("First", "page2")
			}
			if marker != "page2" {
				return 400, iamDenied
			}
			return 200, rolePage("Second", "")
		}, []string{"First", "Second"}, "", 2},
		{"access denied", func(int, string) (int, string) { return 403, iamDenied }, nil, CodeAccessDenied, 1},
		{"throttled once", func(n int, _ string) (int, string) {
			if n == 1 {
				return 400, iamThrottled
			}
			return 200, rolePage("Only", "")
		}, []string{"Only"}, "", 2},
		{"server fault retried", func(int, string) (int, string) { return 500, `<ErrorResponse/>` }, nil, CodeAWS, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			awsFiles(t)
			calls := 0
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				calls++
				auth := r.Header.Get("Authorization")
				if !strings.HasPrefix(auth, "AWS4-HMAC-SHA256 Credential=") || !strings.Contains(auth, "/iam/aws4_request") {
					t.Errorf("not signed for IAM: %q", auth)
				}
				if err := r.ParseForm(); err != nil || r.Method != http.MethodPost || r.Form.Get("Action") != "ListRoles" || r.Form.Get("Version") != "2010-05-08" {
					t.Errorf("form %v %v %v", r.Method, r.Form, err)
				}
				status, body := tc.answer(calls, r.Form.Get("Marker"))
				w.WriteHeader(status)
				io.WriteString(w, body)
			}))
			defer srv.Close()
			t.Setenv("AWS_ENDPOINT_URL_IAM", srv.URL)
			backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return time.Millisecond, nil })
			defer func() { backoff = nil }()
			c, err := Connect(context.Background(), Settings{Profile: "local", EndpointURL: srv.URL})
			if err != nil {
				t.Fatal(err)
			}
			roles, err := c.Roles(context.Background())
			if got := problemCode(err); got != tc.code {
				t.Fatalf("problem %q, want %q (%v)", got, tc.code, err)
			}
			var names []string
			for _, r := range roles {
				names = append(names, r.Name)
			}
			if strings.Join(names, ",") != strings.Join(tc.want, ",") || calls != tc.calls {
				t.Errorf("roles %v in %d calls, want %v in %d", names, calls, tc.want, tc.calls)
			}
		})
	}
}
