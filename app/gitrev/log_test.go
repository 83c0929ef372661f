package gitrev_test

import (
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/gitrev"
)

func TestLogListsTheCommitsThatChangedAFile(t *testing.T) {
	tr := newRepo(t)
	repo, err := gitrev.Open(tr.dir)
	if err != nil {
		t.Fatal(err)
	}
	subjects := func(rel string, max int) string {
		t.Helper()
		list, err := repo.Log(rel, max)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range list {
			if len(r.Short) != 7 || !strings.HasPrefix(r.Hash, r.Short) || r.Author != "T" || r.When == "" {
				t.Errorf("revision %+v", r)
			}
			out = append(out, r.Subject)
		}
		return strings.Join(out, ", ")
	}
	for _, c := range []struct {
		rel  string
		max  int
		want string
	}{
		{"flows/flow.asl.json", 50, "commit three, commit two, commit one"},
		{"flows/flow.asl.json", 2, "commit three, commit two"},
		// Added in the second commit and unchanged since: listed once.
		{"flows/flow.studio.json", 50, "commit two"},
		{"flows/none.asl.json", 50, ""},
	} {
		if got := subjects(c.rel, c.max); got != c.want {
			t.Errorf("Log(%s, %d) = %q, want %q", c.rel, c.max, got, c.want)
		}
	}
}
