package endpoint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMapRuns: a Distributed Map over a CSV in the folder standing in for
// S3 (the corpus's MAP_ITEM_READER_BASE_CSV_HEADERS_FIRST_LINE) is listed
// and described as AWS recorded it, and its child executions are listed
// by mapRunArn.
func TestMapRuns(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "bucket"), 0o700); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "bucket", "file.csv"), "Col1,Col2,Col3\nValue1,Value2,Value3\nValue4,Value5,Value6")
	s := newTestServer(t, Options{S3Root: root})
	def := `{"StartAt":"MapState","States":{"MapState":{"Type":"Map","MaxConcurrency":1,
	 "ItemReader":{"ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket.$":"$.Bucket","Key.$":"$.Key"}},
	 "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"PassItem","States":{"PassItem":{"Type":"Pass","End":true}}},"End":true}}}`
	arn := createMachine(t, s, "maps", def)
	ex := mustCall(t, s, "StartExecution", map[string]any{"stateMachineArn": arn, "input": `{"Bucket":"bucket","Key":"file.csv"}`}).str("executionArn")
	if d := waitStatus(t, s, ex); d.str("status") != "SUCCEEDED" {
		t.Fatal(d.Body)
	}
	l := mustCall(t, s, "ListMapRuns", map[string]any{"executionArn": ex})
	runs := l.Body["mapRuns"].([]any)
	if len(runs) != 1 {
		t.Fatal(l.Body)
	}
	mr := runs[0].(map[string]any)
	mrArn := mr["mapRunArn"].(string)
	if !strings.HasPrefix(mrArn, "arn:aws:states:us-east-1:123456789012:mapRun:maps/") || !strings.HasPrefix(mr["stateMachineArn"].(string), arn+"/") || mr["stopDate"] == nil {
		t.Fatal(mr)
	}
	d := mustCall(t, s, "DescribeMapRun", map[string]any{"mapRunArn": mrArn})
	ic := d.Body["itemCounts"].(map[string]any)
	if d.str("status") != "SUCCEEDED" || ic["succeeded"].(float64) != 2 || ic["total"].(float64) != 2 || ic["resultsWritten"].(float64) != 2 || d.Body["maxConcurrency"].(float64) != 1 {
		t.Fatal(d.Body)
	}
	children := mustCall(t, s, "ListExecutions", map[string]any{"mapRunArn": mrArn})
	if n := len(children.Body["executions"].([]any)); n != 2 {
		t.Fatal(children.Body)
	}
	mustCall(t, s, "UpdateMapRun", map[string]any{"mapRunArn": mrArn, "maxConcurrency": 2})
	if nf := call(t, s, "DescribeMapRun", map[string]any{"mapRunArn": mrArn + "x"}); nf.errType() != errResourceNotFound {
		t.Fatal(nf.Body)
	}
}
