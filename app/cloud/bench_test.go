package cloud

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"

	"github.com/stepstudio/stepstudio/app/sidecar"
)

// BenchmarkWireEvent: one history event re-spelt in the API's JSON shape
// (a 1,000-event page is a thousand of these).
func BenchmarkWireEvent(b *testing.B) {
	now := time.Now()
	e := types.HistoryEvent{Id: 42, PreviousEventId: 41, Timestamp: &now, Type: types.HistoryEventTypeTaskScheduled,
		TaskScheduledEventDetails: &types.TaskScheduledEventDetails{Resource: aws.String("invoke"), ResourceType: aws.String("lambda"),
			Region: aws.String("us-east-1"), Parameters: aws.String(`{"FunctionName":"arn:aws:lambda:us-east-1:123456789012:function:f","Payload":{"id":1}}`)}}
	for b.Loop() {
		if _, err := wire(e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHistoryAgainstServe: a whole history of a 100-step workflow
// read from `stepstudio serve` through the SDK, oldest first (the pull
// into the local run history).
func BenchmarkHistoryAgainstServe(b *testing.B) {
	var states strings.Builder
	states.WriteString(`{"StartAt":"S0","States":{`)
	for i := range 100 {
		if i > 0 {
			states.WriteString(",")
		}
		next := `"Next":"S` + itoa(i+1) + `"`
		if i == 99 {
			next = `"End":true`
		}
		states.WriteString(`"S` + itoa(i) + `":{"Type":"Pass","Result":{"i":` + itoa(i) + `},` + next + `}`)
	}
	states.WriteString(`}}`)
	c := connectServe(b)
	ctx := context.Background()
	r, err := c.Deploy(ctx, []byte(states.String()), deployCfg("long"), DeployOptions{})
	if err != nil {
		b.Fatal(err)
	}
	e, err := c.Start(ctx, r.Arn, StartOptions{})
	if err != nil {
		b.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); e.Status == "RUNNING" && time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if e, err = c.DescribeExecution(ctx, e.Arn); err != nil {
			b.Fatal(err)
		}
	}
	n := 0
	for b.Loop() {
		if _, n, err = c.FullHistory(ctx, e.Arn); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "events")
}

func itoa(i int) string { return strconv.Itoa(i) }

func deployCfg(name string) sidecar.Deploy {
	return sidecar.Deploy{Name: name, RoleArn: role}
}
