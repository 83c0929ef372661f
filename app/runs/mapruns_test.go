package runs

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stepstudio/stepstudio/engine"
)

// TestMapRunsOfAStudioRun: a distributed Map over a CSV in the local S3
// folder lists its children with their statuses, live and after the
// studio forgot the run (from the store), and one child opens with its
// own history.
func TestMapRunsOfAStudioRun(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "bk"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "bk", "rows.csv"), []byte("id,name\n1,a\n2,b\nbad,c\n4,d\n5,e\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m, rec, _ := newManager(t)
	id, err := m.Start(StartRequest{Workflow: "w", Definition: definition(t, "distributed.asl.json"), S3Root: root})
	if err != nil {
		t.Fatal(err)
	}
	if u := rec.await(t, id, "the end", ended); u.Meta.Status != engine.StatusSucceeded {
		t.Fatalf("status %s: %s %s", u.Meta.Status, u.Meta.Error, u.Meta.Cause)
	}
	check := func(when string) {
		s, err := m.MapRunsOf(id)
		if err != nil {
			t.Fatal(err)
		}
		var runs []engine.MapRun
		if err := json.Unmarshal([]byte(s), &runs); err != nil {
			t.Fatal(err)
		}
		if len(runs) != 1 || len(runs[0].Children) != 5 || runs[0].ItemCounts.Failed != 1 || runs[0].ItemCounts.Succeeded != 4 {
			t.Fatalf("%s: map runs %s", when, s)
		}
		if runs[0].Children[2].Status != engine.StatusFailed || runs[0].Children[2].Events != nil {
			t.Errorf("%s: child 2 %+v", when, runs[0].Children[2])
		}
		c, err := m.ChildExecution(id, runs[0].MapRunArn, 2)
		if err != nil {
			t.Fatal(err)
		}
		var child engine.ChildExecution
		if err := json.Unmarshal([]byte(c), &child); err != nil {
			t.Fatal(err)
		}
		if len(child.Events) == 0 || child.Events[0].Type != "ExecutionStarted" || child.Events[len(child.Events)-1].Type != "ExecutionFailed" {
			t.Errorf("%s: child history %s", when, c)
		}
		if _, err := m.ChildExecution(id, runs[0].MapRunArn, 9); err == nil {
			t.Errorf("%s: a child that does not exist opened", when)
		}
	}
	check("in memory")
	m.mu.Lock()
	delete(m.runs, id) // as the manager does once the store holds the run
	m.mu.Unlock()
	check("from the store")
}

func TestS3RootMissingFolderRefused(t *testing.T) {
	m, _, _ := newManager(t)
	_, err := m.Start(StartRequest{Workflow: "w", Definition: definition(t, "distributed.asl.json"), S3Root: filepath.Join(t.TempDir(), "none")})
	if err == nil {
		t.Fatal("a missing folder for S3 was accepted")
	}
}
