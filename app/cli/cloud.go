package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/stepstudio/stepstudio/app/cloud"
	"github.com/stepstudio/stepstudio/app/sidecar"
)

// cloudFlags are the connection flags deploy and executions share.
type cloudFlags struct {
	profile, region, endpoint, format string
}

func addCloudFlags(fs *flag.FlagSet) *cloudFlags {
	f := &cloudFlags{}
	fs.StringVar(&f.profile, "profile", "", "AWS profile of the shared config files (default: the standard chain: environment, then [default])")
	fs.StringVar(&f.region, "region", "", "AWS region (default: the profile's, or AWS_REGION)")
	fs.StringVar(&f.endpoint, "endpoint-url", "", "Step Functions endpoint instead of AWS's, e.g. http://127.0.0.1:8083 for `stepstudio serve` (default: $AWS_ENDPOINT_URL_SFN)")
	fs.StringVar(&f.format, "format", "text", "output: text, or json for programs")
	return f
}

func (f *cloudFlags) check() error {
	if f.format != "text" && f.format != "json" {
		return usagef("--format must be text or json, not %q", f.format)
	}
	return nil
}

func (f *cloudFlags) connect(ctx context.Context) (*cloud.Client, error) {
	return cloud.Connect(ctx, cloud.Settings{Profile: f.profile, Region: f.region, EndpointURL: f.endpoint})
}

// cloudFailure prints a failed AWS call for programs ({"problem": ...}
// on standard output with --format json) and hands it to the one error
// printer, which writes the plain words on standard error: exit 1.
func cloudFailure(f *cloudFlags, out io.Writer, err error) error {
	var u *usageError
	var in *inputError
	if err == nil || errors.As(err, &u) || errors.As(err, &in) {
		return err
	}
	p := cloud.Explain(err)
	if f != nil && f.format == "json" {
		_ = writeJSON(out, map[string]any{"problem": p})
	}
	return p
}

// deployConfig is the deploy section of FLOW's sidecar (empty without).
func deployConfig(flow string) (sidecar.Deploy, error) {
	f, err := sidecar.Load(sidecar.PathFor(flow))
	if err != nil {
		return sidecar.Deploy{}, badInput(err)
	}
	if f.Deploy == nil {
		return sidecar.Deploy{}, nil
	}
	return *f.Deploy, nil
}

// printJSONOr writes v as JSON, or text() for people.
func printJSONOr(f *cloudFlags, out io.Writer, v any, text func() string) error {
	if f.format == "json" {
		return writeJSON(out, v)
	}
	_, err := fmt.Fprint(out, text())
	return err
}

// rawJSON keeps history events as they are when printed.
type rawJSON = json.RawMessage
