package cli_test

import (
	"regexp"
	"testing"
)

// Durations change from run to run; the rest of a report must not.
var durations = regexp.MustCompile(`\(\d+\.\d+ ms\)|time="\d+\.\d+"`)

// The text and JUnit reports of a suite with met and missed
// expectations, against golden files (-update rewrites them).
func TestTestReportsGolden(t *testing.T) {
	for _, tc := range []struct{ format, golden string }{
		{"text", "testdata/test/report.txt"},
		{"junit", "testdata/test/report.xml"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			code, out, errOut := runCLI("test", "testdata/test", "--format", tc.format, "--coverage", t.TempDir()+"/cov.json")
			if code != 1 {
				t.Errorf("exit %d, want 1; stderr: %s", code, errOut)
			}
			goldenFile(t, tc.golden, durations.ReplaceAllString(out, "(T)"))
		})
	}
}
