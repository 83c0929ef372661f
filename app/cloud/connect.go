// Package cloud is the studio's link to AWS Step Functions (or any
// endpoint that speaks its API, such as `stepstudio serve`): connecting
// with the standard AWS credential chain, validating, deploying and
// pulling definitions, and starting, watching and redriving executions.
//
// Nothing here touches the network until Connect is called with a profile
// the user picked. Credentials never pass through this package: the AWS
// SDK reads them from the environment, the shared config and credentials
// files, SSO sessions or credential_process. Errors from AWS are turned
// into plain words with what to do (problems.go).
package cloud

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Settings pick who to connect as and where.
type Settings struct {
	// Profile is a profile of the shared config files; "" is the
	// default chain (environment variables, then [default]).
	Profile string `json:"profile"`
	// Region overrides the profile's region.
	Region string `json:"region"`
	// EndpointURL replaces the Step Functions endpoint (e.g.
	// http://127.0.0.1:8083 for `stepstudio serve`); "" is AWS's.
	EndpointURL string `json:"endpointUrl"`
}

// callTimeout bounds one HTTP request, retries apart.
const callTimeout = 60 * time.Second

// backoff replaces the retryer's delays in tests (nil: the SDK's).
var backoff retry.BackoffDelayer

// Client is a connection: the Step Functions client, STS for showing who
// you are, and the config IAM's ListRoles is signed with (iamquery.go).
type Client struct {
	Settings Settings
	Region   string
	SFN      *sfn.Client
	STS      *sts.Client
	cfg      aws.Config
}

// Connect loads credentials for s from the standard chain and makes the
// clients. Loading the config reads local files only; the network is
// first touched by the first call.
func Connect(ctx context.Context, s Settings) (*Client, error) {
	if s.EndpointURL == "" {
		// The SDK would read these itself, but then keep the sync- host
		// prefix: taking them here treats them as any other override.
		s.EndpointURL = firstEnv("AWS_ENDPOINT_URL_SFN", "AWS_ENDPOINT_URL")
	}
	if s.EndpointURL != "" {
		if err := checkEndpoint(s.EndpointURL); err != nil {
			return nil, err
		}
	}
	opts := []func(*config.LoadOptions) error{
		// A call that hangs (a half-open connection, a stalled proxy) ends
		// instead of holding the studio's button forever.
		config.WithHTTPClient(awshttp.NewBuildableClient().WithTimeout(callTimeout)),
		// Throttling backs off and slows the client down as AWS asks.
		config.WithRetryer(func() aws.Retryer {
			return retry.NewAdaptiveMode(func(o *retry.AdaptiveModeOptions) {
				if backoff != nil {
					o.StandardOptions = append(o.StandardOptions, func(so *retry.StandardOptions) { so.Backoff = backoff })
				}
			})
		}),
	}
	if s.Profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(s.Profile))
	}
	if s.Region != "" {
		opts = append(opts, config.WithRegion(s.Region))
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, explain(err)
	}
	if cfg.Region == "" {
		return nil, &Problem{Code: CodeNoRegion, Title: "No AWS region is chosen.",
			Action: "Pick a region, or set one in the profile (region = eu-west-1) or in AWS_REGION."}
	}
	c := &Client{Settings: s, Region: cfg.Region, cfg: cfg}
	c.SFN = sfn.NewFromConfig(cfg, func(o *sfn.Options) {
		if s.EndpointURL != "" {
			o.BaseEndpoint = aws.String(s.EndpointURL)
			// AWS serves StartSyncExecution and TestState from
			// sync-states.REGION.amazonaws.com; another endpoint has no
			// sync- host.
			o.APIOptions = append(o.APIOptions, noHostPrefix)
		}
	})
	c.STS = sts.NewFromConfig(cfg)
	return c, nil
}

func firstEnv(names ...string) string {
	for _, n := range names {
		if v := os.Getenv(n); v != "" {
			return v
		}
	}
	return ""
}

// Local reports whether the endpoint is overridden (not AWS itself).
func (c *Client) Local() bool { return c.Settings.EndpointURL != "" }

// checkEndpoint accepts an http(s) URL with a host and nothing after the
// path, as the SDK needs.
func checkEndpoint(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return &Problem{Code: CodeBadEndpoint, Title: fmt.Sprintf("%q is not an endpoint address.", raw),
			Action: "Give the address as http://HOST:PORT or https://HOST (for `stepstudio serve`: http://127.0.0.1:8083)."}
	}
	if strings.HasPrefix(u.Host, "sync-") {
		return &Problem{Code: CodeBadEndpoint, Title: "The endpoint address starts with sync-.",
			Action: "Give the endpoint without sync-: the studio sends every call there."}
	}
	return nil
}

// noHostPrefix turns off the "sync-" host prefix the SDK puts before the
// endpoint for StartSyncExecution and TestState: the Go SDK has no client
// option for it, so this Initialize step sets the flag its
// EndpointHostPrefix middleware reads.
func noHostPrefix(stack *middleware.Stack) error {
	return stack.Initialize.Add(middleware.InitializeMiddlewareFunc("StepstudioNoHostPrefix",
		func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
			return next.HandleInitialize(smithyhttp.DisableEndpointHostPrefix(ctx, true), in)
		}), middleware.Before)
}

// Identity is who the credentials belong to.
type Identity struct {
	Account string `json:"account"`
	Arn     string `json:"arn"`
	UserID  string `json:"userId"`
}

// WhoAmI asks STS who the credentials are (GetCallerIdentity needs no
// permission).
func (c *Client) WhoAmI(ctx context.Context) (Identity, error) {
	out, err := c.STS.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return Identity{}, explain(err)
	}
	return Identity{Account: aws.ToString(out.Account), Arn: aws.ToString(out.Arn), UserID: aws.ToString(out.UserId)}, nil
}
