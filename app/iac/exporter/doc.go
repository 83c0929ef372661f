// Package exporter turns an ASL definition into what an IaC tool deploys:
// plain ASL (JSON or YAML), a SAM or CloudFormation template, a CDK
// TypeScript stack or a Terraform configuration. Hard-coded ARNs, queue
// URLs, table and bucket names, account ids and regions are offered as
// substitutions (${OrderTableArn}) applied the same way to the definition
// and the template, and the IAM policy is drafted per action and resource
// from the tasks the workflow runs.
package exporter
