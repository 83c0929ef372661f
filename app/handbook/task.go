package handbook

import (
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// service is what the handbook knows of one AWS service integration: the
// kind of resource a call names, the parameter that names it, and how to
// shorten what is written there to a name.
type service struct {
	kind  string // "DynamoDB table"
	group string // "DynamoDB tables"
	key   string // the parameter naming the resource
	short func(string) string
	verbs map[string]string // action (lower case) -> verb phrase before the target
}

var services = map[string]service{
	"lambda": {kind: "Lambda function", group: "Lambda functions", key: "FunctionName", short: functionName,
		verbs: map[string]string{"invoke": "calls"}},
	"dynamodb": {kind: "DynamoDB table", group: "DynamoDB tables", key: "TableName",
		verbs: map[string]string{"getitem": "reads an item from", "putitem": "writes an item to", "updateitem": "updates an item in",
			"deleteitem": "deletes an item from", "query": "queries", "scan": "scans"}},
	"sqs": {kind: "SQS queue", group: "SQS queues", key: "QueueUrl", short: func(s string) string { return lastSegment(s, "/") },
		verbs: map[string]string{"sendmessage": "sends a message to"}},
	"sns": {kind: "SNS topic", group: "SNS topics", key: "TopicArn", short: arnName,
		verbs: map[string]string{"publish": "publishes a message to"}},
	"s3": {kind: "S3 bucket", group: "S3 buckets", key: "Bucket",
		verbs: map[string]string{"getobject": "reads an object from", "putobject": "writes an object to",
			"deleteobject": "deletes an object from", "listobjectsv2": "lists the objects in", "copyobject": "copies an object into"}},
	"states": {kind: "state machine", group: "Other workflows (state machines)", key: "StateMachineArn", short: arnName,
		verbs: map[string]string{"startexecution": "starts the workflow"}},
	"events": {kind: "EventBridge event bus", group: "EventBridge event buses", key: "EventBusName", short: arnName,
		verbs: map[string]string{"putevents": "sends events to"}},
	"sfn": {kind: "state machine", group: "Other workflows (state machines)", key: "StateMachineArn", short: arnName,
		verbs: map[string]string{"startexecution": "starts the workflow", "startsyncexecution": "runs the workflow"}},
	"glue":           {kind: "Glue job", group: "Glue jobs", key: "JobName", verbs: map[string]string{"startjobrun": "starts"}},
	"ecs":            {kind: "ECS task definition", group: "ECS task definitions", key: "TaskDefinition", short: arnName, verbs: map[string]string{"runtask": "runs a task of"}},
	"batch":          {kind: "Batch job definition", group: "Batch job definitions", key: "JobDefinition", short: arnName, verbs: map[string]string{"submitjob": "submits a job with"}},
	"codebuild":      {kind: "CodeBuild project", group: "CodeBuild projects", key: "ProjectName", verbs: map[string]string{"startbuild": "starts a build of"}},
	"bedrock":        {kind: "Bedrock model", group: "Bedrock models", key: "ModelId", short: arnName, verbs: map[string]string{"invokemodel": "asks"}},
	"http":           {kind: "HTTPS endpoint", group: "HTTPS endpoints", key: "ApiEndpoint", verbs: map[string]string{"invoke": "calls"}},
	"apigateway":     {kind: "API Gateway endpoint", group: "API Gateway endpoints", key: "ApiEndpoint", verbs: map[string]string{"invoke": "calls"}},
	"athena":         {kind: "Athena workgroup", group: "Athena workgroups", key: "WorkGroup", verbs: map[string]string{"startqueryexecution": "runs a query in"}},
	"eks":            {kind: "EKS cluster", group: "EKS clusters", key: "ClusterName", short: arnName},
	"secretsmanager": {kind: "secret", group: "Secrets Manager secrets", key: "SecretId", short: arnName, verbs: map[string]string{"getsecretvalue": "reads"}},
	"sagemaker":      {kind: "SageMaker job", group: "SageMaker jobs", key: "TrainingJobName"},
	"kinesis":        {kind: "Kinesis stream", group: "Kinesis streams", key: "StreamName", verbs: map[string]string{"putrecord": "puts a record into", "putrecords": "puts records into"}},
	"firehose":       {kind: "Firehose stream", group: "Firehose streams", key: "DeliveryStreamName", verbs: map[string]string{"putrecord": "puts a record into"}},
}

// pseudoParameters stand in for CloudFormation's pseudo parameters so an
// ARN written with them (arn:${AWS::Partition}:states:::sns:publish) is
// still recognised.
var pseudoParameters = strings.NewReplacer("${AWS::Partition}", "aws", "${AWS::Region}", "region", "${AWS::AccountId}", "account")

// use is one resource a step names.
type use struct {
	group, kind string
	v           value
}

// call describes a Task's Resource: the sentence of what it does, the
// resources it touches, and whether it waits for a person or system.
type call struct {
	says  Phrase
	uses  []use
	human bool
}

func taskCall(s *asl.State) call {
	in := s.Integration
	if in.Service == "" && !in.Activity && strings.Contains(s.Resource, "${") {
		in = asl.ParseResource(pseudoParameters.Replace(s.Resource))
	}
	var b phraser
	var c call
	switch {
	case in.Lambda:
		name := value{Text: functionName(s.Resource), Present: true}
		b.w("calls ").add(target(services["lambda"], name))
		c.uses = append(c.uses, use{"Lambda functions", "Lambda function", name})
	case in.Activity:
		name := value{Text: arnName(s.Resource), Present: true}
		b.w("hands the work to the activity ").c(name.Text).w(" and waits for a worker to do it and answer")
		c.uses = append(c.uses, use{"Activities (workers)", "activity", name})
		c.human = true
	case in.Service == "":
		if e, ok := expression(s.Resource); ok {
			b.w("calls a resource decided at run time (").c(e).w(")")
		} else if s.Resource == "" {
			b.w("calls nothing yet (it has no Resource)")
		} else if strings.HasPrefix(s.Resource, "${") {
			b.w("calls ").c(s.Resource).w(", a resource named when the workflow is deployed")
			c.uses = append(c.uses, use{"Named at deployment (template substitutions)", "resource", value{Text: s.Resource, Present: true}})
		} else {
			b.w("calls ").c(s.Resource)
			c.uses = append(c.uses, use{"Other resources", "resource", value{Text: s.Resource, Present: true}})
		}
	default:
		c.says, c.uses = integration(s, in)
		b.add(c.says)
	}
	switch in.Pattern {
	case asl.Sync, asl.Sync2:
		b.w(", and waits for the job to finish")
	case asl.WaitForTaskToken:
		b.w(", and waits for a person or system to answer (it sends a task token and pauses until the token comes back)")
		c.human = true
	}
	c.says = b.phrase()
	return c
}

// integration is a service integration (arn:aws:states:::sqs:sendMessage,
// arn:aws:states:::aws-sdk:s3:getObject) in words, with its resources.
func integration(s *asl.State, in asl.Integration) (Phrase, []use) {
	name := strings.TrimPrefix(in.Service, "aws-sdk:")
	sdk := name != in.Service
	svc, known := services[name]
	var b phraser
	generic := func() (Phrase, []use) {
		if sdk {
			b.w("calls the AWS SDK action ").c(name + ":" + in.Action)
		} else {
			b.w("calls the AWS service action ").c(in.Service + ":" + in.Action)
		}
		return b.phrase(), []use{{"Other AWS services", "service", value{Text: name, Present: true}}}
	}
	if !known {
		return generic()
	}
	v := argument(s, svc.key)
	if name == "events" {
		v = eventBus(s)
	}
	verb, ok := svc.verbs[strings.ToLower(in.Action)]
	if !v.Present && !ok {
		return generic() // an action on something the handbook cannot name (a Glue crawler, an Athena query)
	}
	if v.Present && !v.Runtime && svc.short != nil {
		v.Text = svc.short(v.Text)
	}
	switch {
	case ok && (name == "states" || name == "sfn"):
		b.w(verb + " ").add(targetName(svc, v))
	case ok:
		b.w(verb + " ").add(target(svc, v))
	default:
		b.w("calls ").c(name + ":" + in.Action).w(" on ").add(target(svc, v))
	}
	var uses []use
	if v.Present {
		uses = append(uses, use{svc.group, svc.kind, v})
	} else {
		uses = append(uses, use{svc.group, svc.kind, value{Text: "not named in the definition", Runtime: true}})
	}
	return b.phrase(), uses
}

// eventBus is the bus PutEvents sends to: the first entry's EventBusName,
// else the account's default bus.
func eventBus(s *asl.State) value {
	entries := s.Parameters.Get("Entries")
	if entries == nil {
		entries = s.Arguments.Get("Entries")
	}
	if e := entries.Index(0); e != nil {
		if v := field(e, "EventBusName"); v.Present {
			return v
		}
		return value{Text: "default", Present: true}
	}
	if entries.Is(asl.KindString) {
		return value{Text: entries.Str, Runtime: true, Present: true}
	}
	if p := s.Parameters.Get("Entries.$"); p.Is(asl.KindString) {
		return value{Text: p.Str, Runtime: true, Present: true}
	}
	return value{}
}

// target is "the SQS queue `orders`", "an SQS queue decided at run time
// (`$.queue`)" or "an SQS queue".
func target(svc service, v value) Phrase {
	var b phraser
	switch {
	case !v.Present:
		b.w(article(svc.kind) + " " + svc.kind)
	case v.Runtime:
		b.w(article(svc.kind) + " " + svc.kind + " decided at run time (").c(v.Text).w(")")
	default:
		b.w("the " + svc.kind + " ").c(v.Text)
	}
	return b.phrase()
}

// targetName is the target without its kind ("starts the workflow `X`").
func targetName(svc service, v value) Phrase {
	var b phraser
	switch {
	case !v.Present:
		b.w("named at run time")
	case v.Runtime:
		b.w("decided at run time (").c(v.Text).w(")")
	default:
		b.c(v.Text)
	}
	return b.phrase()
}

func article(noun string) string {
	switch strings.ToLower(noun[:1]) {
	case "a", "e", "i", "o", "u":
		return "an"
	}
	if strings.HasPrefix(noun, "S") && (strings.HasPrefix(noun, "SQS") || strings.HasPrefix(noun, "SNS") || strings.HasPrefix(noun, "S3")) {
		return "an" // "an SQS queue": said letter by letter
	}
	return "a"
}
