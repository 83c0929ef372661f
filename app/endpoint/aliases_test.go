package endpoint

import (
	"strings"
	"testing"
)

func TestVersionsAndAliases(t *testing.T) {
	s := newTestServer(t, Options{})
	arn := mustCall(t, s, "CreateStateMachine", map[string]any{"name": "m", "definition": passDef, "roleArn": role, "publish": true}).str("stateMachineArn")
	v1 := arn + ":1"
	if p := mustCall(t, s, "PublishStateMachineVersion", map[string]any{"stateMachineArn": arn}); p.str("stateMachineVersionArn") != v1 {
		t.Fatalf("publishing the same revision again: %v", p.Body)
	}
	u := mustCall(t, s, "UpdateStateMachine", map[string]any{"stateMachineArn": arn, "definition": strings.Replace(passDef, `"x":1`, `"x":2`, 1), "publish": true, "versionDescription": "two"})
	v2 := u.str("stateMachineVersionArn")
	if v2 != arn+":2" || u.str("revisionId") == "" {
		t.Fatal(u.Body)
	}
	if d := mustCall(t, s, "DescribeStateMachine", map[string]any{"stateMachineArn": v2}); d.str("description") != "two" || d.str("stateMachineArn") != v2 {
		t.Fatal(d.Body)
	}
	lv := mustCall(t, s, "ListStateMachineVersions", map[string]any{"stateMachineArn": arn})
	if vs := lv.Body["stateMachineVersions"].([]any); len(vs) != 2 || vs[0].(map[string]any)["stateMachineVersionArn"] != v2 {
		t.Fatal(lv.Body)
	}
	route := func(pairs ...any) []map[string]any {
		var out []map[string]any
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, map[string]any{"stateMachineVersionArn": pairs[i], "weight": pairs[i+1]})
		}
		return out
	}
	cases := []struct {
		name    string
		alias   string
		routing []map[string]any
		errType string
		msg     string
	}{
		{"digits only", "123", route(v1, 100), errValidation, "Value '123' at 'name'"},
		{"bad char", "ALIAS@", route(v1, 100), errValidation, "regular expression"},
		{"not a version", "a", route(arn, 100), errValidation, "Routing configuration must contain state machine version ARNs. Received: [" + arn + "]"},
		{"duplicate", "a", route(v1, 50, v1, 50), errValidation, "distinct"},
		{"weights", "a", route(v1, 70, v2, 29), errValidation, "Sum of routing configuration weights must equal 100. Received: [70, 29]"},
		{"weight too big", "a", route(v1, 101), errValidation, "Value '101' at 'routingConfiguration.1.member.weight'"},
		{"three", "a", route(v1, 50, v2, 30, v1, 20), errValidation, "Member must have length less than or equal to 2"},
		{"ok", "prod", route(v1, 50, v2, 50), "", ""},
	}
	for _, c := range cases {
		a := call(t, s, "CreateStateMachineAlias", map[string]any{"name": c.alias, "routingConfiguration": c.routing})
		if c.errType == "" {
			if a.Status != 200 || a.str("stateMachineAliasArn") != arn+":prod" {
				t.Fatalf("%s: %v", c.name, a.Body)
			}
			continue
		}
		if a.errType() != c.errType || !strings.Contains(a.str("message"), c.msg) {
			t.Errorf("%s: %s %q", c.name, a.errType(), a.str("message"))
		}
	}
	alias := arn + ":prod"
	if again := call(t, s, "CreateStateMachineAlias", map[string]any{"name": "prod", "routingConfiguration": route(v1, 100)}); again.errType() != errConflict {
		t.Fatal(again.Body)
	}
	if del := call(t, s, "DeleteStateMachineVersion", map[string]any{"stateMachineVersionArn": v1}); del.errType() != errConflict ||
		del.str("message") != "Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [prod]" {
		t.Fatal(del.Body)
	}
	if tv := call(t, s, "TagResource", map[string]any{"resourceArn": v1, "tags": []map[string]string{{"key": "k", "value": "v"}}}); tv.errType() != errResourceNotFound || tv.str("message") != "Resource not found: '"+v1+"'" {
		t.Fatal(tv.Body)
	}
	if uv := call(t, s, "UpdateStateMachine", map[string]any{"stateMachineArn": v1, "definition": passDef}); uv.errType() != errSMDoesNotExist || uv.str("message") != "State Machine Does Not Exist: '"+v1+"'" {
		t.Fatal(uv.Body)
	}
	ex := mustCall(t, s, "StartExecution", map[string]any{"stateMachineArn": alias}).str("executionArn")
	d := waitStatus(t, s, ex)
	if d.str("stateMachineAliasArn") != alias || (d.str("stateMachineVersionArn") != v1 && d.str("stateMachineVersionArn") != v2) {
		t.Fatal(d.Body)
	}
	if l := mustCall(t, s, "ListExecutions", map[string]any{"stateMachineArn": alias}); len(l.Body["executions"].([]any)) != 1 {
		t.Fatal(l.Body)
	}
	mustCall(t, s, "UpdateStateMachineAlias", map[string]any{"stateMachineAliasArn": alias, "description": "d"})
	if da := mustCall(t, s, "DescribeStateMachineAlias", map[string]any{"stateMachineAliasArn": alias}); da.str("description") != "d" || da.Body["updateDate"] == nil {
		t.Fatal(da.Body)
	}
	mustCall(t, s, "DeleteStateMachineAlias", map[string]any{"stateMachineAliasArn": alias})
	if gone := call(t, s, "UpdateStateMachineAlias", map[string]any{"stateMachineAliasArn": alias, "description": "x"}); gone.errType() != errResourceNotFound {
		t.Fatal(gone.Body)
	}
	mustCall(t, s, "DeleteStateMachineVersion", map[string]any{"stateMachineVersionArn": v1})
	if bad := call(t, s, "ListStateMachineAliases", map[string]any{"stateMachineArn": arn, "nextToken": "garbage"}); bad.errType() != errInvalidToken || bad.str("message") != "Invalid Token: 'Invalid token'" {
		t.Fatal(bad.Body)
	}
}

func TestTags(t *testing.T) {
	s := newTestServer(t, Options{})
	arn := createMachine(t, s, "m", passDef)
	mustCall(t, s, "TagResource", map[string]any{"resourceArn": arn, "tags": []map[string]string{{"key": "a", "value": "1"}, {"key": "b", "value": "2"}}})
	mustCall(t, s, "TagResource", map[string]any{"resourceArn": arn, "tags": []map[string]string{{"key": "a", "value": "3"}}})
	mustCall(t, s, "UntagResource", map[string]any{"resourceArn": arn, "tagKeys": []string{"b"}})
	l := mustCall(t, s, "ListTagsForResource", map[string]any{"resourceArn": arn})
	tags := l.Body["tags"].([]any)
	if len(tags) != 1 || tags[0].(map[string]any)["value"] != "3" {
		t.Fatal(l.Body)
	}
	if nf := call(t, s, "ListTagsForResource", map[string]any{"resourceArn": arn + "x"}); nf.errType() != errResourceNotFound {
		t.Fatal(nf.Body)
	}
	if bad := call(t, s, "TagResource", map[string]any{"resourceArn": "nope", "tags": []map[string]string{}}); bad.errType() != errInvalidArn || bad.str("message") != "Invalid Arn: 'Invalid ARN prefix: nope'" {
		t.Fatal(bad.Body)
	}
}
