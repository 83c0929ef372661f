package exporter

import (
	"fmt"
	"strings"
)

// tfPseudo maps CloudFormation pseudo parameters to Terraform data sources.
var tfPseudo = map[string]string{
	"AWS::Partition": "data.aws_partition.current.partition",
	"AWS::Region":    "data.aws_region.current.name",
	"AWS::AccountId": "data.aws_caller_identity.current.account_id",
}

// terraform: aws_sfn_state_machine reading the definition with
// templatefile(), one variable per substitution, and a role with the
// drafted policy.
func (j *job) terraform() ([]File, error) {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	name := snake(j.id)
	w("# %s state machine, exported by Stepstudio.\n\n", j.name)
	for _, s := range j.subs {
		w("variable %s {\n", hclString(snake(s.Name)))
		w("  type        = string\n")
		w("  description = %s\n", hclString("Value of the "+s.Name+" placeholder in the definition."))
		if s.Value != "" {
			w("  default     = %s\n", hclString(s.Value))
		}
		w("}\n\n")
	}
	w("data \"aws_partition\" \"current\" {}\ndata \"aws_region\" \"current\" {}\ndata \"aws_caller_identity\" \"current\" {}\n\n")
	w("resource \"aws_iam_role\" %s {\n", hclString(name))
	w("  name_prefix = %s\n", hclString(trimTo(j.name+"-", 32)))
	w("  assume_role_policy = jsonencode({\n")
	w("    Version = \"2012-10-17\"\n")
	w("    Statement = [{\n")
	w("      Effect    = \"Allow\"\n")
	w("      Action    = \"sts:AssumeRole\"\n")
	w("      Principal = { Service = \"states.amazonaws.com\" }\n")
	w("    }]\n")
	w("  })\n}\n\n")
	if len(j.policy.Statements) > 0 {
		w("# Least-privilege draft from the tasks the workflow runs; review before applying.\n")
		w("resource \"aws_iam_role_policy\" %s {\n", hclString(name))
		w("  role = aws_iam_role.%s.id\n", name)
		w("  policy = jsonencode({\n")
		w("    Version = \"2012-10-17\"\n")
		w("    Statement = [\n")
		for _, s := range j.policy.Statements {
			w("      {\n")
			w("        Sid      = %s\n", hclString(s.Sid))
			w("        Effect   = \"Allow\"\n")
			w("        Action   = [%s]\n", tsList(s.Actions, hclString))
			w("        Resource = [%s]\n", tsList(s.Resources, j.hclResource))
			w("      },\n")
		}
		w("    ]\n")
		w("  })\n}\n\n")
	}
	w("resource \"aws_sfn_state_machine\" %s {\n", hclString(name))
	w("  name     = %s\n", hclString(j.name))
	w("  role_arn = aws_iam_role.%s.arn\n", name)
	w("  type     = %s\n", hclString(j.machineType()))
	if len(j.subs) == 0 {
		w("  definition = templatefile(\"${path.module}/%s\", {})\n", j.defPath)
	} else {
		w("  definition = templatefile(\"${path.module}/%s\", {\n", j.defPath)
		width := 0
		for _, s := range j.subs {
			width = max(width, len(s.Name))
		}
		for _, s := range j.subs {
			w("    %-*s = var.%s\n", width, s.Name, snake(s.Name))
		}
		w("  })\n")
	}
	w("}\n\n")
	w("output \"state_machine_arn\" {\n  value = aws_sfn_state_machine.%s.arn\n}\n", name)
	return []File{{Path: "main.tf", Content: b.String()}, j.definitionFile()}, nil
}

func trimTo(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// hclString quotes s as an HCL string with no interpolation.
func hclString(s string) string {
	return `"` + hclEscape(s) + `"`
}

func hclEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\t", `\t`, "${", "$${", "%{", "%%{").Replace(s)
}

// hclResource writes a policy resource, turning ${Name} into the
// variable and pseudo parameters into data sources.
func (j *job) hclResource(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	placeholderParts(s, func(lit string) { b.WriteString(hclEscape(lit)) }, func(name string) {
		if ref, ok := tfPseudo[name]; ok {
			b.WriteString("${" + ref + "}")
		} else if validName(name) {
			b.WriteString("${var." + snake(name) + "}")
		} else {
			b.WriteString("$${" + name + "}")
		}
	})
	b.WriteByte('"')
	return b.String()
}
