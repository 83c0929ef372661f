package sidecar

// Deploy is how the workflow is deployed to AWS Step Functions, kept in
// the "deploy" section so a team shares it through the project: which
// state machine, how it is configured, and what was last pulled from it.
// It never holds credentials nor a profile (those are personal: the
// studio takes them from the standard AWS chain at the moment it
// connects).
type Deploy struct {
	// Name is the state machine's name in AWS.
	Name string `json:"name,omitempty"`
	// Type is STANDARD (the default) or EXPRESS.
	Type string `json:"type,omitempty"`
	// RoleArn is the execution role the state machine runs as.
	RoleArn string `json:"roleArn,omitempty"`
	// Region is where it is deployed; "" takes the profile's region.
	Region  string         `json:"region,omitempty"`
	Logging *DeployLogging `json:"logging,omitempty"`
	// Tracing turns on AWS X-Ray tracing.
	Tracing bool `json:"tracing,omitempty"`
	// KMSKeyID is a customer managed key that encrypts the state
	// machine's data; "" uses an AWS owned key.
	KMSKeyID string `json:"kmsKeyId,omitempty"`
	// StateMachineArn is the ARN of the deployed state machine, once known.
	StateMachineArn string `json:"stateMachineArn,omitempty"`
	// Pulled is the deployed definition as last seen (pulled or deployed
	// from here): a deploy refuses to overwrite a deployed definition
	// that changed since, unless forced.
	Pulled *DeployPulled `json:"pulled,omitempty"`
}

// DeployLogging sends execution events to CloudWatch Logs.
type DeployLogging struct {
	Level                string `json:"level,omitempty"` // ALL, ERROR, FATAL or OFF
	IncludeExecutionData bool   `json:"includeExecutionData,omitempty"`
	// Destination is the log group's ARN (ending in ":*").
	Destination string `json:"destination,omitempty"`
}

// DeployPulled identifies a deployed definition.
type DeployPulled struct {
	// Hash is "sha256:" and the hex digest of the definition text as AWS
	// returned it.
	Hash       string `json:"hash"`
	RevisionID string `json:"revisionId,omitempty"`
	// UpdateDate is when AWS says it was created or last updated (RFC
	// 3339), when the deploy from here made it; "" when pulled (AWS's
	// DescribeStateMachine does not say).
	UpdateDate string `json:"updateDate,omitempty"`
}
