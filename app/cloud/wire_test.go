package cloud

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/app/sidecar"
)

// TestWireMatchesTheAPI: the events the SDK decodes, re-spelt by wire,
// are the JSON the endpoint sent, member for member (timestamps compared
// as instants: the API sends epoch seconds, the studio RFC 3339).
func TestWireMatchesTheAPI(t *testing.T) {
	ctx := context.Background()
	awsFiles(t)
	url := serve(t)
	c, err := Connect(ctx, Settings{Profile: "local", EndpointURL: url})
	if err != nil {
		t.Fatal(err)
	}
	def := `{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"Next":"F"},
	  "F":{"Type":"Fail","Error":"E","Cause":"<why> & how"}}}`
	r, err := c.Deploy(ctx, []byte(def), sidecar.Deploy{Name: "shape", RoleArn: role}, DeployOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := c.Start(ctx, r.Arn, StartOptions{Input: `{"items":[1,2]}`})
	if err != nil {
		t.Fatal(err)
	}
	waitStatus(t, c, e.Arn)
	page, err := c.History(ctx, e.Arn, HistoryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest("POST", url, strings.NewReader(`{"executionArn":"`+e.Arn+`"}`))
	req.Header.Set("X-Amz-Target", "AWSStepFunctions.GetExecutionHistory")
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20260101/us-east-1/states/aws4_request, SignedHeaders=host, Signature=abcdef")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var sent struct{ Events []map[string]any }
	if err := json.Unmarshal(body, &sent); err != nil || len(sent.Events) != len(page.Events) || len(sent.Events) < 8 {
		t.Fatalf("%v: %d events sent, %d read\n%s", err, len(sent.Events), len(page.Events), body)
	}
	for i, raw := range page.Events {
		var got map[string]any
		if err := json.Unmarshal(raw, &got); err != nil {
			t.Fatal(err)
		}
		want := sent.Events[i]
		ts, _ := time.Parse(time.RFC3339Nano, got["timestamp"].(string))
		if sec, ok := want["timestamp"].(float64); !ok || ts.Sub(time.UnixMilli(int64(sec*1000))).Abs() > time.Millisecond {
			t.Errorf("event %d timestamp %v, sent %v", i+1, got["timestamp"], want["timestamp"])
		}
		delete(got, "timestamp")
		delete(want, "timestamp")
		if !reflect.DeepEqual(got, want) {
			t.Errorf("event %d:\n got %s\nsent %v", i+1, raw, want)
		}
	}
}
