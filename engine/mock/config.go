package mock

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"sync"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
	"github.com/stepstudio/stepstudio/internal/jsonpos"
)

var escape = jsonpos.Escape

// Config is a parsed mock file.
type Config struct {
	machines  map[string]map[string]*TestCase // machine -> test case name -> test case
	responses map[string]*MockedResponse
}

// TestCase maps state names to their mocked responses.
type TestCase struct {
	Machine, Name string
	states        map[string]*MockedResponse
	where         map[string]Error // where each state's entry is in the file
}

// MockedResponse is a named list of responses by invocation.
type MockedResponse struct {
	Name  string
	steps []step // sorted, contiguous from 0
}

type step struct {
	from, to int
	resp     Response
}

// Response is what a mocked Task returns: a result, or an error to throw.
type Response struct {
	Return any
	Throw  *fault.Error // nil unless the response throws
}

var (
	// ErrNoTestCase says the test case named is not in the file.
	ErrNoTestCase = errors.New("mock test case not found")
	// ErrNoResponse says a mocked state was invoked more often than its
	// mocked response covers.
	ErrNoResponse = errors.New("no mocked response for this invocation")
)

var keyRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(0|[1-9][0-9]*)(?:-(0|[1-9][0-9]*))?$`) })

// Parse reads a mock file; name is used in error messages only. All
// problems are reported at once, as Errors.
func Parse(name string, data []byte) (*Config, error) {
	p := &parser{name: name, data: data}
	root, err := jsonvalue.Unmarshal(data)
	if err != nil {
		return nil, &Error{File: name, Msg: fmt.Sprintf("not valid JSON: %v", err)}
	}
	p.pos = jsonpos.Index(data)
	c := p.config(root)
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	return c, nil
}

type parser struct {
	name string
	data []byte
	pos  jsonpos.Positions
	errs Errors
}

func (p *parser) errorf(ptr, format string, args ...any) {
	e := p.locate(ptr)
	e.Msg = fmt.Sprintf(format, args...)
	p.errs = append(p.errs, &e)
}

// locate is an Error, without its message, at the value ptr points to.
func (p *parser) locate(ptr string) Error {
	e := Error{File: p.name, Pointer: ptr}
	if off, ok := p.pos[ptr]; ok {
		e.Line, e.Column = jsonpos.LineCol(p.data, off)
	}
	return e
}

// object checks v is an object with only the allowed keys (any when nil).
func (p *parser) object(ptr string, v any, what string, allowed ...string) (map[string]any, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		p.errorf(ptr, "%s must be an object, got %s", what, jsonvalue.String(v))
		return nil, false
	}
	if allowed != nil {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if !slices.Contains(allowed, k) {
				p.errorf(ptr+"/"+escape(k), "unknown field %q in %s (allowed: %v)", k, what, allowed)
			}
		}
	}
	return m, true
}

func (p *parser) config(root any) *Config {
	c := &Config{machines: map[string]map[string]*TestCase{}, responses: map[string]*MockedResponse{}}
	top, ok := p.object("", root, "the mock config", "StateMachines", "MockedResponses")
	if !ok {
		return c
	}
	for _, k := range []string{"StateMachines", "MockedResponses"} {
		if _, ok := top[k]; !ok {
			p.errorf("", "missing required field %q", k)
		}
	}
	if mr, ok := top["MockedResponses"]; ok {
		if m, ok := p.object("/MockedResponses", mr, "MockedResponses"); ok {
			for _, name := range slices.Sorted(maps.Keys(m)) {
				c.responses[name] = p.mockedResponse("/MockedResponses/"+escape(name), name, m[name])
			}
		}
	}
	if sm, ok := top["StateMachines"]; ok {
		if m, ok := p.object("/StateMachines", sm, "StateMachines"); ok {
			for _, machine := range slices.Sorted(maps.Keys(m)) {
				c.machines[machine] = p.machine("/StateMachines/"+escape(machine), machine, m[machine], c.responses)
			}
		}
	}
	return c
}

func (p *parser) machine(ptr, machine string, v any, responses map[string]*MockedResponse) map[string]*TestCase {
	out := map[string]*TestCase{}
	m, ok := p.object(ptr, v, "a state machine entry", "TestCases")
	if !ok {
		return out
	}
	tcs, ok := m["TestCases"]
	if !ok {
		p.errorf(ptr, "missing required field \"TestCases\"")
		return out
	}
	tcm, ok := p.object(ptr+"/TestCases", tcs, "TestCases")
	if !ok {
		return out
	}
	for _, name := range slices.Sorted(maps.Keys(tcm)) {
		tptr := ptr + "/TestCases/" + escape(name)
		states, ok := p.object(tptr, tcm[name], "a test case")
		if !ok {
			continue
		}
		tc := &TestCase{Machine: machine, Name: name, states: map[string]*MockedResponse{}, where: map[string]Error{}}
		for _, state := range slices.Sorted(maps.Keys(states)) {
			sptr := tptr + "/" + escape(state)
			ref, ok := states[state].(string)
			if !ok {
				p.errorf(sptr, "the mocked response of state %q must be the name of a MockedResponses entry, got %s", state, jsonvalue.String(states[state]))
				continue
			}
			mr, ok := responses[ref]
			if !ok {
				p.errorf(sptr, "state %q refers to mocked response %q, which is not in MockedResponses", state, ref)
				continue
			}
			tc.states[state] = mr
			tc.where[state] = p.locate(sptr)
		}
		out[name] = tc
	}
	return out
}

func (p *parser) mockedResponse(ptr, name string, v any) *MockedResponse {
	mr := &MockedResponse{Name: name}
	m, ok := p.object(ptr, v, "a mocked response")
	if !ok {
		return mr
	}
	// An empty response is accepted, as Step Functions Local does; using
	// it fails at the first invocation (ErrNoResponse).
	for _, key := range slices.Sorted(maps.Keys(m)) {
		kptr := ptr + "/" + escape(key)
		g := keyRE().FindStringSubmatch(key)
		if g == nil {
			p.errorf(kptr, "invocation key %q must be a number (\"0\") or a range (\"1-2\")", key)
			continue
		}
		from, err1 := strconv.Atoi(g[1])
		to := from
		var err2 error
		if g[2] != "" {
			to, err2 = strconv.Atoi(g[2])
		}
		if err1 != nil || err2 != nil || to < from {
			p.errorf(kptr, "invocation range %q is empty or too large", key)
			continue
		}
		resp, ok := p.response(kptr, m[key])
		if ok {
			mr.steps = append(mr.steps, step{from: from, to: to, resp: resp})
		}
	}
	slices.SortFunc(mr.steps, func(a, b step) int { return a.from - b.from })
	next := 0
	for _, s := range mr.steps {
		key := keyOf(s)
		switch {
		case s.from > next:
			p.errorf(ptr+"/"+escape(key), "invocations %s are not mocked: keys must cover every invocation from 0 without gaps", rangeText(next, s.from-1))
		case s.from < next:
			p.errorf(ptr+"/"+escape(key), "invocation key %q overlaps an earlier key", key)
		}
		next = max(next, s.to+1)
	}
	return mr
}

func keyOf(s step) string {
	if s.from == s.to {
		return strconv.Itoa(s.from)
	}
	return fmt.Sprintf("%d-%d", s.from, s.to)
}

func rangeText(from, to int) string {
	if from == to {
		return strconv.Itoa(from)
	}
	return fmt.Sprintf("%d-%d", from, to)
}

func (p *parser) response(ptr string, v any) (Response, bool) {
	m, ok := p.object(ptr, v, "a response", "Return", "Throw")
	if !ok {
		return Response{}, false
	}
	ret, hasReturn := m["Return"]
	th, hasThrow := m["Throw"]
	switch {
	case hasReturn && hasThrow:
		p.errorf(ptr, "a response has either Return or Throw, not both")
		return Response{}, false
	case hasReturn:
		return Response{Return: ret}, true
	case !hasThrow:
		p.errorf(ptr, "a response needs Return or Throw")
		return Response{}, false
	}
	tptr := ptr + "/Throw"
	tm, ok := p.object(tptr, th, "Throw", "Error", "Cause")
	if !ok {
		return Response{}, false
	}
	var f fault.Error
	valid := true
	for _, field := range []struct {
		key string
		dst *string
	}{{"Error", &f.Name}, {"Cause", &f.Cause}} {
		v, ok := tm[field.key]
		if !ok {
			p.errorf(tptr, "Throw needs both Error and Cause; %s is missing", field.key)
			valid = false
			continue
		}
		s, ok := v.(string)
		if !ok {
			p.errorf(tptr+"/"+field.key, "Throw %s must be a string, got %s", field.key, jsonvalue.String(v))
			valid = false
			continue
		}
		*field.dst = s
	}
	if !valid {
		return Response{}, false
	}
	return Response{Throw: &f}, true
}
