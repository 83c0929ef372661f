package cloud

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// IAM is asked one question, ListRoles, through a signed Query-protocol
// call written here rather than the SDK's IAM client: that client's
// package builds its schemas at init (0.5 ms and 640 KB of every
// command's start-up, `stepstudio version` included) for one call.

// iamVersion is the IAM API version the Query protocol names.
const iamVersion = "2010-05-08"

// maxIAMAnswer bounds the answer read (a page of 100 roles with their
// trust policies is tens of KB).
const maxIAMAnswer = 8 << 20

// iamEndpoint gives the IAM endpoint and the region requests are signed
// for: AWS_ENDPOINT_URL_IAM, else the config's endpoint_url, else the
// partition's global endpoint (IAM is global: signed for us-east-1 in
// the aws partition).
func iamEndpoint(cfg aws.Config) (endpoint, signingRegion string) {
	if e := os.Getenv("AWS_ENDPOINT_URL_IAM"); e != "" {
		return e, cfg.Region
	}
	if cfg.BaseEndpoint != nil && *cfg.BaseEndpoint != "" {
		return *cfg.BaseEndpoint, cfg.Region
	}
	switch {
	case strings.HasPrefix(cfg.Region, "cn-"):
		return "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1"
	case strings.HasPrefix(cfg.Region, "us-gov-"):
		return "https://iam.us-gov.amazonaws.com", "us-gov-west-1"
	}
	return "https://iam.amazonaws.com", "us-east-1"
}

// iamRole is a role as ListRoles answers it (the fields we read).
type iamRole struct {
	RoleName                 string
	Arn                      string
	Description              string
	AssumeRolePolicyDocument string
}

type listRolesAnswer struct {
	Result struct {
		IsTruncated bool
		Marker      string
		Roles       []iamRole `xml:"Roles>member"`
	} `xml:"ListRolesResult"`
}

// queryError is the Query protocol's error document.
type queryError struct {
	Error struct {
		Type    string
		Code    string
		Message string
	}
	RequestID string `xml:"RequestId"`
}

// listRoles asks for one page of roles after marker ("" the first).
func (c *Client) listRoles(ctx context.Context, marker string) (listRolesAnswer, error) {
	form := url.Values{"Action": {"ListRoles"}, "Version": {iamVersion}}
	if marker != "" {
		form.Set("Marker", marker)
	}
	body, err := c.iamCall(ctx, form.Encode())
	if err != nil {
		return listRolesAnswer{}, err
	}
	var out listRolesAnswer
	if err := xml.Unmarshal(body, &out); err != nil {
		return listRolesAnswer{}, fmt.Errorf("reading IAM's ListRoles answer: %w", err)
	}
	return out, nil
}

// iamCall sends one signed form, retrying as the config's retryer says
// (throttling and server faults), and returns the answer's body.
func (c *Client) iamCall(ctx context.Context, form string) ([]byte, error) {
	retryer := c.cfg.Retryer
	attempts := 1
	var r aws.Retryer
	if retryer != nil {
		r = retryer()
		attempts = max(r.MaxAttempts(), 1)
	}
	var err error
	for attempt := 1; attempt <= attempts; attempt++ {
		var body []byte
		body, err = c.iamOnce(ctx, form)
		if err == nil {
			return body, nil
		}
		if r == nil || attempt == attempts || !r.IsErrorRetryable(err) {
			break
		}
		delay, derr := r.RetryDelay(attempt, err)
		if derr != nil {
			break
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(delay):
		}
	}
	return nil, err
}

func (c *Client) iamOnce(ctx context.Context, form string) ([]byte, error) {
	endpoint, region := iamEndpoint(c.cfg)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimSuffix(endpoint, "/")+"/", strings.NewReader(form))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	if c.cfg.Credentials == nil {
		return nil, errors.New("failed to retrieve credentials: none configured")
	}
	creds, err := c.cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return nil, fmt.Errorf("failed to retrieve credentials: %w", err)
	}
	sum := sha256.Sum256([]byte(form))
	if err := v4.NewSigner().SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), "iam", region, time.Now()); err != nil {
		return nil, err
	}
	client := c.cfg.HTTPClient
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxIAMAnswer+1))
	if err != nil {
		return nil, err
	}
	if len(body) > maxIAMAnswer {
		return nil, fmt.Errorf("IAM's answer is over %d bytes", maxIAMAnswer)
	}
	if resp.StatusCode/100 == 2 {
		return body, nil
	}
	// An error in the SDK's own shape, so that explain and the retryer
	// read its code and status as they read the SDK clients' errors.
	var qe queryError
	_ = xml.Unmarshal(bytes.TrimSpace(body), &qe)
	api := &smithy.GenericAPIError{Code: qe.Error.Code, Message: qe.Error.Message, Fault: smithy.FaultServer}
	if qe.Error.Type == "Sender" {
		api.Fault = smithy.FaultClient
	}
	if api.Code == "" {
		api.Code = http.StatusText(resp.StatusCode)
	}
	return nil, &awshttp.ResponseError{RequestID: qe.RequestID, ResponseError: &smithyhttp.ResponseError{
		Response: &smithyhttp.Response{Response: resp}, Err: api}}
}
