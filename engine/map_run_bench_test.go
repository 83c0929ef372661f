package engine_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/asl"
)

// BenchmarkDistributedMapCSV10000: a distributed Map reads 10,000 CSV
// rows from the local S3 folder, runs each as its own child execution
// (its own history kept, as the studio keeps them) and writes AWS's
// result files: the cost of a large local Map Run, end to end.
func BenchmarkDistributedMapCSV10000(b *testing.B) {
	dir := b.TempDir()
	var csv strings.Builder
	csv.WriteString("id,name\n")
	for i := range 10000 {
		fmt.Fprintf(&csv, "%d,name-%d\n", i, i)
	}
	if err := os.MkdirAll(filepath.Join(dir, "bk"), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bk", "rows.csv"), []byte(csv.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	doc, err := asl.Parse("bench.json", []byte(`{"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1000,
		"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},"Parameters":{"Bucket":"bk","Key":"rows.csv"}},
		"ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"r"}},
		"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}`))
	if err != nil {
		b.Fatal(err)
	}
	m, err := engine.Compile(doc)
	if err != nil {
		b.Fatal(err)
	}
	benchRun(b, m, func() any { return map[string]any{} }, engine.WithS3Root(dir))
}
