package teststate

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// httpResource is the HTTP Task's resource: at TRACE, TestState shows the
// request it sent and the response it got (API reference,
// InspectionDataRequest and InspectionDataResponse).
const httpResource = "arn:aws:states:::http:invoke"

// HTTPRequest is inspectionData.request: every field a string.
type HTTPRequest struct {
	Protocol string `json:"protocol,omitempty"`
	Method   string `json:"method,omitempty"`
	URL      string `json:"url,omitempty"`
	Headers  string `json:"headers,omitempty"`
	Body     string `json:"body,omitempty"`
}

// HTTPResponse is inspectionData.response: every field a string.
type HTTPResponse struct {
	Protocol      string `json:"protocol,omitempty"`
	StatusCode    string `json:"statusCode,omitempty"`
	StatusMessage string `json:"statusMessage,omitempty"`
	Headers       string `json:"headers,omitempty"`
	Body          string `json:"body,omitempty"`
}

// userAgent is the User-Agent an HTTP Task sends (the developer guide's
// TestState TRACE example shows it echoed back by httpbin).
const userAgent = "Amazon|StepFunctions|HttpInvoke|us-east-1"

// httpRequest is the request an HTTP Task with these effective
// parameters sends: the method, ApiEndpoint with QueryParameters, the
// Headers given plus those Step Functions adds, and RequestBody (JSON, or
// URL-encoded when Transform says so). The connection's secrets are never
// shown: TestState refuses revealSecrets with a mock, and nothing here
// has them.
func httpRequest(params any) *HTTPRequest {
	p, _ := params.(map[string]any)
	if p == nil {
		return nil
	}
	r := &HTTPRequest{Protocol: "https"}
	r.Method, _ = p["Method"].(string)
	r.URL, _ = p["ApiEndpoint"].(string)
	encoding, arrays := transform(p)
	if q, ok := p["QueryParameters"].(map[string]any); ok && len(q) > 0 {
		sep := "?"
		if strings.Contains(r.URL, "?") {
			sep = "&"
		}
		r.URL += sep + formEncode(q, arrays)
	}
	headers := map[string]any{}
	if h, ok := p["Headers"].(map[string]any); ok {
		for k, v := range h {
			headers[k] = v
		}
	}
	if body, ok := p["RequestBody"]; ok {
		if m, isObj := body.(map[string]any); isObj && encoding == "URL_ENCODED" {
			r.Body = formEncode(m, arrays)
			setDefault(headers, "Content-Type", "application/x-www-form-urlencoded")
		} else if s, isStr := body.(string); isStr {
			r.Body = s
			setDefault(headers, "Content-Type", "text/plain; charset=UTF-8")
		} else {
			r.Body = engine.EncodeJSON(body)
			setDefault(headers, "Content-Type", "application/json; charset=UTF-8")
		}
	}
	setDefault(headers, "User-Agent", userAgent)
	r.Headers = engine.EncodeJSON(headers)
	return r
}

// setDefault sets a header unless the definition gave it (in any case).
func setDefault(h map[string]any, name, value string) {
	for k := range h {
		if strings.EqualFold(k, name) {
			return
		}
	}
	h[name] = value
}

// transform reads Transform: RequestBodyEncoding and the array format.
func transform(p map[string]any) (encoding, arrays string) {
	t, _ := p["Transform"].(map[string]any)
	encoding, _ = t["RequestBodyEncoding"].(string)
	o, _ := t["RequestEncodingOptions"].(map[string]any)
	arrays, _ = o["ArrayFormat"].(string)
	if arrays == "" {
		arrays = "INDICES" // the developer guide's default
	}
	return encoding, arrays
}

// formEncode writes m as key=value pairs in key order, arrays as
// ArrayFormat says (BRACKETS a[]=1, COMMA a=1,2, INDICES a[0]=1, REPEAT
// a=1&a=2), nested objects as a[b]=1.
func formEncode(m map[string]any, arrays string) string {
	var parts []string
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch v := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(v))
			for k := range v {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				walk(prefix+"["+k+"]", v[k])
			}
		case []any:
			if arrays == "COMMA" {
				s := make([]string, len(v))
				for i, x := range v {
					s[i] = scalar(x)
				}
				parts = append(parts, url.QueryEscape(prefix)+"="+url.QueryEscape(strings.Join(s, ",")))
				return
			}
			for i, x := range v {
				switch arrays {
				case "BRACKETS":
					walk(prefix+"[]", x)
				case "REPEAT":
					walk(prefix, x)
				default:
					walk(prefix+"["+strconv.Itoa(i)+"]", x)
				}
			}
		default:
			parts = append(parts, url.QueryEscape(prefix)+"="+url.QueryEscape(scalar(v)))
		}
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		walk(k, m[k])
	}
	return strings.Join(parts, "&")
}

func scalar(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return engine.EncodeJSON(v)
}

// httpResponse is the response behind an HTTP Task's result (the mocked
// one): StatusCode, StatusText, Headers and ResponseBody, as the HTTP
// Task returns them.
func httpResponse(result any) *HTTPResponse {
	m, _ := result.(map[string]any)
	if m == nil {
		return nil
	}
	r := &HTTPResponse{Protocol: "https"}
	if c, ok := jsonvalue.Float(m["StatusCode"]); ok {
		r.StatusCode = strconv.FormatFloat(c, 'f', -1, 64)
	} else if s, ok := m["StatusCode"].(string); ok {
		r.StatusCode = s
	}
	r.StatusMessage, _ = m["StatusText"].(string)
	if h, ok := m["Headers"]; ok {
		r.Headers = engine.EncodeJSON(h)
	}
	if b, ok := m["ResponseBody"]; ok {
		r.Body = scalar(b)
	}
	return r
}
