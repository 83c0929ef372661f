package endpoint

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
)

// contentType is the AWS JSON 1.0 protocol's media type, for requests and
// answers alike.
const contentType = "application/x-amz-json-1.0"

// targetPrefix starts every X-Amz-Target header Step Functions accepts.
const targetPrefix = "AWSStepFunctions."

// maxBody caps a request body: AWS takes definitions up to 1 MiB and
// inputs up to 256 KiB, with JSON escaping on top.
const maxBody = 4 << 20

// sigV4 is the shape of a SigV4 Authorization header. Nothing checks the
// signature (any credentials work, as with Step Functions Local): the
// header is required because browsers cannot send one on a simple
// cross-site request, and its credential scope gives the region.
var sigV4 = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)/(\d{8})/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request\s*,\s*SignedHeaders=[^,\s]+\s*,\s*Signature=[0-9a-fA-F]+\s*$`)
})

// request is one API call being answered.
type request struct {
	ctx    context.Context
	op     string
	region string
	body   []byte
}

// decode reads the call's JSON body into v; a body of the wrong shape is
// AWS's SerializationException.
func (r *request) decode(v any) error {
	body := bytes.TrimSpace(r.body)
	if len(body) == 0 {
		body = []byte("{}")
	}
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	if err := d.Decode(v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return errf(errSerialization, "STRING_VALUE can not be converted to %s", te.Type.String())
		}
		return errf(errSerialization, "Invalid JSON: %v", err)
	}
	return nil
}

// ServeHTTP answers one Step Functions API call. It never panics out: a
// bug in an operation is an InternalFailure for that call, the server goes on.
func (s *Server) ServeHTTP(w http.ResponseWriter, hr *http.Request) {
	started := time.Now()
	reqID := uuid.NewString()
	op := strings.TrimPrefix(hr.Header.Get("X-Amz-Target"), targetPrefix)
	status := http.StatusOK
	defer func() {
		if p := recover(); p != nil {
			status = http.StatusInternalServerError
			s.logf("panic in %s: %v", op, p)
			writeError(w, reqID, &apiError{Type: errInternal, Message: "An internal error occurred.", Status: status})
		}
		s.logRequest(op, status, time.Since(started))
	}()
	out, err := s.handle(hr, op)
	if err != nil {
		var ae *apiError
		if !errors.As(err, &ae) {
			s.logf("%s: %v", op, err)
			ae = &apiError{Type: errInternal, Message: err.Error(), Status: http.StatusInternalServerError}
		}
		status = ae.Status
		writeError(w, reqID, ae)
		return
	}
	b, err := json.Marshal(out)
	if err != nil {
		status = http.StatusInternalServerError
		writeError(w, reqID, &apiError{Type: errInternal, Message: err.Error(), Status: status})
		return
	}
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("x-amzn-RequestId", reqID)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b)
}

// handle checks the call (security first, then protocol) and runs its
// operation.
func (s *Server) handle(hr *http.Request, op string) (any, error) {
	if err := s.guard(hr); err != nil {
		return nil, err
	}
	if hr.Method != http.MethodPost || (hr.URL.Path != "/" && hr.URL.Path != "") {
		return nil, &apiError{Type: errUnknownOperation, Message: "Only POST / is served.", Status: 404}
	}
	target := hr.Header.Get("X-Amz-Target")
	fn, ok := operations[op]
	if !strings.HasPrefix(target, targetPrefix) || !ok {
		return nil, errf(errUnknownOperation, "Operation %q is not known to Step Functions.", target)
	}
	body, err := io.ReadAll(io.LimitReader(hr.Body, maxBody+1))
	if err != nil {
		return nil, errf(errSerialization, "Could not read the request body: %v", err)
	}
	if len(body) > maxBody {
		return nil, &apiError{Type: errValidation, Message: fmt.Sprintf("The request body is over %d bytes.", maxBody), Status: http.StatusRequestEntityTooLarge}
	}
	region := s.region(hr)
	return fn(s, &request{ctx: hr.Context(), op: op, region: region, body: body})
}

// guard refuses what a browser page could send (STUDIO.md, "Local
// servers"): an Origin header, a Host that is not ours (DNS rebinding),
// or no SigV4-shaped Authorization header.
func (s *Server) guard(hr *http.Request) error {
	if hr.Header.Get("Origin") != "" {
		return &apiError{Type: errAccessDenied, Message: "Requests from web pages (with an Origin header) are refused: this endpoint is for programs such as the AWS CLI and SDKs.", Status: http.StatusForbidden}
	}
	if !s.hostAllowed(hr.Host) {
		return &apiError{Type: errAccessDenied, Message: fmt.Sprintf("Host %q is not this endpoint's loopback address.", hr.Host), Status: http.StatusForbidden}
	}
	auth := hr.Header.Get("Authorization")
	if auth == "" {
		return &apiError{Type: errMissingAuth, Message: "Missing Authentication Token: sign the request with SigV4 (any credentials work locally).", Status: http.StatusForbidden}
	}
	if !sigV4().MatchString(auth) {
		return &apiError{Type: errInvalidSignature, Message: "The Authorization header is not a SigV4 signature (AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/states/aws4_request, SignedHeaders=..., Signature=...).", Status: http.StatusForbidden}
	}
	return nil
}

// hostAllowed accepts a loopback name, with the server's port when it
// knows it (Options.Addr).
func (s *Server) hostAllowed(host string) bool {
	name, port, err := net.SplitHostPort(host)
	if err != nil {
		name, port = host, ""
	}
	name = strings.TrimSuffix(strings.ToLower(name), ".")
	switch name {
	// sync-localhost: the AWS CLI puts "sync-" before the host for
	// StartSyncExecution and TestState and cannot be told not to; with
	// "127.0.0.1 sync-localhost" in /etc/hosts it reaches us by that name.
	case "127.0.0.1", "localhost", "::1", "sync-localhost":
	default:
		if !s.extraHost(name) {
			return false
		}
	}
	if s.port == "" {
		return true
	}
	return port == s.port
}

// extraHost accepts the name the server was told to listen on when it is
// not a loopback name (--host 0.0.0.0 is refused by the CLI; a LAN name is
// the user's explicit choice).
func (s *Server) extraHost(name string) bool {
	return s.host != "" && name == s.host
}

// region is the credential scope's region (the header was checked).
func (s *Server) region(hr *http.Request) string {
	m := sigV4().FindStringSubmatch(hr.Header.Get("Authorization"))
	if m == nil || m[3] == "" {
		return defaultRegion
	}
	return m[3]
}

func writeError(w http.ResponseWriter, reqID string, ae *apiError) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("x-amzn-RequestId", reqID)
	h.Set("x-amzn-ErrorType", ae.Type)
	status := ae.Status
	if status == 0 {
		status = http.StatusBadRequest
	}
	w.WriteHeader(status)
	b, _ := json.Marshal(map[string]string{"__type": ae.Type, "message": ae.Message})
	_, _ = w.Write(b)
}
