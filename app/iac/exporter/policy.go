package exporter

import (
	"sort"
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// Statement is one Allow statement of the drafted execution-role policy.
// Resources may hold ${Name} substitutions and the pseudo parameters
// ${AWS::Partition}, ${AWS::Region} and ${AWS::AccountId}; each target
// writes them its own way.
type Statement struct {
	Sid       string   `json:"sid"`
	Actions   []string `json:"actions"`
	Resources []string `json:"resources"`
}

// Policy is the draft: statements, and notes on tasks it could not cover.
type Policy struct {
	Statements []Statement `json:"statements"`
	Notes      []string    `json:"notes"`
}

const (
	anyValue = "*"
)

var sdkIAMPrefix = map[string]string{"sfn": "states", "elasticloadbalancingv2": "elasticloadbalancing", "cloudwatchlogs": "logs", "sfnactivity": "states"}

// DraftPolicy drafts a least-privilege policy for the tasks of m,
// including Parallel branches and Map processors: per integration the
// actions it needs, on the resource its parameters name ("*" only where
// the resource is chosen at run time from the input).
//
// values maps substitution names to the values they replaced, so that a
// resource written ${ShippingQueueUrl} still narrows to that queue.
func DraftPolicy(m *asl.StateMachine, values map[string]string) Policy {
	d := drafter{byKey: map[string]*Statement{}, values: values}
	d.machine(m)
	p := Policy{Statements: make([]Statement, 0, len(d.order)), Notes: d.notes}
	for _, k := range d.order {
		s := d.byKey[k]
		sort.Strings(s.Actions)
		p.Statements = append(p.Statements, *s)
	}
	if p.Notes == nil {
		p.Notes = []string{}
	}
	return p
}

type drafter struct {
	values map[string]string
	byKey  map[string]*Statement
	order  []string
	notes  []string
}

func (d *drafter) machine(m *asl.StateMachine) {
	if m == nil {
		return
	}
	for _, s := range m.States {
		switch s.Type {
		case asl.TypeTask:
			d.task(s)
		case asl.TypeParallel:
			for _, b := range s.Branches {
				d.machine(b)
			}
		case asl.TypeMap:
			d.mapState(s)
			d.machine(s.ItemProcessor)
		}
	}
}

// add merges actions on one resource set into a statement.
func (d *drafter) add(sid string, resources []string, actions ...string) {
	key := strings.Join(resources, ",")
	s := d.byKey[key]
	if s == nil {
		s = &Statement{Sid: sid, Resources: resources}
		d.byKey[key] = s
		d.order = append(d.order, key)
	}
	for _, a := range actions {
		if !contains(s.Actions, a) {
			s.Actions = append(s.Actions, a)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// param returns a task parameter's static value, "*" when it is taken
// from the input at run time (Key.$ or a JSONata expression), "" when absent.
func param(s *asl.State, key string) string {
	for _, args := range []*asl.Node{s.Parameters, s.Arguments} {
		if args == nil {
			continue
		}
		if v := args.Get(key); v.Is(asl.KindString) {
			if strings.HasPrefix(v.Str, "{%") {
				return anyValue
			}
			return v.Str
		}
		if args.Get(key+".$") != nil {
			return anyValue
		}
	}
	return ""
}

func (d *drafter) task(s *asl.State) {
	in := s.Integration
	if orig := d.original(s.Resource); orig != s.Resource {
		in = asl.ParseResource(orig) // ${ReserveFunctionArn} that replaced a Lambda ARN
	}
	sid := pascal(s.Name)
	sync := in.Pattern == asl.Sync || in.Pattern == asl.Sync2
	switch {
	case in.Activity:
		return // workers poll the activity; the machine's role needs nothing
	case in.Lambda:
		d.add(sid, lambdaResources(s.Resource), "lambda:InvokeFunction")
	case in.Service == "lambda" && in.Action == "invoke":
		d.add(sid, lambdaResources(orAny(param(s, "FunctionName"))), "lambda:InvokeFunction")
	case in.Service == "sns" && in.Action == "publish":
		d.add(sid, []string{orAny(param(s, "TopicArn"))}, "sns:Publish")
	case in.Service == "sqs" && in.Action == "sendMessage":
		d.add(sid, []string{d.queueARN(param(s, "QueueUrl"))}, "sqs:SendMessage")
	case in.Service == "dynamodb":
		d.add(sid, []string{tableARN(param(s, "TableName"))}, "dynamodb:"+pascal(in.Action))
	case in.Service == "states" && in.Action == "startExecution":
		arn := orAny(param(s, "StateMachineArn"))
		d.add(sid, []string{arn}, "states:StartExecution")
		if sync {
			d.add(sid+"Executions", []string{executionARN(d.original(arn))}, "states:DescribeExecution", "states:StopExecution")
			d.eventsRule("StepFunctionsGetEventsForStepFunctionsExecutionRule")
		}
	case in.Service == "ecs" && in.Action == "runTask":
		d.add(sid, []string{orAny(param(s, "TaskDefinition"))}, "ecs:RunTask")
		d.notes = append(d.notes, s.Name+": ECS also needs iam:PassRole on the task's execution and task roles; add them by hand")
		if sync {
			d.add(sid+"Tasks", []string{anyValue}, "ecs:StopTask", "ecs:DescribeTasks")
			d.eventsRule("StepFunctionsGetEventsForECSTaskRule")
		}
	case in.Service == "batch" && in.Action == "submitJob":
		d.add(sid, []string{orAny(param(s, "JobQueue")), orAny(param(s, "JobDefinition"))}, "batch:SubmitJob")
		if sync {
			d.add(sid+"Jobs", []string{anyValue}, "batch:DescribeJobs", "batch:TerminateJob")
			d.eventsRule("StepFunctionsGetEventsForBatchJobsRule")
		}
	case in.Service == "glue" && in.Action == "startJobRun":
		job := param(s, "JobName")
		res := anyValue
		if job != "" && job != anyValue {
			res = "arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:job/" + job
		}
		actions := []string{"glue:StartJobRun"}
		if sync {
			actions = append(actions, "glue:GetJobRun", "glue:GetJobRuns", "glue:BatchStopJobRun")
		}
		d.add(sid, []string{res}, actions...)
	case in.Service == "events" && in.Action == "putEvents":
		d.add(sid, []string{eventBusARN(s)}, "events:PutEvents")
	case in.Service == "http" && in.Action == "invoke":
		d.add(sid, []string{anyValue}, "states:InvokeHTTPEndpoint")
		d.add(sid+"Connection", []string{orAny(param(s, "ConnectionArn"))}, "events:RetrieveConnectionCredentials")
		d.add(sid+"Secret", []string{"arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:events!connection/*"},
			"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret")
	case in.Service == "bedrock" && in.Action == "invokeModel":
		model := param(s, "ModelId")
		res := anyValue
		if model != "" && model != anyValue {
			res = model
			if !strings.HasPrefix(model, "arn:") {
				res = "arn:${AWS::Partition}:bedrock:${AWS::Region}::foundation-model/" + model
			}
		}
		d.add(sid, []string{res}, "bedrock:InvokeModel")
	case strings.HasPrefix(in.Service, "aws-sdk:"):
		svc := strings.TrimPrefix(in.Service, "aws-sdk:")
		if p, ok := sdkIAMPrefix[svc]; ok {
			svc = p
		}
		action := svc + ":" + pascal(in.Action)
		if res := d.sdkResources(s); res != nil {
			d.add(sid, res, action)
			return
		}
		d.add(sid, []string{anyValue}, action)
		d.notes = append(d.notes, s.Name+": "+action+" is allowed on every resource; narrow it to the resources the call touches")
	case nameRE().MatchString(s.Resource) && len(nameRE().FindString(s.Resource)) == len(s.Resource) &&
		strings.Contains(strings.ToLower(s.Resource), "function"):
		// Resource: ${OrderFunctionArn}, as SAM writes !GetAtt Fn.Arn: a Lambda function.
		d.add(sid, lambdaResources(s.Resource), "lambda:InvokeFunction")
	default:
		if nameRE().MatchString(s.Resource) {
			d.notes = append(d.notes, s.Name+": the Resource "+s.Resource+" is a substitution; add what it needs by hand")
		} else if s.Resource != "" {
			d.notes = append(d.notes, s.Name+": no policy drafted for "+s.Resource+"; add what it needs by hand")
		}
	}
}

// mapState covers a Distributed Map's item reader and result writer.
func (d *drafter) mapState(s *asl.State) {
	if s.ItemReader != nil {
		bucket := "*"
		if s.ItemReader.Parameters != nil {
			if b := s.ItemReader.Parameters.Get("Bucket"); b.Is(asl.KindString) {
				bucket = b.Str
			}
		}
		arn := "arn:${AWS::Partition}:s3:::" + bucket
		d.add(pascal(s.Name)+"Reader", []string{arn, arn + "/*"}, "s3:GetObject", "s3:ListBucket")
	}
	if s.ResultWriter != nil {
		d.add(pascal(s.Name)+"Writer", []string{anyValue}, "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts")
	}
	if s.Distributed() {
		d.add(pascal(s.Name)+"ChildExecutions", []string{anyValue}, "states:StartExecution", "states:DescribeExecution", "states:StopExecution")
	}
}

// eventsRule: .sync integrations watch the job through a managed rule.
func (d *drafter) eventsRule(rule string) {
	d.add("ManagedRule"+strings.TrimPrefix(rule, "StepFunctionsGetEventsFor"),
		[]string{"arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/" + rule},
		"events:PutTargets", "events:PutRule", "events:DescribeRule")
}
