package handler

import (
	"errors"
	"fmt"
	"maps"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
	"github.com/stepstudio/stepstudio/internal/jsonpos"
	"github.com/stepstudio/stepstudio/internal/suggest"
)

// MaxTimeoutSeconds is the longest timeoutSeconds a binding may give,
// AWS's longest TimeoutSeconds for a Task.
const MaxTimeoutSeconds = 99999999

// ErrInvalidConfig is matched by every *ConfigError.
var ErrInvalidConfig = errors.New("invalid handler config")

// ConfigError is one problem in a handler configuration, located.
type ConfigError struct {
	File    string
	Pointer string // JSON Pointer, e.g. "/handlers/1/timeoutSeconds"
	Line    int    // 1-based; 0 when unknown
	Column  int
	Msg     string
}

func (e *ConfigError) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d:%d", loc, e.Line, e.Column)
	}
	ptr := e.Pointer
	if ptr == "" {
		ptr = "/"
	}
	return fmt.Sprintf("%s: %s: %s", loc, ptr, e.Msg)
}

func (e *ConfigError) Unwrap() error { return ErrInvalidConfig }

// ConfigErrors is every problem found in one configuration.
type ConfigErrors []*ConfigError

func (es ConfigErrors) Error() string {
	if len(es) == 1 {
		return "handler config " + es[0].Error()
	}
	s := fmt.Sprintf("%d problems in the handler config:", len(es))
	for _, e := range es {
		s += "\n  " + e.Error()
	}
	return s
}

// Unwrap exposes each problem to errors.Is/As.
func (es ConfigErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// Parse reads a handler configuration from data, which came from the file
// name: errors are located in it (file:line:column and JSON Pointer) and
// relative command paths resolve from its folder. Callers read the file
// themselves, as a regular file with a size cap (app/files). Every problem is
// reported at once, as ConfigErrors: unknown keys (naming the closest
// valid one), values of the wrong type, a timeoutSeconds that is not a
// number of seconds in (0, MaxTimeoutSeconds], a binding with no target
// or with more than one kind of handler.
func Parse(name string, data []byte) (*Set, error) {
	root, err := jsonvalue.Unmarshal(data)
	if err != nil {
		return nil, ConfigErrors{{File: name, Msg: fmt.Sprintf("not valid JSON: %v", err)}}
	}
	p := &configParser{name: name, data: data, pos: jsonpos.Index(data)}
	s := &Set{Dir: filepath.Dir(name)}
	if top, ok := p.object("", root, "the handler config", topKeys); ok {
		list, ok := top["handlers"].([]any)
		switch {
		case top["handlers"] == nil && len(p.errs) > 0:
			// A misspelt "handlers" was reported; saying it is missing adds nothing.
		case top["handlers"] == nil:
			p.errorf("", `missing "handlers": give a list of bindings`)
		case !ok:
			p.errorf("/handlers", "handlers must be a list of bindings, got %s", jsonvalue.String(top["handlers"]))
		}
		for i, v := range list {
			if b, ok := p.binding("/handlers/"+strconv.Itoa(i), i, v); ok {
				s.Bindings = append(s.Bindings, b)
			}
		}
	}
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	return s, nil
}

var (
	topKeys     = []string{"handlers"}
	bindingKeys = []string{"state", "resource", "command", "dir", "url", "lambdaEndpoint", "timeoutSeconds"}
)

type configParser struct {
	name string
	data []byte
	pos  jsonpos.Positions
	errs ConfigErrors
}

func (p *configParser) errorf(ptr, format string, args ...any) {
	e := &ConfigError{File: p.name, Pointer: ptr, Msg: fmt.Sprintf(format, args...)}
	if off, ok := p.pos[ptr]; ok {
		e.Line, e.Column = jsonpos.LineCol(p.data, off)
	}
	p.errs = append(p.errs, e)
}

// object checks v is an object with only the allowed keys; an unknown key
// is an error naming the closest allowed one.
func (p *configParser) object(ptr string, v any, what string, allowed []string) (map[string]any, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		p.errorf(ptr, "%s must be an object, got %s", what, jsonvalue.String(v))
		return nil, false
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if slices.Contains(allowed, k) {
			continue
		}
		msg := fmt.Sprintf("unknown key %q in %s", k, what)
		if c := suggest.Closest(k, allowed); c != "" {
			msg += fmt.Sprintf("; did you mean %q?", c)
		} else {
			msg += fmt.Sprintf(" (the keys are %s)", strings.Join(allowed, ", "))
		}
		p.errorf(ptr+"/"+jsonpos.Escape(k), "%s", msg)
	}
	return m, true
}

func (p *configParser) binding(ptr string, i int, v any) (Binding, bool) {
	what := fmt.Sprintf("handler %d", i)
	before := len(p.errs)
	m, ok := p.object(ptr, v, what, bindingKeys)
	if !ok {
		return Binding{}, false
	}
	var b Binding
	str := func(key string, dst *string) {
		if v, ok := m[key]; ok {
			if s, ok := v.(string); ok && s != "" {
				*dst = s
			} else {
				p.errorf(ptr+"/"+key, "%s must be a non-empty string, got %s", key, jsonvalue.String(v))
			}
		}
	}
	str("state", &b.State)
	str("resource", &b.Resource)
	str("url", &b.URL)
	str("dir", &b.Dir)
	str("lambdaEndpoint", &b.LambdaEndpoint)
	for _, f := range []struct{ key, u string }{{"url", b.URL}, {"lambdaEndpoint", b.LambdaEndpoint}} {
		key, u := f.key, f.u
		if u == "" {
			continue
		}
		if pu, err := url.Parse(u); err != nil || pu.Scheme != "http" && pu.Scheme != "https" || pu.Host == "" {
			p.errorf(ptr+"/"+key, "%s must be an http:// or https:// URL with a host, not %q", key, u)
		}
	}
	if v, ok := m["command"]; ok {
		b.Command = p.command(ptr+"/command", v)
	}
	if v, ok := m["timeoutSeconds"]; ok {
		f, isNum := jsonvalue.Float(v)
		if !isNum || !(f > 0) || f > MaxTimeoutSeconds {
			p.errorf(ptr+"/timeoutSeconds", "timeoutSeconds must be a number of seconds above 0 and at most %d (AWS's longest TimeoutSeconds), not %s",
				MaxTimeoutSeconds, jsonvalue.String(v))
		} else {
			b.TimeoutSeconds = f
		}
	}
	if b.Resource != "" {
		if _, err := path.Match(b.Resource, ""); err != nil {
			p.errorf(ptr+"/resource", "resource %q is not a valid pattern (* matches any run of characters): %v", b.Resource, err)
		}
	}
	if len(p.errs) > before {
		return Binding{}, false // what is wrong was said; the checks below would guess
	}
	kinds := 0
	for _, set := range []bool{len(b.Command) > 0, b.URL != "", b.LambdaEndpoint != ""} {
		if set {
			kinds++
		}
	}
	if kinds != 1 {
		p.errorf(ptr, "%s needs exactly one of command, url, lambdaEndpoint", what)
		return Binding{}, false
	}
	if b.State == "" && b.Resource == "" {
		p.errorf(ptr, "%s binds nothing: give it a state or a resource", what)
		return Binding{}, false
	}
	return b, true
}

func (p *configParser) command(ptr string, v any) []string {
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		p.errorf(ptr, `command must be a non-empty list of strings (["./charge.sh", "--fast"]), got %s`, jsonvalue.String(v))
		return nil
	}
	argv := make([]string, len(list))
	for i, a := range list {
		s, ok := a.(string)
		if !ok || i == 0 && s == "" {
			p.errorf(ptr+"/"+strconv.Itoa(i), "command arguments must be strings (the first one not empty), got %s", jsonvalue.String(a))
			return nil
		}
		argv[i] = s
	}
	return argv
}
