package schema

import (
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// optimized lists the actions of Step Functions' optimized integrations
// (arn:aws:states:::service:action); "aws-sdk:…" integrations are open.
var optimized = map[string][]string{
	"lambda":            {"invoke"},
	"batch":             {"submitJob"},
	"dynamodb":          {"getItem", "putItem", "deleteItem", "updateItem"},
	"ecs":               {"runTask"},
	"eks":               {"createCluster", "deleteCluster", "createFargateProfile", "deleteFargateProfile", "createNodegroup", "deleteNodegroup", "runJob", "call"},
	"sns":               {"publish"},
	"sqs":               {"sendMessage"},
	"glue":              {"startJobRun"},
	"databrew":          {"startJobRun"},
	"sagemaker":         {"createTrainingJob", "createTransformJob", "createModel", "createEndpointConfig", "createEndpoint", "updateEndpoint", "createHyperParameterTuningJob", "createLabelingJob", "createProcessingJob"},
	"elasticmapreduce":  {"createCluster", "terminateCluster", "addStep", "cancelStep", "setClusterTerminationProtection", "modifyInstanceFleetByName", "modifyInstanceGroupByName"},
	"emr-containers":    {"startJobRun", "createVirtualCluster", "deleteVirtualCluster"},
	"emr-serverless":    {"createApplication", "startApplication", "stopApplication", "deleteApplication", "startJobRun", "cancelJobRun"},
	"codebuild":         {"startBuild", "stopBuild", "batchDeleteBuilds", "batchGetReports", "startBuildBatch", "stopBuildBatch", "retryBuildBatch", "retryBuild", "deleteBuildBatch"},
	"athena":            {"startQueryExecution", "stopQueryExecution", "getQueryExecution", "getQueryResults", "startCalculationExecution", "stopCalculationExecution", "getCalculationExecution", "startSession", "terminateSession", "getSession", "getSessionStatus"},
	"states":            {"startExecution"},
	"apigateway":        {"invoke"},
	"events":            {"putEvents"},
	"bedrock":           {"invokeModel", "createModelCustomizationJob"},
	"http":              {"invoke"},
	"mediaconvert":      {"createJob"},
	"s3":                {"getObject", "putObject", "listObjectsV2"},
	"sagemaker-runtime": {"invokeEndpoint"},
}

var (
	lambdaARN = lazyRegexp(`^arn:[^:]*:lambda:[^:]*:[^:]*:function:[A-Za-z0-9_-]{1,64}(:(\$LATEST|[A-Za-z0-9_-]{1,128}))?$`)
	statesARN = lazyRegexp(`^arn:[\w-]+:states:::`)
)

func (c *checker) resource(s *asl.State, ptr string) {
	if s.Type == asl.TypeTask {
		c.resourceValue(s, asl.Append(ptr, "Resource"), s.Field("Resource"), s.Integration)
	}
	if s.ItemReader != nil {
		c.resourceValue(s, ptr+"/ItemReader/Resource", s.ItemReader.Node.Get("Resource"), s.ItemReader.Integration)
	}
	if s.ResultWriter != nil {
		c.resourceValue(s, ptr+"/ResultWriter/Resource", s.ResultWriter.Node.Get("Resource"), s.ResultWriter.Integration)
	}
}

func (c *checker) resourceValue(s *asl.State, ptr string, v *asl.Node, in asl.Integration) {
	if !v.Is(asl.KindString) || v.Str == "" {
		return
	}
	arn := v.Str
	if brokenPlaceholder(arn) {
		c.errorAt(ptr, v, CodeInvalidResource, "State %q: Resource %q has a \"${\" with no closing \"}\". Close the substitution.", s.Name, arn)
		return
	}
	if isPlaceholder(arn) {
		if !c.opts.Placeholders {
			c.errorAt(ptr, v, CodeInvalidResource,
				"State %q: Resource %q holds an IaC substitution, which AWS only accepts once substituted. Validate with placeholders allowed (--placeholders), or write the ARN.", s.Name, arn)
		}
		return
	}
	switch {
	case strings.HasPrefix(arn, "arn:") && strings.Contains(arn, ":lambda:") && strings.Contains(arn, ":function:"):
		if !lambdaARN().MatchString(arn) {
			c.errorAt(ptr, v, CodeInvalidResource,
				"State %q: Resource %q is not a valid Lambda function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME, optionally followed by :ALIAS or :VERSION).", s.Name, arn)
		}
	case statesARN().MatchString(arn) && !strings.HasPrefix(in.Service, "aws-sdk:"):
		actions, known := optimized[in.Service]
		if !known || !contains(actions, in.Action) {
			c.errorAt(ptr, v, CodeSchema,
				"State %q: the resource %s is not recognized as a service integration. Check the service and action names, or call the API through \"arn:aws:states:::aws-sdk:SERVICE:ACTION\".", s.Name, arn)
		}
	}
	if c.opts.Express {
		switch {
		case in.Activity || !statesARN().MatchString(arn) && !in.Lambda:
			// Anything that is neither an integration nor a Lambda
			// function is run as an activity.
			c.errorAt(ptr, v, CodeSchema, "State %q: Express state machines do not support activities (Resource %s). Use a Standard state machine or another integration.", s.Name, arn)
		case in.Pattern == asl.Sync || in.Pattern == asl.Sync2:
			c.errorAt(ptr, v, CodeSchema, "State %q: Express state machines do not support the '.sync' service integration pattern (Resource %s).", s.Name, arn)
		case in.Pattern == asl.WaitForTaskToken:
			c.errorAt(ptr, v, CodeSchema, "State %q: Express state machines do not support the '.waitForTaskToken' service integration pattern (Resource %s).", s.Name, arn)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
