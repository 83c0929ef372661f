package iac

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSettingsRead: each resource type's properties, literals and
// expressions (kept as their text).
func TestSettingsRead(t *testing.T) {
	for _, tc := range []struct {
		file, id string
		want     Settings
		exprs    map[string]string
	}{
		{"sam.yaml", "OrderFlow", Settings{Name: "order-flow", RoleArn: "!GetAtt OrderFlowRole.Arn", Tracing: true}, map[string]string{"roleArn": "!GetAtt OrderFlowRole.Arn"}},
		{"cfn.yaml", "Flow", Settings{Name: "flow", Type: "EXPRESS", RoleArn: "arn:aws:iam::123456789012:role/flow", LogLevel: "ALL", IncludeExecutionData: true, LogDestination: "!GetAtt FlowLogs.Arn"},
			map[string]string{"logDestination": "!GetAtt FlowLogs.Arn"}},
		{"cfn.json", "Flow", Settings{RoleArn: "!GetAtt FlowRole.Arn", Tracing: true}, map[string]string{"roleArn": "!GetAtt FlowRole.Arn"}},
		{"main.tf", "aws_sfn_state_machine.orders", Settings{Name: "orders", RoleArn: "aws_iam_role.orders.arn", LogLevel: "ALL", IncludeExecutionData: true, LogDestination: `"${aws_cloudwatch_log_group.orders.arn}:*"`},
			map[string]string{"roleArn": "aws_iam_role.orders.arn", "logDestination": `"${aws_cloudwatch_log_group.orders.arn}:*"`}},
	} {
		got, err := ReadSettings(filepath.Join("testdata", "settings", tc.file), tc.id)
		if err != nil {
			t.Fatal(err)
		}
		if got.Settings != tc.want {
			t.Errorf("%s: %+v\nwant %+v", tc.file, got.Settings, tc.want)
		}
		if len(got.Expressions) != len(tc.exprs) {
			t.Errorf("%s expressions: %v, want %v", tc.file, got.Expressions, tc.exprs)
		}
		for k, v := range tc.exprs {
			if got.Expressions[k] != v {
				t.Errorf("%s expression %s: %q, want %q", tc.file, k, got.Expressions[k], v)
			}
		}
	}
}

// TestSettingsEdits: golden files of the edits (go test -update rewrites
// them; read the diff). Each case changes settings from what the file
// says; what it does not change must stay byte for byte.
func TestSettingsEdits(t *testing.T) {
	for _, tc := range []struct {
		name, file, id string
		edit           func(*Settings)
	}{
		{"sam-rename-express-logging", "sam.yaml", "OrderFlow", func(s *Settings) {
			s.Name, s.Type = "orders", "EXPRESS"
			s.LogLevel, s.LogDestination = "ERROR", "arn:aws:logs:us-east-1:123456789012:log-group:orders:*"
		}},
		{"sam-role-literal-no-tracing-kms", "sam.yaml", "OrderFlow", func(s *Settings) {
			s.RoleArn, s.Tracing, s.KMSKeyID = "arn:aws:iam::123456789012:role/orders", false, "alias/orders"
		}},
		{"sam-clear-name", "sam.yaml", "OrderFlow", func(s *Settings) { s.Name = "" }},
		{"cfn-standard-quoted-name-logging-off", "cfn.yaml", "Flow", func(s *Settings) {
			s.Name, s.Type, s.LogLevel = "flow-2", "STANDARD", "OFF"
		}},
		{"cfn-logging-level-keeps-expression", "cfn.yaml", "Flow", func(s *Settings) { s.LogLevel, s.Tracing = "FATAL", true }},
		{"json-add-name-type-kms", "cfn.json", "Flow", func(s *Settings) {
			s.Name, s.Type, s.KMSKeyID = "flow", "EXPRESS", "arn:aws:kms:us-east-1:123456789012:key/1"
		}},
		{"json-role-literal-no-tracing", "cfn.json", "Flow", func(s *Settings) { s.RoleArn, s.Tracing = "arn:aws:iam::123456789012:role/r", false }},
		{"json-logging-with-expression-role-kept", "cfn.json", "Flow", func(s *Settings) { s.LogLevel, s.IncludeExecutionData = "ALL", true }},
		{"tf-express-tracing-level", "main.tf", "aws_sfn_state_machine.orders", func(s *Settings) {
			s.Type, s.Tracing, s.LogLevel = "EXPRESS", true, "ERROR"
		}},
		{"tf-rename-role-literal-no-logging-kms", "main.tf", "aws_sfn_state_machine.orders", func(s *Settings) {
			s.Name, s.RoleArn, s.LogLevel, s.LogDestination, s.KMSKeyID = "orders-${env}", "arn:aws:iam::123456789012:role/orders", "OFF", "", "alias/orders"
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "settings", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			kind := detectKind(tc.file, src)
			ts, err := settingsOf(kind, src, "", tc.id)
			if err != nil {
				t.Fatal(err)
			}
			s := ts.Settings
			tc.edit(&s)
			edit := EditSettings
			if kind == Terraform {
				edit = editTFSettings
			}
			out, err := edit(src, tc.id, s)
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "settings", "golden", tc.name+filepath.Ext(tc.file))
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				os.WriteFile(golden, out, 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != string(want) {
				t.Errorf("edited template differs from %s:\n%s", golden, out)
			}
			// Writing the same settings again changes nothing.
			again, err := edit(out, tc.id, s)
			if err != nil || string(again) != string(out) {
				t.Errorf("second write: %v\n%s", err, again)
			}
		})
	}
}

// TestWriteSettings: the file on disk is written atomically, refused when
// changed since read, and its definition is untouched.
func TestWriteSettings(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("testdata", "settings", "sam.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "template.yaml")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	before, err := Open(path, "OrderFlow")
	if err != nil {
		t.Fatal(err)
	}
	ts, err := ReadSettings(path, "OrderFlow")
	if err != nil || ts.Hash != before.Hash {
		t.Fatalf("read: %v %+v (hash %s, opened %s)", err, ts, ts.Hash, before.Hash)
	}
	s := ts.Settings
	s.Type = "EXPRESS"
	saved, err := WriteSettings(path, "OrderFlow", ts.Hash, s)
	if err != nil || saved.Settings.Type != "EXPRESS" || saved.Hash == ts.Hash {
		t.Fatalf("write: %v %+v", err, saved)
	}
	after, err := Open(path, "OrderFlow")
	if err != nil || after.Text != before.Text || after.Hash != saved.Hash {
		t.Fatalf("definition after: %v\n%s", err, after.Text)
	}
	// The old hash is stale now: refused, nothing written.
	s.Type = "STANDARD"
	if _, err := WriteSettings(path, "OrderFlow", ts.Hash, s); !errors.Is(err, ErrChanged) {
		t.Fatalf("stale hash: %v", err)
	}
	if got, _ := os.ReadFile(path); !strings.Contains(string(got), "Type: EXPRESS") {
		t.Fatalf("written despite a stale hash:\n%s", got)
	}
	// A Terraform file likewise, its definition untouched.
	tfSrc, err := os.ReadFile(filepath.Join("testdata", "settings", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	tf := filepath.Join(dir, "main.tf")
	if err := os.WriteFile(tf, tfSrc, 0o644); err != nil {
		t.Fatal(err)
	}
	tts, err := ReadSettings(tf, "aws_sfn_state_machine.orders")
	if err != nil {
		t.Fatal(err)
	}
	ts2 := tts.Settings
	ts2.Tracing = true
	if saved, err := WriteSettings(tf, "aws_sfn_state_machine.orders", tts.Hash, ts2); err != nil || !saved.Settings.Tracing || saved.Expressions["roleArn"] != "aws_iam_role.orders.arn" {
		t.Fatalf("terraform write: %v %+v", err, saved)
	}
	if got, _ := os.ReadFile(tf); !strings.Contains(string(got), "tracing_configuration {\n    enabled = true\n  }") || !strings.Contains(string(got), string(tfSrc[strings.Index(string(tfSrc), "  definition"):strings.Index(string(tfSrc), "  logging")])) {
		t.Fatalf("terraform file:\n%s", got)
	}

	// Serverless Framework files keep no settings here: said plainly.
	sls := filepath.Join(dir, "serverless.yml")
	os.WriteFile(sls, []byte("service: x\nstepFunctions:\n  stateMachines:\n    x:\n      definition:\n        StartAt: A\n        States: {A: {Type: Pass, End: true}}\n"), 0o644)
	if _, err := ReadSettings(sls, "x"); !errors.Is(err, ErrSettingsUnsupported) {
		t.Fatalf("serverless: %v", err)
	}
}
