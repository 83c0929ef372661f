package exporter

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/stepstudio/stepstudio/app/iac"
	"github.com/stepstudio/stepstudio/engine/asl"
)

func readDef(t *testing.T, name string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func parse(t *testing.T, src []byte) *asl.Document {
	t.Helper()
	doc, err := ParseDefinition(src)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestCandidates(t *testing.T) {
	got := Candidates(parse(t, readDef(t, "order.asl.json")))
	want := []struct{ name, kind string }{
		{"ValidateOrderFunctionArn", "arn"}, {"OrdersTableName", "table-name"}, {"OrderEventsTopicArn", "arn"},
		{"ShippingQueueUrl", "queue-url"}, {"InvoiceStateMachineArn", "arn"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d candidates %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		if got[i].Name != w.name || got[i].Kind != w.kind {
			t.Errorf("candidate %d: %s (%s), want %s (%s)", i, got[i].Name, got[i].Kind, w.name, w.kind)
		}
	}
	if got[1].Uses[0] != "/States/Save/Parameters/TableName" {
		t.Errorf("uses %v", got[1].Uses)
	}
	// Integration ARNs and JSONPath values are not resources.
	for _, c := range got {
		if strings.HasPrefix(c.Value, "arn:aws:states:::") || strings.HasPrefix(c.Value, "$") {
			t.Errorf("offered %q", c.Value)
		}
	}
}

func TestCandidatesRegionAccountPlaceholders(t *testing.T) {
	src := []byte(`{"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"region":"eu-central-1","account":"210987654321","t":"${Existing}","again":"eu-central-1"},"End":true}}}`)
	got := Candidates(parse(t, src))
	names := []string{}
	for _, c := range got {
		names = append(names, c.Name+":"+c.Kind+":"+c.Value)
	}
	want := []string{"Region:region:eu-central-1", "AccountId:account:210987654321", "Existing:placeholder:"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("got %v, want %v", names, want)
	}
	if len(got[0].Uses) != 2 {
		t.Errorf("region used %d times, want 2", len(got[0].Uses))
	}
}

// The user renames or drops substitutions; the definition and the
// template use the same names.
func TestApplyUserNames(t *testing.T) {
	src := readDef(t, "order.asl.json")
	subs := Candidates(parse(t, src))
	subs[1].Name = "OrderTable" // renamed
	subs[2].Name = ""           // kept hard-coded
	r, err := Export(src, Options{Target: SAM, Name: "orders", Substitutions: subs})
	if err != nil {
		t.Fatal(err)
	}
	def := r.Files[1].Content
	tpl := r.Files[0].Content
	if !strings.Contains(def, `"TableName": "${OrderTable}"`) || !strings.Contains(tpl, "OrderTable: !Ref OrderTable") {
		t.Errorf("renamed substitution not applied to both:\n%s\n%s", def, tpl)
	}
	if !strings.Contains(def, `"arn:aws:sns:eu-west-1:123456789012:order-events"`) || strings.Contains(tpl, "OrderEventsTopicArn") {
		t.Error("a dropped substitution was applied")
	}
	// Only the substituted values changed: same number of lines, same keys.
	if len(strings.Split(def, "\n")) != len(strings.Split(string(src), "\n")) {
		t.Error("applying substitutions reformatted the definition")
	}
	bad := append([]Substitution(nil), subs...)
	bad[0].Name = "has space"
	if _, err := Export(src, Options{Target: SAM, Substitutions: bad}); err == nil {
		t.Error("an invalid substitution name was accepted")
	}
	bad[0].Name = "OrderTable"
	if _, err := Export(src, Options{Target: SAM, Substitutions: bad}); err == nil {
		t.Error("a duplicate substitution name was accepted")
	}
	if _, err := Export(src, Options{Target: "pulumi"}); !errors.Is(err, ErrTarget) {
		t.Errorf("unknown target: %v", err)
	}
}

func TestPolicyDraft(t *testing.T) {
	r, err := Export(readDef(t, "order.asl.json"), Options{Target: ASLJSON})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range r.Policy.Statements {
		for _, a := range s.Actions {
			got[a] = strings.Join(s.Resources, " ")
		}
	}
	want := map[string]string{
		"lambda:InvokeFunction":    "${ValidateOrderFunctionArn} ${ValidateOrderFunctionArn}:*",
		"dynamodb:PutItem":         "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${OrdersTableName}",
		"sns:Publish":              "${OrderEventsTopicArn}",
		"sqs:SendMessage":          "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:shipping",
		"states:StartExecution":    "${InvoiceStateMachineArn}",
		"states:DescribeExecution": "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:invoice:*",
		"states:StopExecution":     "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:invoice:*",
		"events:PutRule":           "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule",
		"events:PutTargets":        "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule",
		"events:DescribeRule":      "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule",
	}
	if !reflect.DeepEqual(got, want) {
		for k, v := range got {
			if want[k] != v {
				t.Errorf("%s on %q, want %q", k, v, want[k])
			}
		}
		for k := range want {
			if _, ok := got[k]; !ok {
				t.Errorf("missing %s", k)
			}
		}
	}
}

// A substituted Resource is drafted from the value it replaced: a Lambda
// ARN gets lambda:InvokeFunction on the substitution, an activity nothing.
func TestPolicySubstitutedResource(t *testing.T) {
	src := []byte(`{"StartAt":"A","States":{
	  "A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:reserve","Next":"B"},
	  "B":{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:approve","End":true}}}`)
	r, err := Export(src, Options{Target: ASLJSON})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Policy.Statements) != 1 || r.Policy.Statements[0].Resources[0] != "${ReserveFunctionArn}" || len(r.Policy.Notes) != 0 {
		t.Errorf("policy %+v", r.Policy)
	}
}

func TestPolicyOtherIntegrations(t *testing.T) {
	src := []byte(`{"StartAt":"A","States":{
	  "A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:direct","Next":"B"},
	  "B":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem","Parameters":{"TableName.$":"$.table","Key":{}},"Next":"C"},
	  "C":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:getObject","Parameters":{"Bucket":"b","Key":"k"},"Next":"C2"},
	  "C2":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:sqs:receiveMessage","Parameters":{"QueueUrl.$":"$.q"},"Next":"D"},
	  "D":{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:work","Next":"D2"},
	  "D2":{"Type":"Task","Resource":"${ReserveFunctionArn}","Next":"D3"},
	  "D3":{"Type":"Task","Resource":"${Worker}","Next":"E"},
	  "E":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","Parameters":{"FunctionName":"named","Payload":{"t.$":"$$.Task.Token"}},"End":true}}}`)
	p := DraftPolicy(parse(t, src).Machine, nil)
	got := map[string]string{}
	for _, s := range p.Statements {
		for _, a := range s.Actions {
			got[a] += strings.Join(s.Resources, " ") + ";"
		}
	}
	want := map[string]string{
		"lambda:InvokeFunction": "arn:aws:lambda:us-east-1:123456789012:function:direct arn:aws:lambda:us-east-1:123456789012:function:direct:*;" +
			"${ReserveFunctionArn} ${ReserveFunctionArn}:*;" +
			"arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:named arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:named:*;",
		"dynamodb:GetItem":   "*;",
		"s3:GetObject":       "arn:${AWS::Partition}:s3:::b arn:${AWS::Partition}:s3:::b/*;",
		"sqs:ReceiveMessage": "*;",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	if len(p.Notes) != 2 || !strings.Contains(p.Notes[0], "sqs:ReceiveMessage") || !strings.Contains(p.Notes[1], "${Worker} is a substitution") {
		t.Errorf("notes %v", p.Notes)
	}
}

// writeFiles writes an export into a fresh folder and returns it.
func writeFiles(t *testing.T, r *Result) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range r.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f.Content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// sameDefinition compares two definitions as JSON values.
func sameDefinition(t *testing.T, a, b string) bool {
	t.Helper()
	va, vb := parse(t, []byte(a)).Root.Value(), parse(t, []byte(b)).Root.Value()
	ja, _ := json.Marshal(va)
	jb, _ := json.Marshal(vb)
	return string(ja) == string(jb)
}

// SAM and CloudFormation exports re-import, through the same code that
// opens users' templates, to the exported definition with the same
// substitutions; Terraform output parses with HCL and re-imports too.
func TestReimport(t *testing.T) {
	for _, name := range []string{"order.asl.json", "order.asl.yaml"} {
		src := readDef(t, name)
		for _, c := range []struct {
			target   Target
			inline   bool
			template string
			origin   string
		}{
			{SAM, false, "template.yaml", "DefinitionUri"},
			{SAM, true, "template.yaml", "Definition"},
			{CloudFormation, false, "template.yaml", "DefinitionString"},
			{CloudFormation, true, "template.yaml", "Definition"},
			{Terraform, false, "main.tf", "templatefile"},
		} {
			t.Run(name+"/"+string(c.target)+map[bool]string{true: "/inline"}[c.inline], func(t *testing.T) {
				r, err := Export(src, Options{Target: c.target, Name: "Order Process", Inline: c.inline})
				if err != nil {
					t.Fatal(err)
				}
				dir := writeFiles(t, r)
				if c.target == Terraform {
					if _, diags := hclsyntax.ParseConfig([]byte(r.Files[0].Content), "main.tf", hcl.InitialPos); diags.HasErrors() {
						t.Fatalf("HCL: %v", diags)
					}
				}
				tpl, err := iac.Scan(filepath.Join(dir, c.template))
				if err != nil {
					t.Fatal(err)
				}
				if len(tpl.Machines) != 1 {
					t.Fatalf("%d machines", len(tpl.Machines))
				}
				m := tpl.Machines[0]
				if m.Origin != c.origin || m.Problem != "" {
					t.Fatalf("origin %q problem %q", m.Origin, m.Problem)
				}
				o, err := iac.Open(tpl.Path, m.ID)
				if err != nil {
					t.Fatal(err)
				}
				want, err := Export(src, Options{Target: ASLJSON})
				if err != nil {
					t.Fatal(err)
				}
				// Step Functions takes JSON; only SAM converts a YAML DefinitionUri.
				if c.target != SAM && !c.inline && !json.Valid([]byte(o.Text)) {
					t.Errorf("%s definition is not JSON:\n%s", c.target, o.Text)
				}
				if !sameDefinition(t, o.Text, want.Files[0].Content) {
					t.Errorf("re-imported definition differs:\n%s\nwant\n%s", o.Text, want.Files[0].Content)
				}
				names := []string{}
				for _, s := range m.Substitutions {
					names = append(names, s.Name)
				}
				wantNames := []string{}
				for _, s := range r.Substitutions {
					wantNames = append(wantNames, s.Name)
				}
				if !reflect.DeepEqual(names, wantNames) {
					t.Errorf("substitutions %v, want %v", names, wantNames)
				}
			})
		}
	}
}

func TestASLTargets(t *testing.T) {
	src := readDef(t, "order.asl.json")
	y, err := Export(src, Options{Target: ASLYAML, Name: "o"})
	if err != nil {
		t.Fatal(err)
	}
	j, err := Export([]byte(y.Files[0].Content), Options{Target: ASLJSON, Name: "o"})
	if err != nil {
		t.Fatal(err)
	}
	if y.Files[0].Path != "o.asl.yaml" || j.Files[0].Path != "o.asl.json" {
		t.Errorf("paths %s %s", y.Files[0].Path, j.Files[0].Path)
	}
	if !sameDefinition(t, y.Files[0].Content, j.Files[0].Content) {
		t.Error("YAML and JSON exports differ")
	}
	// Key order survives the conversions.
	if !strings.HasPrefix(j.Files[0].Content, "{\n  \"Comment\"") || !strings.HasPrefix(y.Files[0].Content, "Comment:") {
		t.Errorf("order lost:\n%s", j.Files[0].Content)
	}
}
