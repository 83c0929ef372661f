package engine_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine"
)

// s3Map is a distributed Map whose items come from reader and whose
// children return their input.
func s3Map(reader, extra string) string {
	return `{"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":` + reader + `,` + extra + `
		"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P","States":{
			"P":{"Type":"Pass","End":true}}},"End":true}}}`
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestItemReaderLocalS3: each input type read from the local folder, as
// AWS reads it from S3.
func TestItemReaderLocalS3(t *testing.T) {
	files := map[string]string{
		"bk/rows.csv":       "id,name\n1,ann\n2,\"bo, b\"\n",
		"bk/pipe.csv":       "1|ann\n2|bob\n",
		"bk/items.json":     `[{"a":1},{"a":2},{"a":3}]`,
		"bk/obj.json":       `{"a":1}`,
		"bk/items.jsonl":    "{\"a\":1}\n\n[2]\n\"three\"\n",
		"bk/list/x.txt":     "xx",
		"bk/list/sub/y.txt": "yyy",
		"bk/other.txt":      "o",
		"inv/manifest.json": `{"sourceBucket":"bk","destinationBucket":"arn:aws:s3:::inv","fileFormat":"CSV","fileSchema":"Bucket, Key, Size","files":[{"key":"data/1.csv"}]}`,
		"inv/data/1.csv":    "bk,a.txt,3\nbk,b.txt,4\n",
		"bk/bad-fields.csv": "a,b\n1\n",
	}
	dir := writeFiles(t, files)
	get := func(key, config string) string {
		return `{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{` + config + `},"Parameters":{"Bucket":"bk","Key":"` + key + `"}}`
	}
	cases := []struct {
		name, reader, want, err string
	}{
		{"csv first row", get("rows.csv", `"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"`), `[{"id":"1","name":"ann"},{"id":"2","name":"bo, b"}]`, ""},
		{"csv given pipe", get("pipe.csv", `"InputType":"CSV","CSVHeaderLocation":"GIVEN","CSVHeaders":["n","who"],"CSVDelimiter":"PIPE"`), `[{"n":"1","who":"ann"},{"n":"2","who":"bob"}]`, ""},
		{"csv max items", get("rows.csv", `"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW","MaxItems":1`), `[{"id":"1","name":"ann"}]`, ""},
		{"csv max items path", get("rows.csv", `"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW","MaxItemsPath":"$.max"`), `[{"id":"1","name":"ann"}]`, ""},
		{"csv short row", get("bad-fields.csv", `"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"`), "", "CSV line 2 has 1 fields"},
		{"json array", get("items.json", `"InputType":"JSON"`), `[{"a":1},{"a":2},{"a":3}]`, ""},
		{"json not an array", get("obj.json", `"InputType":"JSON"`), "", "not a JSON array"},
		{"jsonl", get("items.jsonl", `"InputType":"JSONL"`), `[{"a":1},[2],"three"]`, ""},
		{"manifest", `{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"MANIFEST"},"Parameters":{"Bucket":"inv","Key":"manifest.json"}}`,
			`[{"Bucket":"bk","Key":"a.txt","Size":"3"},{"Bucket":"bk","Key":"b.txt","Size":"4"}]`, ""},
		{"missing key", get("none.json", `"InputType":"JSON"`), "", "NoSuchKey"},
		{"key escaping the root", get("../../etc/passwd", `"InputType":"JSON"`), "", "outside the local S3 folder"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := compile(t, s3Map(tc.reader, ""))
			res, err := m.Run(context.Background(), map[string]any{"max": int64(1)}, engine.WithS3Root(dir))
			if err != nil {
				t.Fatal(err)
			}
			if tc.err != "" {
				if res.Status != engine.StatusFailed || *res.Error != "States.ItemReaderFailed" || !strings.Contains(*res.Cause, tc.err) {
					t.Fatalf("%s %v %v, want States.ItemReaderFailed with %q", res.Status, res.Error, res.Cause, tc.err)
				}
				return
			}
			if got := engine.EncodeJSON(res.Output); res.Status != engine.StatusSucceeded || got != tc.want {
				t.Fatalf("%s %s (%v), want %s", res.Status, got, res.Cause, tc.want)
			}
		})
	}
	t.Run("listObjectsV2", func(t *testing.T) {
		m := compile(t, s3Map(`{"Resource":"arn:aws:states:::s3:listObjectsV2","Parameters":{"Bucket":"bk","Prefix":"list/"}}`, ""))
		res, err := m.Run(context.Background(), map[string]any{}, engine.WithS3Root(dir))
		if err != nil {
			t.Fatal(err)
		}
		out, _ := res.Output.([]any)
		if res.Status != engine.StatusSucceeded || len(out) != 2 {
			t.Fatalf("%s %v", res.Status, res.Output)
		}
		first := out[0].(map[string]any)
		if first["Key"] != "list/sub/y.txt" || first["Size"] != int64(3) || first["StorageClass"] != "STANDARD" {
			t.Errorf("first object %v", first)
		}
	})
}

// TestResultWriterLocalS3: the result files in AWS's layout, with the
// WriterConfig transformations, and the Map's output naming the manifest.
func TestResultWriterLocalS3(t *testing.T) {
	dir := writeFiles(t, map[string]string{"bk/rows.csv": "id\n1\n2\nbad\n4\n5\n"})
	reader := `{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},"Parameters":{"Bucket":"bk","Key":"rows.csv"}}`
	def := func(writerConfig string) string {
		return `{"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailureCount":1,"ItemReader":` + reader + `,
		"ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"runs"}` + writerConfig + `},
		"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"C","States":{
			"C":{"Type":"Choice","Choices":[{"Variable":"$.id","StringEquals":"bad","Next":"F"}],"Default":"P"},
			"F":{"Type":"Fail","Error":"Bad.Row","Cause":"row is bad"},
			"P":{"Type":"Pass","Parameters":["x",{"id.$":"$.id"}],"End":true}}},"End":true}}}`
	}
	cases := []struct {
		name, writerConfig string
		succeeded          string // SUCCEEDED_0.json, or a prefix of it
		exact              bool
	}{
		{"default NONE", ``, `[{"ExecutionArn":"arn:aws:states:us-east-1:123456789012:execution:test/M:`, false},
		{"COMPACT", `,"WriterConfig":{"Transformation":"COMPACT"}`, `[["x",{"id":"1"}],["x",{"id":"2"}],["x",{"id":"4"}],["x",{"id":"5"}]]`, true},
		{"FLATTEN", `,"WriterConfig":{"Transformation":"FLATTEN"}`, `["x",{"id":"1"},"x",{"id":"2"},"x",{"id":"4"},"x",{"id":"5"}]`, true},
		{"FLATTEN JSONL", `,"WriterConfig":{"Transformation":"FLATTEN","OutputType":"JSONL"}`, "\"x\"\n{\"id\":\"1\"}\n\"x\"\n", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := compile(t, def(tc.writerConfig))
			res, err := m.Run(context.Background(), map[string]any{}, engine.WithS3Root(dir))
			if err != nil {
				t.Fatal(err)
			}
			if res.Status != engine.StatusSucceeded {
				t.Fatalf("%s %v %v", res.Status, res.Error, res.Cause)
			}
			run := res.MapRuns[0]
			runID := run.MapRunArn[strings.LastIndex(run.MapRunArn, ":")+1:]
			out := res.Output.(map[string]any)
			details := out["ResultWriterDetails"].(map[string]any)
			if out["MapRunArn"] != run.MapRunArn || details["Bucket"] != "out" || details["Key"] != "runs/"+runID+"/manifest.json" {
				t.Fatalf("output %v", out)
			}
			base := filepath.Join(dir, "out", "runs", runID)
			read := func(name string) string {
				b, err := os.ReadFile(filepath.Join(base, name))
				if err != nil {
					t.Fatal(err)
				}
				return string(b)
			}
			manifest := read("manifest.json")
			if !strings.Contains(manifest, `"SUCCEEDED":[{"Key":"runs/`+runID+`/SUCCEEDED_0.json"`) || !strings.Contains(manifest, `"PENDING":[]`) {
				t.Errorf("manifest %s", manifest)
			}
			if got := read("SUCCEEDED_0.json"); tc.exact && got != tc.succeeded || !strings.HasPrefix(got, tc.succeeded) {
				t.Errorf("SUCCEEDED_0.json = %s, want %s", got, tc.succeeded)
			}
			failed := read("FAILED_0.json")
			if !strings.Contains(failed, `"Error":"Bad.Row"`) || !strings.Contains(failed, `"Status":"FAILED"`) || !strings.Contains(failed, `"Input":"{\"id\":\"bad\"}"`) {
				t.Errorf("FAILED_0.json = %s", failed)
			}
			if run.ItemCounts.ResultsWritten != 5 {
				t.Errorf("resultsWritten %d, want 5", run.ItemCounts.ResultsWritten)
			}
		})
	}
}

// TestResultWriterConfigOnly: WriterConfig without Resource transforms
// the state's output and writes nothing.
func TestResultWriterConfigOnly(t *testing.T) {
	m := compile(t, `{"StartAt":"M","States":{"M":{"Type":"Map","ResultWriter":{"WriterConfig":{"Transformation":"FLATTEN","OutputType":"JSON"}},
		"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}`)
	res, err := m.Run(context.Background(), []any{[]any{1, 2}, 3})
	if err != nil {
		t.Fatal(err)
	}
	if got := engine.EncodeJSON(res.Output); got != `[1,2,3]` {
		t.Errorf("output %s, want [1,2,3]", got)
	}
}

func TestWithS3RootRefusesMissingFolder(t *testing.T) {
	m := compile(t, `{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`)
	if _, err := m.Run(context.Background(), nil, engine.WithS3Root(filepath.Join(t.TempDir(), "none"))); err == nil {
		t.Error("a missing S3 folder was accepted")
	}
}
