package exporter

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Pinned so the check is reproducible; installed once into a cache
// folder outside the repository and reused by later runs.
const cdkCheckPackages = "aws-cdk-lib@2.276.0 constructs@10.8.1 typescript@5.9.3"

// TestCDKTypeChecks type-checks the CDK export with tsc against the real
// aws-cdk-lib. It skips with a message when npm is missing or the
// registry is unreachable.
func TestCDKTypeChecks(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the tsc check of the CDK export")
	}
	cache := cdkCache(t)
	dir, err := os.MkdirTemp(cache, "check-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	// All exports go into one project so tsc loads aws-cdk-lib once.
	var include []string
	for i, c := range []struct {
		opts Options
		src  []byte
	}{
		{Options{Target: CDK, Name: "Order Process"}, readDef(t, "order.asl.json")},
		{Options{Target: CDK, Name: "plain", Express: true, Substitutions: []Substitution{}}, readDef(t, "order.asl.json")},
		{Options{Target: CDK, Name: "needs-input"}, []byte(`{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"TopicArn":"${AlertTopic}","Message":"x"},"End":true}}}`)},
	} {
		r, err := Export(c.src, c.opts)
		if err != nil {
			t.Fatal(err)
		}
		sub := filepath.Join(dir, fmt.Sprint(i))
		for _, f := range r.Files {
			p := filepath.Join(sub, filepath.FromSlash(f.Path))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(f.Content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		// The stack is instantiated as a user's bin/app.ts would.
		stack := strings.TrimSuffix(filepath.Base(r.Files[0].Path), ".ts")
		class := pascal(kebab(c.opts.Name)) + "Stack"
		props := ""
		if strings.Contains(r.Files[0].Content, "props: "+class+"Props)") {
			props = ", { alertTopic: 'arn:aws:sns:us-east-1:123456789012:alerts' }"
		}
		app := "import * as cdk from 'aws-cdk-lib';\nimport { " + class + " } from '../lib/" + stack + "';\n" +
			"const app = new cdk.App();\nnew " + class + "(app, '" + class + "'" + props + ");\n"
		os.MkdirAll(filepath.Join(sub, "bin"), 0o755)
		os.WriteFile(filepath.Join(sub, "bin", "app.ts"), []byte(app), 0o644)
		include = append(include, fmt.Sprintf(`"%d/bin", "%d/lib"`, i, i))
	}
	os.WriteFile(filepath.Join(dir, "tsconfig.json"), []byte(`{"compilerOptions":{"target":"ES2022","module":"commonjs","strict":true,"noEmit":true,"skipLibCheck":true,"types":[]},"include":[`+strings.Join(include, ",")+`]}`), 0o644)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", filepath.Join(cache, "node_modules", "typescript", "bin", "tsc"), "-p", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tsc rejects the CDK export: %v\n%s", err, out)
	}
}

// cdkCache returns the folder with aws-cdk-lib installed, installing it
// on first use, or skips.
func cdkCache(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("npm"); err != nil {
		t.Skip("npm not found: skipping the tsc check of the CDK export")
	}
	base, err := os.UserCacheDir()
	if err != nil {
		t.Skipf("no cache folder for the CDK check: %v", err)
	}
	dir := filepath.Join(base, "stepstudio", "cdk-check")
	marker := filepath.Join(dir, "node_modules", ".stepstudio-"+strings.NewReplacer(" ", "_", "@", "-").Replace(cdkCheckPackages))
	if _, err := os.Stat(marker); err == nil {
		return dir
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Skipf("cannot create %s: %v", dir, err)
	}
	os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{"name":"stepstudio-cdk-check","private":true}`), 0o644)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := append([]string{"install", "--no-audit", "--no-fund", "--save-exact"}, strings.Fields(cdkCheckPackages)...)
	cmd := exec.CommandContext(ctx, "npm", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("npm install %s failed (registry unreachable?): %v\n%s", cdkCheckPackages, err, out)
	}
	os.WriteFile(marker, nil, 0o644)
	return dir
}
