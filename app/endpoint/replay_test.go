package endpoint_test

// TestReplay replays LocalStack's Step Functions API tests (translated to
// testdata/replay/*.json by scripts/replay_gen.py, hand translations in
// testdata/replay/hand/) against the endpoint over real HTTP and compares
// every answer with what AWS recorded (../shared/corpus/api, beside the
// checkout). Calls listed in testdata/replay/known_failures.txt must fail
// and are reported; together at most 10% of the replayed calls.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// corpusAPI holds the AWS-recorded API tests (see its README).
const corpusAPI = "../../../shared/corpus/api"

// replayOutcome is what happened to one recorded call.
type replayOutcome struct {
	test, op string
	call     int
	problems []string // empty: the answer matches AWS's
}

func (o replayOutcome) id() string { return fmt.Sprintf("%s #%d", o.test, o.call) }

// replayOnly narrows a run to some tests while fixing them:
// go test ./app/endpoint -run TestReplay -args -replay.test=alias
var replayOnly = flag.String("replay.test", "", "replay only the tests whose id contains this text")

func TestReplay(t *testing.T) {
	if _, err := os.Stat(corpusAPI); err != nil {
		t.Skipf("corpus absent: %s (the shared corpus sits beside the checkout)", corpusAPI)
	}
	files, err := loadReplayFiles("testdata/replay")
	if err != nil {
		t.Fatal(err)
	}
	known := readKnownFailures(t, "testdata/replay/known_failures.txt")
	var all []replayOutcome
	var skippedLines []string
	for _, f := range files {
		snap, err := loadSnapshot(corpusAPI, f.Source)
		if err != nil {
			t.Fatal(err)
		}
		// Cases are independent (a server each): replay four at a time,
		// report in order.
		results := make([][]replayOutcome, len(f.Cases))
		sem := make(chan struct{}, 4)
		var wg sync.WaitGroup
		for i, c := range f.Cases {
			if !strings.Contains(c.Test, *replayOnly) {
				continue
			}
			recorded, month, ok := snap.recorded(c.Test)
			if !ok {
				t.Errorf("%s: %s has no recording in the snapshot", f.Source, c.Test)
				continue
			}
			checkTranslation(t, c, recorded)
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer func() { <-sem; wg.Done() }()
				results[i] = replayCaseOn(t, f, c, recorded, month)
			}()
		}
		wg.Wait()
		var outcomes []replayOutcome
		for i, c := range f.Cases {
			got := results[i]
			if got == nil {
				continue // not replayed (-replay.test)
			}
			outcomes = append(outcomes, got...)
			pass := 0
			for _, o := range got {
				if len(o.problems) == 0 {
					pass++
				}
			}
			t.Logf("%s %s: %d/%d calls match", f.Source, c.Test, pass, len(got))
		}
		pass := 0
		for _, o := range outcomes {
			if len(o.problems) == 0 {
				pass++
			}
		}
		tests := len(f.Cases) + len(f.Skipped)
		fmt.Printf("replay %-38s %3d/%-3d tests replayed, %3d/%-3d calls and asserts match AWS\n",
			f.Source, len(f.Cases), tests, pass, len(outcomes))
		for _, s := range f.Skipped {
			why := s.Reason
			if len(s.Needs) > 0 {
				why = "needs " + strings.Join(s.Needs, ", ")
			}
			skippedLines = append(skippedLines, fmt.Sprintf("  %s %s: %s", f.Source, s.Test, why))
		}
		all = append(all, outcomes...)
	}

	pass, seen := 0, map[string]bool{}
	failClass := map[string]int{}
	for _, o := range all {
		seen[o.id()] = true
		_, isKnown := known[o.id()]
		switch {
		case len(o.problems) == 0 && isKnown:
			t.Errorf("%s (%s) matches AWS now: remove it from known_failures.txt", o.id(), o.op)
			pass++
		case len(o.problems) == 0:
			pass++
		case isKnown:
			t.Logf("known failure %s (%s): %s\n    now: %s", o.id(), o.op, known[o.id()], strings.Join(o.problems, "\n    now: "))
		default:
			t.Errorf("%s (%s):\n    %s", o.id(), o.op, strings.Join(o.problems, "\n    "))
		}
		if len(o.problems) > 0 {
			failClass[o.op+": "+classOf(o.problems[0])]++
		}
	}
	for id := range known {
		if !seen[id] && *replayOnly == "" {
			t.Errorf("known failure %q is not a replayed call", id)
		}
	}
	if limit := len(all) / 10; len(known) > limit && *replayOnly == "" {
		t.Errorf("%d known failures: at most %d (10%% of %d replayed calls)", len(known), limit, len(all))
	}
	fmt.Printf("replay total: %d/%d replayed calls and asserts match AWS (%.1f%%), %d known failures, %d tests skipped\n",
		pass, len(all), 100*float64(pass)/float64(max(len(all), 1)), len(known), len(skippedLines))
	classes := sortedKeys(failClass)
	sort.SliceStable(classes, func(i, j int) bool { return failClass[classes[i]] > failClass[classes[j]] })
	for i, c := range classes {
		if i == 15 {
			break
		}
		fmt.Printf("  %4d  %s\n", failClass[c], c)
	}
	fmt.Println("replay skipped tests:\n" + strings.Join(skippedLines, "\n"))
}

// checkTranslation: every answer AWS recorded for a test is compared by
// some call of its translation, so a case cannot pass by leaving one out.
func checkTranslation(t *testing.T, c replayCase, recorded map[string]any) {
	matched := map[string]bool{}
	for _, call := range c.Call {
		for _, m := range call.Match {
			matched[m.Key] = true
		}
	}
	for _, k := range sortedKeys(recorded) {
		if !matched[k] {
			t.Errorf("%s: AWS's answer %q is compared by no call of the translation", c.Test, k)
		}
	}
}

var indexRE = regexp.MustCompile(`\[\d+\]`)

// classOf shortens a problem to its kind, for the summary of failure classes.
func classOf(p string) string {
	if rest, ok := strings.CutPrefix(p, "AWS answered, got error "); ok {
		code, _, _ := strings.Cut(rest, ":")
		return "answered " + code + " where AWS answered"
	}
	if strings.HasPrefix(p, "request: ") {
		return "could not build the request (an earlier call failed)"
	}
	// "key.a.b[2].c: diff" -> "c: diff": the place, not the snapshot key
	if i := strings.Index(p, ": "); i >= 0 && !strings.Contains(p[:i], " ") {
		where := indexRE.ReplaceAllString(p[:i], "[]")
		if j := strings.LastIndex(where, "."); j >= 0 {
			where = where[j+1:]
		} else {
			where = "answer" // the snapshot key itself
		}
		p = where + ": " + p[i+2:]
	}
	for _, cut := range []string{" (AWS:", " (got", ", got", " got "} {
		if i := strings.Index(p, cut); i >= 0 {
			p = p[:i]
		}
	}
	if len(p) > 90 {
		p = p[:90]
	}
	return p
}

// replayCaseOn runs one case on a fresh endpoint.
func replayCaseOn(t *testing.T, f *replayFile, c replayCase, recorded map[string]any, month string) []replayOutcome {
	h, closeServer, err := newReplayServer()
	if err != nil { // runs on a worker goroutine: report, never t.Fatal
		t.Errorf("%s: endpoint.New: %v", c.Test, err)
		return nil
	}
	srv := httptest.NewServer(h)
	done := make(chan struct{}) // stops the case's activity workers
	var workers sync.WaitGroup
	defer func() {
		close(done)
		workers.Wait()
		srv.Close()
		closeServer()
	}()
	r := &replayer{
		url: srv.URL, strings: f.Strings, answers: map[int]any{},
		uid: fmt.Sprintf("%x", time.Now().UnixNano()%0xfffff), b: newBinder(c.Aliases),
	}
	r.b.recorded = month
	var out []replayOutcome
	for _, call := range c.Call {
		params, err := r.resolve(call.Params)
		if err != nil {
			out = append(out, replayOutcome{c.Test, call.Op, call.ID, []string{"request: " + err.Error()}})
			continue
		}
		if call.Op == "$worker" {
			workers.Add(1)
			go func() {
				defer workers.Done()
				if err := r.work(params, done); err != nil {
					t.Logf("%s #%d: activity worker: %v", c.Test, call.ID, err)
				}
			}()
			continue
		}
		if call.Op == "$assert" {
			o := replayOutcome{test: c.Test, op: "$assert", call: call.ID}
			if err := check(params); err != nil {
				o.problems = append(o.problems, fmt.Sprintf("assert %s: %v", call.Text, err))
			}
			out = append(out, o)
			continue
		}
		if call.Op == "$wait" {
			if err := r.wait(params, call.Until); err != nil {
				// a wait records nothing: its failure shows in the calls after it
				t.Logf("%s #%d: %v", c.Test, call.ID, err)
			}
			continue
		}
		if clientSide(call, recorded) {
			continue // boto3 refused it before sending: nothing reaches a server
		}
		var ans answer
		if call.Op == "$paginate" {
			ans = r.paginate(params)
		} else {
			ans = r.send(call.Op, params)
		}
		r.answers[call.ID] = ans.body
		o := replayOutcome{test: c.Test, op: call.Op, call: call.ID}
		switch {
		case call.ExpectError && ans.errCode == "":
			o.problems = append(o.problems, fmt.Sprintf("AWS answered an error, got HTTP %d %s", ans.status, show(ans.body)))
		case !call.ExpectError && ans.errCode != "":
			o.problems = append(o.problems, fmt.Sprintf("AWS answered, got error %s: %s (HTTP %d)", ans.errCode, ans.errMsg, ans.status))
		default:
			for _, m := range call.Match {
				exp, ok := recorded[m.Key]
				if !ok {
					o.problems = append(o.problems, fmt.Sprintf("snapshot key %q not recorded", m.Key))
					continue
				}
				gotV, err := r.shape(call.Op, ans, m)
				if err != nil {
					o.problems = append(o.problems, fmt.Sprintf("%s: %v", m.Key, err))
					continue
				}
				if c.SortVariableReferences {
					exp = sortVariableReferences(clone(exp))
					gotV = sortVariableReferences(gotV)
				}
				var ms []mismatch
				r.b.compare("$", exp, gotV, &ms)
				for _, x := range ms {
					o.problems = append(o.problems, fmt.Sprintf("%s: %s", m.Key+strings.TrimPrefix(x.Path, "$"), x.Diff))
				}
			}
		}
		out = append(out, o)
	}
	return out
}

func clone(v any) any {
	raw, _ := json.Marshal(v)
	var out any
	_ = json.Unmarshal(raw, &out)
	return out
}

// clientSide: the recording is boto3's own parameter check, never sent.
func clientSide(call replayCall, recorded map[string]any) bool {
	for _, m := range call.Match {
		switch rec := recorded[m.Key].(type) {
		case map[string]any:
			if rec["exception_typename"] == "ParamValidationError" {
				return true
			}
		case string:
			if strings.HasPrefix(rec, "Parameter validation failed:") {
				return true
			}
		}
	}
	return false
}

// answer is one HTTP answer, decoded.
type answer struct {
	status          int
	body            any
	errCode, errMsg string
}

type replayer struct {
	url     string
	strings map[string]string
	answers map[int]any
	uid     string
	b       *binder
}

// send makes a real AWS JSON 1.0 request with a SigV4-shaped signature.
func (r *replayer) send(op string, params any) answer {
	raw, _ := json.Marshal(params)
	req, _ := http.NewRequest(http.MethodPost, r.url+"/", bytes.NewReader(raw))
	now := time.Now().UTC()
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	req.Header.Set("X-Amz-Target", "AWSStepFunctions."+op)
	req.Header.Set("X-Amz-Date", now.Format("20060102T150405Z"))
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDREPLAY/"+now.Format("20060102")+
		"/us-east-1/states/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature="+
		strings.Repeat("0f", 32))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return answer{status: 0, errCode: "transport", errMsg: err.Error()}
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	a := answer{status: resp.StatusCode}
	if len(bytes.TrimSpace(data)) > 0 {
		if err := json.Unmarshal(data, &a.body); err != nil {
			return answer{status: resp.StatusCode, errCode: "not JSON", errMsg: string(data)}
		}
	}
	if resp.StatusCode >= 300 {
		obj, _ := a.body.(map[string]any)
		code, _ := obj["__type"].(string)
		if code == "" {
			code = resp.Header.Get("X-Amzn-ErrorType")
		}
		// botocore keeps what follows '#' (and drops ":..." from the header)
		code = code[strings.LastIndex(code, "#")+1:]
		if i := strings.Index(code, ":"); i >= 0 {
			code = code[:i]
		}
		if code == "" {
			code = "HTTP " + strconv.Itoa(resp.StatusCode)
		}
		msg, _ := obj["message"].(string)
		if msg == "" {
			msg, _ = obj["Message"].(string)
		}
		a.errCode, a.errMsg = code, msg
	}
	return a
}

// shape turns an answer into what the test recorded under m.
func (r *replayer) shape(op string, a answer, m snapMatch) (any, error) {
	if a.errCode != "" {
		text := fmt.Sprintf("An error occurred (%s) when calling the %s operation: %s", a.errCode, op, a.errMsg)
		switch m.Form {
		case "str":
			return text, nil
		case "typename":
			return map[string]any{"exception_typename": a.errCode, "exception_value": text}, nil
		default:
			out := map[string]any{
				"Error":            map[string]any{"Code": a.errCode, "Message": a.errMsg},
				"ResponseMetadata": map[string]any{"HTTPHeaders": map[string]any{}, "HTTPStatusCode": float64(a.status)},
			}
			if obj, ok := a.body.(map[string]any); ok {
				if msg, ok := obj["message"]; ok {
					out["message"] = msg
				}
			}
			return out, nil
		}
	}
	if m.Form != "" {
		return nil, fmt.Errorf("AWS answered an error, got HTTP %d %s", a.status, show(a.body))
	}
	if len(m.Path) == 0 {
		out := map[string]any{}
		if obj, ok := a.body.(map[string]any); ok {
			for k, v := range obj {
				out[k] = v
			}
		}
		out["ResponseMetadata"] = map[string]any{"HTTPHeaders": map[string]any{}, "HTTPStatusCode": float64(a.status)}
		if m.Filter != nil && len(m.Filter.At) > 0 { // the test filtered a list in place
			list, err := at(out, m.Filter.At)
			if err != nil {
				return nil, err
			}
			kept, err := r.filter(list, m.Filter)
			if err != nil {
				return nil, err
			}
			parent, _ := at(out, m.Filter.At[:len(m.Filter.At)-1])
			parent.(map[string]any)[m.Filter.At[len(m.Filter.At)-1].(string)] = kept
		}
		return out, nil
	}
	v, err := at(a.body, m.Path)
	if err != nil {
		return nil, err
	}
	if m.Filter != nil {
		if v, err = r.filter(v, m.Filter); err != nil {
			return nil, err
		}
	}
	if m.Slice != nil { // Python's list[lo:hi]
		l := asList(v)
		lo, hi := 0, len(l)
		if m.Slice[0] != nil {
			lo = pyIndex(*m.Slice[0], len(l))
		}
		if m.Slice[1] != nil {
			hi = pyIndex(*m.Slice[1], len(l))
		}
		v = []any{}
		if lo < hi {
			v = l[lo:hi]
		}
	}
	return v, nil
}

// filter keeps the items whose field is one of the values the test named.
func (r *replayer) filter(v any, f *replayFilter) (any, error) {
	var inRaw any
	if err := json.Unmarshal(f.In, &inRaw); err != nil {
		return nil, err
	}
	in, err := r.value(inRaw)
	if err != nil {
		return nil, err
	}
	wanted := map[string]bool{}
	for _, n := range asList(in) {
		wanted[fmt.Sprint(n)] = true
	}
	kept := []any{}
	for _, item := range asList(v) {
		if obj, ok := item.(map[string]any); ok && wanted[fmt.Sprint(obj[f.Field])] {
			kept = append(kept, item)
		}
	}
	return kept, nil
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// at follows a path of keys and indexes (Python's negative ones too).
func at(v any, path []any) (any, error) {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			obj, ok := v.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("no field %q in %s", k, show(v))
			}
			if v, ok = obj[k]; !ok {
				return nil, fmt.Errorf("no field %q in %s", k, show(obj))
			}
		case float64:
			l, ok := v.([]any)
			i := int(k)
			if i < 0 {
				i += len(l)
			}
			if !ok || i < 0 || i >= len(l) {
				return nil, fmt.Errorf("no item %d in %s", int(k), show(v))
			}
			v = l[i]
		}
	}
	return v, nil
}

// resolve builds a request from the case's params: {"$ref": call, "path"},
// {"$uid"}, {"$concat"}, {"$replace"}, {"$slice"}, {"$json"}, {"$str"}.
func (r *replayer) resolve(raw json.RawMessage) (any, error) {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	return r.value(v)
}

func (r *replayer) value(v any) (any, error) {
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i := range x {
			y, err := r.value(x[i])
			if err != nil {
				return nil, err
			}
			out[i] = y
		}
		return out, nil
	case map[string]any:
		if ref, ok := x["$ref"]; ok {
			ans, ok := r.answers[int(ref.(float64))]
			if !ok {
				return nil, fmt.Errorf("call %v was not answered", ref)
			}
			path, _ := x["path"].([]any)
			return at(ans, path)
		}
		if arg, ok := x["$len"]; ok {
			v, err := r.value(arg)
			if err != nil {
				return nil, err
			}
			switch l := v.(type) {
			case []any:
				return float64(len(l)), nil
			case map[string]any:
				return float64(len(l)), nil
			case string:
				return float64(len(l)), nil
			}
			return nil, fmt.Errorf("len of %s", show(v))
		}
		if n, ok := x["$uid"]; ok {
			return fmt.Sprintf("%s%02d", r.uid, int(n.(float64))), nil
		}
		if s, ok := x["$str"]; ok {
			return r.strings[s.(string)], nil
		}
		for _, op := range []string{"$concat", "$replace", "$slice", "$json"} {
			arg, ok := x[op]
			if !ok {
				continue
			}
			a, err := r.value(arg)
			if err != nil {
				return nil, err
			}
			return apply(op, a)
		}
		out := map[string]any{}
		for k, val := range x {
			y, err := r.value(val)
			if err != nil {
				return nil, err
			}
			out[k] = y
		}
		return out, nil
	}
	return v, nil
}

func apply(op string, a any) (any, error) {
	args := asList(a)
	switch op {
	case "$concat":
		var sb strings.Builder
		for _, p := range args {
			sb.WriteString(fmt.Sprint(p))
		}
		return sb.String(), nil
	case "$replace":
		return strings.ReplaceAll(fmt.Sprint(args[0]), fmt.Sprint(args[1]), fmt.Sprint(args[2])), nil
	case "$slice":
		s := fmt.Sprint(args[0])
		lo, hi := 0, len(s)
		if f, ok := args[1].(float64); ok {
			lo = pyIndex(int(f), len(s))
		}
		if f, ok := args[2].(float64); ok {
			hi = pyIndex(int(f), len(s))
		}
		if lo > hi {
			return "", nil
		}
		return s[lo:hi], nil
	case "$json":
		raw, err := json.Marshal(a)
		return string(raw), err
	}
	return nil, fmt.Errorf("unknown %s", op)
}

func pyIndex(i, n int) int {
	if i < 0 {
		i += n
	}
	return min(max(i, 0), n)
}

// waitLimit bounds a wait: the corpus's executions end in well under a
// second on a local engine, so longer means they will not end.
const waitLimit = 10 * time.Second

// wait polls the execution as LocalStack's await_* helpers do.
func (r *replayer) wait(params any, until string) error {
	p, _ := params.(map[string]any)
	deadline := time.Now().Add(waitLimit)
	for time.Now().Before(deadline) {
		switch until {
		case "started", "stateEntered":
			a := r.send("GetExecutionHistory", map[string]any{"executionArn": p["executionArn"]})
			obj, _ := a.body.(map[string]any)
			for _, e := range asList(obj["events"]) {
				typ, _ := e.(map[string]any)["type"].(string)
				if until == "started" || strings.HasSuffix(typ, "StateEntered") {
					return nil
				}
			}
		default:
			a := r.send("DescribeExecution", map[string]any{"executionArn": p["executionArn"]})
			obj, _ := a.body.(map[string]any)
			status, _ := obj["status"].(string)
			if (until == "terminated" && status != "" && status != "RUNNING") || status == until {
				return nil
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	return fmt.Errorf("execution did not reach %s in %v", until, waitLimit)
}

// paginate follows nextToken through every page of a list operation (a
// boto3 paginator) and answers {"items": all items}.
func (r *replayer) paginate(params any) answer {
	p, _ := params.(map[string]any)
	op, _ := p["operation"].(string)
	key, _ := p["items"].(string)
	req, _ := p["params"].(map[string]any)
	items := []any{}
	for page := 0; page < 1000; page++ {
		a := r.send(op, req)
		if a.errCode != "" {
			return a
		}
		obj, _ := a.body.(map[string]any)
		items = append(items, asList(obj[key])...)
		next, _ := obj["nextToken"].(string)
		if next == "" {
			return answer{status: a.status, body: map[string]any{"items": items}}
		}
		req = map[string]any{"nextToken": next}
		for k, v := range p["params"].(map[string]any) {
			req[k] = v
		}
		req["nextToken"] = next
	}
	return answer{status: 0, errCode: "paginate", errMsg: "more than 1000 pages"}
}

// work plays LocalStack's activity consumer: it polls the activity until
// it gets a task, then answers as the consumer's definition does.
func (r *replayer) work(params any, done <-chan struct{}) error {
	p, _ := params.(map[string]any)
	req := map[string]any{"activityArn": p["activityArn"]}
	if w, ok := p["workerName"]; ok {
		req["workerName"] = w
	}
	var task map[string]any
	for task == nil {
		select {
		case <-done:
			return nil
		default:
		}
		a := r.send("GetActivityTask", req)
		if a.errCode != "" {
			return fmt.Errorf("GetActivityTask: %s %s", a.errCode, a.errMsg)
		}
		if obj, ok := a.body.(map[string]any); ok && obj["taskToken"] != nil {
			task = obj
		} else {
			time.Sleep(50 * time.Millisecond)
		}
	}
	token, input := task["taskToken"], task["input"]
	pause := func(d time.Duration) bool {
		select {
		case <-done:
			return false
		case <-time.After(d):
			return true
		}
	}
	var a answer
	switch p["do"] {
	case "success":
		a = r.send("SendTaskSuccess", map[string]any{"taskToken": token, "output": input})
	case "fail":
		a = r.send("SendTaskFailure", map[string]any{"taskToken": token, "error": "Programmatic Error", "cause": input})
	case "heartbeat":
		if !pause(2 * time.Second) {
			return nil
		}
		if a = r.send("SendTaskHeartbeat", map[string]any{"taskToken": token}); a.errCode == "" && pause(2*time.Second) {
			a = r.send("SendTaskSuccess", map[string]any{"taskToken": token, "output": input})
		}
	case "take":
	}
	if a.errCode != "" {
		return fmt.Errorf("%s: %s", a.errCode, a.errMsg)
	}
	return nil
}

// check evaluates an assert the test made about an answer.
func check(params any) error {
	p, _ := params.(map[string]any)
	left, right := p["left"], p["right"]
	switch p["op"] {
	case "==", "!=":
		same := show(left) == show(right)
		if same != (p["op"] == "==") {
			return fmt.Errorf("%s %s %s is false", show(left), p["op"], show(right))
		}
	case "in", "not in":
		var found bool
		switch c := right.(type) {
		case map[string]any:
			_, found = c[fmt.Sprint(left)]
		case []any:
			for _, v := range c {
				found = found || show(v) == show(left)
			}
		case string:
			found = strings.Contains(c, fmt.Sprint(left))
		}
		if found != (p["op"] == "in") {
			return fmt.Errorf("%s %s %s is false", show(left), p["op"], show(right))
		}
	default:
		return fmt.Errorf("unknown operator %v", p["op"])
	}
	return nil
}

// readKnownFailures reads "Class::test[param] #call: reason" lines.
func readKnownFailures(t *testing.T, name string) map[string]string {
	out := map[string]string{}
	f, err := os.Open(name)
	if os.IsNotExist(err) {
		return out
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, reason, ok := strings.Cut(line, ": ")
		if !ok || strings.TrimSpace(reason) == "" {
			t.Errorf("%s: %q has no reason (want \"Class::test #call: reason\")", filepath.Base(name), line)
			continue
		}
		out[id] = reason
	}
	return out
}
