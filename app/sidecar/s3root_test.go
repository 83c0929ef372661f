package sidecar

import (
	"strings"
	"testing"
	"time"
)

// TestS3Root: the folder for S3 is set, cleaned, written, read back and
// cleared by its op; folders outside the workflow's are refused.
func TestS3Root(t *testing.T) {
	id := func() string { return "x" }
	cases := []struct {
		text, want string
		ok         bool
	}{
		{"s3", "s3", true},
		{"data/./s3/", "data/s3", true},
		{"", "", true},
		{"../s3", "", false},
		{"/srv/s3", "", false},
		{"a/../../b", "", false},
	}
	for _, tc := range cases {
		f := New()
		err := f.Apply(Op{Kind: OpSetS3Root, Text: tc.text}, time.Now(), id)
		if (err == nil) != tc.ok {
			t.Fatalf("%q: err %v, want ok=%v", tc.text, err, tc.ok)
		}
		if !tc.ok {
			continue
		}
		b, err := f.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(b), `"s3Root"`); got != (tc.want != "") {
			t.Errorf("%q: written %s", tc.text, b)
		}
		g, err := Parse(b)
		if err != nil || g.S3Root != tc.want {
			t.Errorf("%q: read back %q %v, want %q", tc.text, g.S3Root, err, tc.want)
		}
	}
	if _, err := Parse([]byte(`{"version":1,"s3Root":3}`)); err == nil {
		t.Error("a number as s3Root was accepted")
	}
}
