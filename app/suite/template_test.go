package suite

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTemplateSuites runs T.<LogicalId>.tests.yaml against the state
// machine LogicalId inside the template T.yaml beside it: one defined
// inline (its !GetAtt read as a placeholder), one in a file the template
// references, each with its own mocks file T.<LogicalId>.mocks.json.
func TestTemplateSuites(t *testing.T) {
	tests := []struct {
		file, machine string
		scenarios     int
	}{
		{"orders.CheckOrder.tests.yaml", "CheckOrder", 2},
		{"orders.ShipOrder.tests.json", "ShipOrder", 1},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s, err := Load(filepath.Join("testdata", "template", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if s.MachineID != tt.machine || filepath.Base(s.Workflow) != "orders.yaml" {
				t.Errorf("suite is for %s in %s, want %s in orders.yaml", s.MachineID, s.Workflow, tt.machine)
			}
			rs := Run(context.Background(), []*Suite{s}, Options{})
			if len(rs) != tt.scenarios {
				t.Fatalf("%d scenarios ran, want %d", len(rs), tt.scenarios)
			}
			for _, r := range rs {
				if !r.Passed() {
					t.Errorf("%s: %v %v", r.Scenario.Name, r.Err, r.Failures)
				}
			}
		})
	}
}

// TestTemplateSuiteCoverageApart checks two machines of one template are
// measured apart.
func TestTemplateSuiteCoverageApart(t *testing.T) {
	var suites []*Suite
	for _, f := range []string{"orders.CheckOrder.tests.yaml", "orders.ShipOrder.tests.json"} {
		s, err := Load(filepath.Join("testdata", "template", f))
		if err != nil {
			t.Fatal(err)
		}
		suites = append(suites, s)
	}
	cov := Measure(Run(context.Background(), suites, Options{}))
	if len(cov) != 2 || cov[0].MachineID != "CheckOrder" || cov[1].MachineID != "ShipOrder" {
		t.Fatalf("coverage of %d machines, want CheckOrder and ShipOrder apart", len(cov))
	}
	if cov[1].Total != 1 {
		t.Errorf("ShipOrder has %d coverage items, want 1 (its one state)", cov[1].Total)
	}
}

// TestTemplateSuiteNoMachine: a T.<Id> name whose template has no such
// machine says where the workflow was looked for.
func TestTemplateSuiteNoMachine(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"orders.yaml"} {
		b, err := os.ReadFile(filepath.Join("testdata", "template", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(dir, "orders.Missing.tests.yaml")
	if err := os.WriteFile(p, []byte("scenarios:\n  - name: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(p)
	if err == nil || !strings.Contains(err.Error(), "no template T beside it with a state machine") {
		t.Fatalf("error = %v, want it to say no template has the machine", err)
	}
}
