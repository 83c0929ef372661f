package mock_test

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
	"github.com/stepstudio/stepstudio/engine/mock"
)

func load(t *testing.T) *mock.Config {
	t.Helper()
	data, err := os.ReadFile("testdata/valid.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := mock.Parse("valid.json", data)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return c
}

func TestLookup(t *testing.T) {
	c := load(t)
	tc, err := c.TestCase("", "RetryPath")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		state      string
		invocation int
		mocked     bool
		throws     string // error name, "" for a Return
		ret        string // JSON of Return
	}{
		{"LambdaState", 0, true, "Lambda.ResourceNotReadyException", ""},
		{"LambdaState", 1, true, "Lambda.TimeoutException", ""},
		{"LambdaState", 2, true, "Lambda.TimeoutException", ""},
		{"LambdaState", 3, true, "", `{"StatusCode":200,"Payload":{"StatusCode":200,"body":"Hello from Lambda!"}}`},
		{"SQSState", 0, true, "", `{"MD5OfMessageBody":"3bcb6e8e-7h85-4375-b0bc-1a59812c6e51","MessageId":"3bcb6e8e-8b51-4375-b0bc-1a59812c6e51"}`},
		{"Unmocked", 0, false, "", ""},
	}
	for _, tt := range tests {
		resp, ok, err := tc.Response(tt.state, tt.invocation)
		if err != nil || ok != tt.mocked {
			t.Errorf("Response(%s, %d) = ok %v, err %v", tt.state, tt.invocation, ok, err)
			continue
		}
		if !ok {
			continue
		}
		if tt.throws != "" {
			if resp.Throw == nil || resp.Throw.Name != tt.throws || resp.Throw.Cause == "" {
				t.Errorf("Response(%s, %d).Throw = %v, want %s", tt.state, tt.invocation, resp.Throw, tt.throws)
			}
			continue
		}
		if resp.Throw != nil || jsonvalue.String(resp.Return) != tt.ret {
			t.Errorf("Response(%s, %d) = %s / %v, want %s", tt.state, tt.invocation, jsonvalue.String(resp.Return), resp.Throw, tt.ret)
		}
	}
	if _, _, err := tc.Response("LambdaState", 4); !errors.Is(err, mock.ErrNoResponse) {
		t.Errorf("invocation past the last: err = %v, want ErrNoResponse", err)
	}
	if !tc.Mocks("SQSState") || tc.Mocks("Nope") {
		t.Error("Mocks misreports")
	}
}

func TestEmptyResponseFailsWhenUsed(t *testing.T) {
	c, err := mock.Parse("f.json", []byte(`{"StateMachines": {"SM": {"TestCases": {"T": {"S": "Empty"}}}}, "MockedResponses": {"Empty": {}}}`))
	if err != nil {
		t.Fatalf("Parse rejected an empty response that AWS's tools accept: %v", err)
	}
	tc, err := c.TestCase("SM", "T")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := tc.Response("S", 0); !ok || !errors.Is(err, mock.ErrNoResponse) {
		t.Errorf("Response = ok %v, err %v; want ErrNoResponse", ok, err)
	}
}

func TestTestCaseSelection(t *testing.T) {
	c := load(t)
	if tc, err := c.TestCase("Other", "Shared"); err != nil || tc.Machine != "Other" {
		t.Errorf("TestCase(Other, Shared) = %v, %v", tc, err)
	}
	for _, tt := range []struct{ machine, name string }{{"", "Shared"}, {"", "Nope"}, {"Other", "HappyPath"}, {"Nope", "HappyPath"}} {
		if _, err := c.TestCase(tt.machine, tt.name); !errors.Is(err, mock.ErrNoTestCase) {
			t.Errorf("TestCase(%q, %q) err = %v, want ErrNoTestCase", tt.machine, tt.name, err)
		}
	}
}

func TestInvalid(t *testing.T) {
	tests := []struct {
		name, file string
		want       []string // "pointer@line:col" of each problem, in order
	}{
		{"not json", `{"StateMachines": `, nil},
		{"root not object", `[]`, []string{"@1:1"}},
		{"missing sections", `{}`, []string{"@1:1", "@1:1"}},
		{"unknown top field", `{"StateMachines": {}, "MockedResponses": {}, "Extra": 1}`, []string{"/Extra@1:55"}},
		{"gap", "{\"StateMachines\": {},\n \"MockedResponses\": {\"M\": {\"0\": {\"Return\": 1}, \"2\": {\"Return\": 2}}}}", []string{"/MockedResponses/M/2@2:53"}},
		{"not from zero", `{"StateMachines": {}, "MockedResponses": {"M": {"1-2": {"Return": 1}}}}`, []string{"/MockedResponses/M/1-2@1:56"}},
		{"overlap", `{"StateMachines": {}, "MockedResponses": {"M": {"0-2": {"Return": 1}, "2": {"Return": 1}}}}`, []string{"/MockedResponses/M/2@1:76"}},
		{"bad key", `{"StateMachines": {}, "MockedResponses": {"M": {"first": {"Return": 1}}}}`, []string{"/MockedResponses/M/first@1:58"}},
		{"reversed range", `{"StateMachines": {}, "MockedResponses": {"M": {"3-1": {"Return": 1}}}}`, []string{"/MockedResponses/M/3-1@1:56"}},
		{"throw without cause", `{"StateMachines": {}, "MockedResponses": {"M": {"0": {"Throw": {"Error": "E"}}}}}`, []string{"/MockedResponses/M/0/Throw@1:64"}},
		{"return and throw", `{"StateMachines": {}, "MockedResponses": {"M": {"0": {"Return": 1, "Throw": {"Error": "E", "Cause": "C"}}}}}`, []string{"/MockedResponses/M/0@1:54"}},
		{"dangling reference", `{"StateMachines": {"SM": {"TestCases": {"T": {"S": "Missing"}}}}, "MockedResponses": {}}`, []string{"/StateMachines/SM/TestCases/T/S@1:52"}},
		{"no test cases", `{"StateMachines": {"SM": {}}, "MockedResponses": {}}`, []string{"/StateMachines/SM@1:26"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := mock.Parse("f.json", []byte(tt.file))
			if err == nil {
				t.Fatal("Parse accepted an invalid file")
			}
			if tt.want == nil {
				if !strings.Contains(err.Error(), "not valid JSON") {
					t.Errorf("err = %v, want a JSON error", err)
				}
				return
			}
			var es mock.Errors
			if !errors.As(err, &es) || !errors.Is(err, mock.ErrInvalid) {
				t.Fatalf("err = %T %v, want mock.Errors", err, err)
			}
			var got []string
			for _, e := range es {
				got = append(got, e.Pointer+"@"+strconv.Itoa(e.Line)+":"+strconv.Itoa(e.Column))
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("problems at %v, want %v\n%v", got, tt.want, err)
			}
		})
	}
}

// TestCheckStates: a test case entry naming a state the machine lacks is
// reported at its line, with the test case, the state and the likely
// intended state; known states, nested ones included, pass.
func TestCheckStates(t *testing.T) {
	data := []byte(`{
  "StateMachines": {"Order": {"TestCases": {"HappyPath": {
    "ChargeCrad": "Ok",
    "Notify": "Ok",
    "Zzz": "Ok"
  }}}},
  "MockedResponses": {"Ok": {"0": {"Return": {}}}}
}`)
	c, err := mock.Parse("order.mocks.json", data)
	if err != nil {
		t.Fatal(err)
	}
	tc, err := c.TestCase("Order", "HappyPath")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		states []string
		want   []string // the messages, in order; none when valid
	}{
		{"all known", []string{"ChargeCrad", "Notify", "Zzz", "Other"}, nil},
		{"typo and unknown", []string{"ChargeCard", "Notify", "Inner"}, []string{
			`order.mocks.json:3:19: /StateMachines/Order/TestCases/HappyPath/ChargeCrad: test case "HappyPath" mocks state "ChargeCrad", which the state machine does not have; did you mean "ChargeCard"?`,
			`order.mocks.json:5:12: /StateMachines/Order/TestCases/HappyPath/Zzz: test case "HappyPath" mocks state "Zzz", which the state machine does not have`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tc.CheckStates(tt.states)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("CheckStates: %v", err)
				}
				return
			}
			var errs mock.Errors
			if !errors.As(err, &errs) || !errors.Is(err, mock.ErrUnknownState) || !errors.Is(err, mock.ErrInvalid) {
				t.Fatalf("err = %v, want mock.Errors matching ErrUnknownState and ErrInvalid", err)
			}
			if len(errs) != len(tt.want) {
				t.Fatalf("%d problems, want %d: %v", len(errs), len(tt.want), err)
			}
			for i, e := range errs {
				if e.Error() != tt.want[i] {
					t.Errorf("problem %d:\n got %s\nwant %s", i, e.Error(), tt.want[i])
				}
			}
		})
	}
}
