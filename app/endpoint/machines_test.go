package endpoint

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestCreateStateMachine(t *testing.T) {
	cases := []struct {
		name    string
		in      map[string]any
		errType string
		msg     string // part of the message
	}{
		{"valid", map[string]any{"name": "ok", "definition": passDef, "roleArn": role}, "", ""},
		{"express", map[string]any{"name": "ex", "definition": passDef, "roleArn": role, "type": "EXPRESS"}, "", ""},
		{"bad name", map[string]any{"name": "a b", "definition": passDef, "roleArn": role}, errInvalidName, "Invalid Name: 'a b'"},
		{"bad type", map[string]any{"name": "t", "definition": passDef, "roleArn": role, "type": "FAST"}, errValidation, "type"},
		{"no States", map[string]any{"name": "d", "definition": `{"StartAt":"A"}`, "roleArn": role}, errInvalidDefinition,
			"Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'"},
		{"express with activity", map[string]any{"name": "e2", "type": "EXPRESS", "roleArn": role,
			"definition": `{"StartAt":"ActivityTask","States":{"ActivityTask":{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:a","End":true}}}`},
			errInvalidDefinition, "SCHEMA_VALIDATION_FAILED: Express state machine does not support Activity ARN at /States/ActivityTask/Resource"},
		{"description without publish", map[string]any{"name": "v", "definition": passDef, "roleArn": role, "versionDescription": "x"},
			errValidation, "Version description can only be set when publish is true"},
		{"bad role", map[string]any{"name": "r", "definition": passDef, "roleArn": "nope"}, errInvalidArn, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newTestServer(t, Options{})
			a := call(t, s, "CreateStateMachine", c.in)
			if c.errType == "" {
				if a.Status != 200 || !strings.HasPrefix(a.str("stateMachineArn"), "arn:aws:states:us-east-1:123456789012:stateMachine:") {
					t.Fatalf("%d %v", a.Status, a.Body)
				}
				if _, ok := a.Body["creationDate"].(float64); !ok {
					t.Errorf("creationDate is not epoch seconds: %v", a.Body["creationDate"])
				}
				return
			}
			if a.Status != 400 || a.errType() != c.errType || !strings.Contains(a.str("message"), c.msg) {
				t.Fatalf("%d %s %q", a.Status, a.errType(), a.str("message"))
			}
		})
	}
}

func TestCreateIsIdempotent(t *testing.T) {
	s := newTestServer(t, Options{})
	a1 := createMachine(t, s, "m", passDef)
	a2 := createMachine(t, s, "m", passDef)
	if a1 != a2 {
		t.Fatalf("%s != %s", a1, a2)
	}
	otherRole := mustCall(t, s, "CreateStateMachine", map[string]any{"name": "m", "definition": passDef, "roleArn": role + "2"})
	if otherRole.str("stateMachineArn") != a1 {
		t.Fatalf("a different role is ignored by AWS: %v", otherRole.Body)
	}
	other := call(t, s, "CreateStateMachine", map[string]any{"name": "m", "definition": strings.Replace(passDef, `"x":1`, `"x":2`, 1), "roleArn": role})
	if other.errType() != errSMAlreadyExists || other.str("message") != "State Machine Already Exists: '"+a1+"'" {
		t.Fatalf("%v", other.Body)
	}
}

func TestDescribeUpdateDeleteList(t *testing.T) {
	s := newTestServer(t, Options{})
	arn := createMachine(t, s, "m", passDef)
	d := mustCall(t, s, "DescribeStateMachine", map[string]any{"stateMachineArn": arn})
	for k, want := range map[string]string{"name": "m", "status": "ACTIVE", "type": "STANDARD", "definition": passDef, "roleArn": role} {
		if d.str(k) != want {
			t.Errorf("%s = %q, want %q", k, d.str(k), want)
		}
	}
	if lc, _ := d.Body["loggingConfiguration"].(map[string]any); lc["level"] != "OFF" {
		t.Errorf("logging %v", d.Body["loggingConfiguration"])
	}
	missing := call(t, s, "UpdateStateMachine", map[string]any{"stateMachineArn": arn})
	if missing.errType() != "MissingRequiredParameter" {
		t.Errorf("%v", missing.Body)
	}
	newDef := strings.Replace(passDef, `"x":1`, `"x":3`, 1)
	u := mustCall(t, s, "UpdateStateMachine", map[string]any{"stateMachineArn": arn, "definition": newDef, "publish": true})
	if u.str("stateMachineVersionArn") != arn+":1" || u.str("revisionId") == "" {
		t.Errorf("%v", u.Body)
	}
	d = mustCall(t, s, "DescribeStateMachine", map[string]any{"stateMachineArn": arn})
	if d.str("definition") != newDef {
		t.Errorf("definition not updated")
	}
	for i := range 3 {
		createMachine(t, s, "more"+string(rune('a'+i)), passDef)
	}
	l := mustCall(t, s, "ListStateMachines", map[string]any{"maxResults": 2})
	if n := len(l.Body["stateMachines"].([]any)); n != 2 || l.str("nextToken") == "" {
		t.Fatalf("page of %d, token %q", n, l.str("nextToken"))
	}
	l2 := mustCall(t, s, "ListStateMachines", map[string]any{"maxResults": 2, "nextToken": l.str("nextToken")})
	if n := len(l2.Body["stateMachines"].([]any)); n != 2 || l2.str("nextToken") != "" {
		t.Fatalf("second page of %d, token %q", n, l2.str("nextToken"))
	}
	bad := call(t, s, "ListStateMachines", map[string]any{"maxResults": 1001})
	if bad.errType() != errValidation {
		t.Errorf("%v", bad.Body)
	}
	mustCall(t, s, "DeleteStateMachine", map[string]any{"stateMachineArn": arn})
	gone := call(t, s, "DescribeStateMachine", map[string]any{"stateMachineArn": arn})
	if gone.errType() != errSMDoesNotExist || gone.str("message") != "State Machine Does Not Exist: '"+arn+"'" {
		t.Errorf("%v", gone.Body)
	}
	mustCall(t, s, "DeleteStateMachine", map[string]any{"stateMachineArn": arn}) // AWS: again is fine
}

func TestValidateDefinition(t *testing.T) {
	s := newTestServer(t, Options{})
	cases := []struct {
		def, result, code, msg string
	}{
		{passDef, "OK", "", ""},
		{"", "FAIL", "SCHEMA_VALIDATION_FAILED", "Definition must be a valid JSON object"},
		{"{}", "FAIL", "SCHEMA_VALIDATION_FAILED", "These fields are required: [States, StartAt]"},
		{"not a definition", "FAIL", "INVALID_JSON_DESCRIPTION", ""},
	}
	for _, c := range cases {
		a := mustCall(t, s, "ValidateStateMachineDefinition", map[string]any{"definition": c.def})
		if a.str("result") != c.result {
			t.Errorf("%q: result %v", c.def, a.Body)
			continue
		}
		ds := a.Body["diagnostics"].([]any)
		if c.code == "" {
			if len(ds) != 0 {
				t.Errorf("%q: %v", c.def, ds)
			}
			continue
		}
		d := ds[0].(map[string]any)
		if d["code"] != c.code || (c.msg != "" && d["message"] != c.msg) {
			t.Errorf("%q: %v", c.def, d)
		}
	}
}

func TestLoggingConfiguration(t *testing.T) {
	dest := []map[string]any{{"cloudWatchLogsLogGroup": map[string]string{"logGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:g:*"}}}
	cases := []struct {
		name    string
		lc      map[string]any
		errType string
		want    string // the loggingConfiguration described, as JSON
	}{
		{"none", nil, "", `{"includeExecutionData":false,"level":"OFF"}`},
		{"off with empty destinations", map[string]any{"level": "OFF", "destinations": []any{}}, "", `{"destinations":[],"includeExecutionData":false,"level":"OFF"}`},
		{"all with one", map[string]any{"level": "ALL", "includeExecutionData": true, "destinations": dest}, "", ""},
		{"all without", map[string]any{"level": "ALL"}, errInvalidLogging, ""},
		{"two destinations", map[string]any{"level": "ERROR", "destinations": append(dest, dest...)}, errInvalidLogging, ""},
	}
	for i, c := range cases {
		s := newTestServer(t, Options{})
		in := map[string]any{"name": "m" + string(rune('a'+i)), "definition": passDef, "roleArn": role}
		if c.lc != nil {
			in["loggingConfiguration"] = c.lc
		}
		a := call(t, s, "CreateStateMachine", in)
		if c.errType != "" {
			if a.errType() != c.errType || a.str("message") != "Invalid Logging Configuration: Must specify exactly one Log Destination." {
				t.Errorf("%s: %v", c.name, a.Body)
			}
			continue
		}
		d := mustCall(t, s, "DescribeStateMachine", map[string]any{"stateMachineArn": a.str("stateMachineArn")})
		got, _ := json.Marshal(d.Body["loggingConfiguration"])
		if c.want != "" && string(got) != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// AWS's recorded answers of ValidateStateMachineDefinition that differ
// from the studio's wording (test_sfn_api_validation).
func TestValidateAWSWording(t *testing.T) {
	s := newTestServer(t, Options{})
	cases := []struct{ def, msg, loc string }{
		{"not a definition",
			"Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)\"not a definition\"; line: 1, column: 4]",
			"[Source: (String)\"not a definition\"; line: 1, column: 4]"},
		{`{"QueryLanguage":"JSONata","StartAt":"Pass","States":{"Pass":{"Type":"Pass","QueryLanguage":"JSONPath","End":true}}}`,
			"'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", "/States/Pass"},
	}
	for _, c := range cases {
		a := mustCall(t, s, "ValidateStateMachineDefinition", map[string]any{"definition": c.def})
		d := a.Body["diagnostics"].([]any)[0].(map[string]any)
		if d["message"] != c.msg || d["location"] != c.loc {
			t.Errorf("%s:\n got %q at %q\nwant %q at %q", c.def, d["message"], d["location"], c.msg, c.loc)
		}
	}
}
