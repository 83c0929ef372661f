package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/stepstudio/stepstudio/app/endpoint"
	"github.com/stepstudio/stepstudio/engine"
)

const serveUsage = `
Usage: stepstudio serve [--port 8083] [--host 127.0.0.1] [--data DIR] [--mock-config FILE]
                        [--handlers FILE] [--lambda-endpoint URL] [--wait-scale F] [--s3-root DIR]
                        [--log] [--format text|json]
Serves the AWS Step Functions API on this computer, so the AWS CLI and SDKs run workflows on
Stepstudio's engine: point them at the printed endpoint (AWS_ENDPOINT_URL_SFN, or
--endpoint-url) with any credentials. Tasks are answered by the mock config (a test case is
chosen with "#TestCaseName" after the state machine ARN in StartExecution, as in Step
Functions Local), then by the handlers file, else they wait for SendTaskSuccess/Failure.
Only this computer can connect: requests from web pages, for other host names or without a
SigV4 signature are refused. Step Functions Local's settings are read when the flags
are not given: SFN_MOCK_CONFIG, LAMBDA_ENDPOINT, WAIT_TIME_SCALE. Ctrl+C stops the server.`

type serveFlags struct {
	port                   int
	host, data, mocks, hdl string
	s3Root, lambda         string
	waitScale              float64
	log                    bool
	format                 string
}

func runServe(ctx context.Context, args []string, s Streams) error {
	var f serveFlags
	fs := newFlagSet("serve", serveUsage)
	fs.IntVar(&f.port, "port", 8083, "port to listen on (Step Functions Local's 8083 by default; 0 picks a free one)")
	fs.StringVar(&f.host, "host", "127.0.0.1", "loopback address to listen on: 127.0.0.1, ::1 or localhost")
	fs.StringVar(&f.data, "data", "", "folder where state machines and executions are kept across restarts (default: memory only)")
	fs.StringVar(&f.mocks, "mock-config", "", "AWS MockConfigFile for mocked task results (default: $SFN_MOCK_CONFIG)")
	fs.StringVar(&f.hdl, "handlers", "", "handler file answering Task states with commands, HTTP or a Lambda endpoint")
	fs.StringVar(&f.s3Root, "s3-root", "", "folder standing in for S3 for Distributed Maps' ItemReader and ResultWriter (s3://bucket/key is DIR/bucket/key)")
	fs.StringVar(&f.lambda, "lambda-endpoint", "", "Lambda-compatible endpoint answering Lambda tasks, e.g. sam local start-lambda's (default: $LAMBDA_ENDPOINT)")
	fs.Float64Var(&f.waitScale, "wait-scale", 0, "run Wait states and retry delays at this fraction of their time, e.g. 0.01 (default: $WAIT_TIME_SCALE, else 1)")
	fs.BoolVar(&f.log, "log", false, "print one line per API call: operation, HTTP status, duration")
	fs.StringVar(&f.format, "format", "text", "how to print the endpoint at start: text or json (one line, for programs)")
	pos, err := parseArgs(fs, args, s.Out)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("serve takes no arguments, got %q", pos[0])
	}
	if f.format != "text" && f.format != "json" {
		return usagef("--format must be text or json, not %q", f.format)
	}
	if f.port < 0 || f.port > 65535 {
		return usagef("--port must be between 0 and 65535, not %d", f.port)
	}
	switch f.host {
	case "127.0.0.1", "::1", "localhost":
	default:
		return usagef("--host must be a loopback address (127.0.0.1, ::1 or localhost), not %q: the endpoint has no authentication and must not be reachable from other computers", f.host)
	}
	// Step Functions Local's settings, when the flags are not given.
	if f.mocks == "" {
		f.mocks = os.Getenv("SFN_MOCK_CONFIG")
	}
	if f.lambda == "" {
		f.lambda = os.Getenv("LAMBDA_ENDPOINT")
	}
	if f.waitScale == 0 {
		if v := os.Getenv("WAIT_TIME_SCALE"); v != "" {
			if f.waitScale, err = strconv.ParseFloat(v, 64); err != nil {
				return usagef("WAIT_TIME_SCALE=%q is not a number", v)
			}
		}
	}
	if f.waitScale != 0 {
		if err := engine.CheckScale(f.waitScale); err != nil {
			return usagef("--wait-scale: %v", err)
		}
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(f.host, strconv.Itoa(f.port)))
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	defer ln.Close()
	var logw io.Writer
	if f.log {
		logw = s.Err
	}
	srv, err := endpoint.New(endpoint.Options{Data: f.data, MockConfig: f.mocks, Handlers: f.hdl, S3Root: f.s3Root,
		LambdaEndpoint: f.lambda, WaitScale: f.waitScale,
		Addr: ln.Addr().String(), Log: logw})
	if err != nil {
		return badInput(err)
	}
	defer srv.Close()
	url := "http://" + hostForURL(f.host, ln.Addr().(*net.TCPAddr).Port)
	if err := printEndpoint(s.Out, f.format, url); err != nil {
		return err
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	// Long polls (GetActivityTask) end when the server closes; a client
	// still connected after 5 s is cut off.
	_ = srv.Close()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if f.format == "text" {
		fmt.Fprintln(s.Out, "Stopped.")
	}
	return nil
}

func hostForURL(host string, port int) string {
	return net.JoinHostPort(host, strconv.Itoa(port))
}

// printEndpoint tells the user where the endpoint is and what to set in
// the shell of their tests.
func printEndpoint(w io.Writer, format, url string) error {
	env := endpoint.ClientEnv(url) // the studio's Local endpoint shows the same lines
	if format == "json" {
		m := map[string]string{}
		for _, kv := range env {
			m[kv.Name] = kv.Value
		}
		// One line: a program reads it as soon as the server is up.
		b, err := json.Marshal(map[string]any{"endpoint": url, "env": m})
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", b)
		return err
	}
	fmt.Fprintf(w, "Step Functions API at %s\n\nTo use it from a shell, an SDK or a test, set:\n", url)
	for _, kv := range env {
		fmt.Fprintf(w, "  export %s=%s\n", kv.Name, kv.Value)
	}
	fmt.Fprintf(w, "\nAWS CLI v2 before 2.13 and older SDKs ignore AWS_ENDPOINT_URL_SFN: pass --endpoint-url %s\n", url)
	fmt.Fprintln(w, "Press Ctrl+C to stop.")
	return nil
}
