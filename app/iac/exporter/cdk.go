package exporter

import (
	"encoding/json"
	"fmt"
	"strings"
)

// cdkPseudo maps CloudFormation pseudo parameters to aws-cdk-lib tokens.
var cdkPseudo = map[string]string{"AWS::Partition": "cdk.Aws.PARTITION", "AWS::Region": "cdk.Aws.REGION", "AWS::AccountId": "cdk.Aws.ACCOUNT_ID"}

// cdk: a TypeScript stack with sfn.DefinitionBody.fromFile and
// definitionSubstitutions, each substitution a stack prop (defaulting to
// the value taken from the definition), and the drafted policy.
func (j *job) cdk() ([]File, error) {
	var b strings.Builder
	props := j.id + "StackProps"
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("// %s state machine, exported by Stepstudio.\n", j.name)
	w("import * as cdk from 'aws-cdk-lib';\n")
	if len(j.policy.Statements) > 0 {
		w("import * as iam from 'aws-cdk-lib/aws-iam';\n")
	}
	w("import * as sfn from 'aws-cdk-lib/aws-stepfunctions';\n")
	w("import { Construct } from 'constructs';\n\n")
	w("/** Values put in place of ${Name} in %s. */\n", j.defPath)
	w("export interface %s extends cdk.StackProps {\n", props)
	required := false
	for _, s := range j.subs {
		if s.Value != "" {
			w("  /** Substituted for ${%s}; defaults to %s. */\n", s.Name, tsString(s.Value))
			w("  readonly %s?: string;\n", camel(s.Name))
		} else {
			w("  /** Substituted for ${%s}. */\n", s.Name)
			w("  readonly %s: string;\n", camel(s.Name))
			required = true
		}
	}
	w("}\n\n")
	w("export class %sStack extends cdk.Stack {\n", j.id)
	if required {
		w("  constructor(scope: Construct, id: string, props: %s) {\n", props)
	} else {
		w("  constructor(scope: Construct, id: string, props: %s = {}) {\n", props)
	}
	w("    super(scope, id, props);\n")
	w("    const substitutions = {\n")
	for _, s := range j.subs {
		if s.Value != "" {
			w("      %s: props.%s ?? %s,\n", s.Name, camel(s.Name), tsString(s.Value))
		} else {
			w("      %s: props.%s,\n", s.Name, camel(s.Name))
		}
	}
	w("    };\n")
	w("    const stateMachine = new sfn.StateMachine(this, %s, {\n", tsString(j.id))
	w("      // The path is relative to where `cdk synth` runs (the project folder).\n")
	w("      definitionBody: sfn.DefinitionBody.fromFile(%s),\n", tsString(j.defPath))
	w("      definitionSubstitutions: substitutions,\n")
	w("      stateMachineType: sfn.StateMachineType.%s,\n", j.machineType())
	w("    });\n")
	for _, s := range j.policy.Statements {
		w("    stateMachine.addToRolePolicy(new iam.PolicyStatement({\n")
		w("      sid: %s,\n", tsString(s.Sid))
		w("      actions: [%s],\n", tsList(s.Actions, tsString))
		w("      resources: [%s],\n", tsList(s.Resources, j.tsResource))
		w("    }));\n")
	}
	w("    new cdk.CfnOutput(this, 'StateMachineArn', { value: stateMachine.stateMachineArn });\n")
	w("  }\n}\n")
	return []File{{Path: "lib/" + j.name + "-stack.ts", Content: b.String()}, j.definitionFile()}, nil
}

func tsString(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}

func tsList(xs []string, f func(string) string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = f(x)
	}
	return strings.Join(parts, ", ")
}

// tsResource writes a policy resource, turning ${Name} into the
// substitution's value and pseudo parameters into cdk.Aws tokens.
func (j *job) tsResource(s string) string {
	if !strings.Contains(s, "${") {
		return tsString(s)
	}
	var b strings.Builder
	b.WriteByte('`')
	placeholderParts(s, func(lit string) {
		b.WriteString(strings.NewReplacer("\\", "\\\\", "`", "\\`", "${", "\\${").Replace(lit))
	}, func(name string) {
		if tok, ok := cdkPseudo[name]; ok {
			b.WriteString("${" + tok + "}")
		} else if validName(name) {
			b.WriteString("${substitutions." + name + "}")
		} else {
			b.WriteString("\\${" + name + "}")
		}
	})
	b.WriteByte('`')
	return b.String()
}
