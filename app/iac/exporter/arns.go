package exporter

import (
	"regexp"
	"strings"
	"sync"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// The ARNs policy statements name, from what a task's parameters say.

// sdkResources finds the resource an AWS SDK integration acts on from its
// usual parameter names, or nil when none is static.
func (d *drafter) sdkResources(s *asl.State) []string {
	static := func(key string) string {
		if v := param(s, key); v != "" && v != anyValue {
			return v
		}
		return ""
	}
	switch {
	case static("TableName") != "":
		t := tableARN(static("TableName"))
		return []string{t, t + "/index/*"}
	case static("Bucket") != "":
		b := "arn:${AWS::Partition}:s3:::" + static("Bucket")
		return []string{b, b + "/*"}
	case static("QueueUrl") != "":
		return []string{d.queueARN(static("QueueUrl"))}
	case static("TopicArn") != "":
		return []string{static("TopicArn")}
	case static("FunctionName") != "":
		return lambdaResources(static("FunctionName"))
	case static("StateMachineArn") != "":
		return []string{static("StateMachineArn")}
	}
	return nil
}

func orAny(v string) string {
	if v == "" {
		return anyValue
	}
	return v
}

// lambdaResources: the function and its versions and aliases.
func lambdaResources(fn string) []string {
	if fn == anyValue {
		return []string{anyValue}
	}
	if !strings.HasPrefix(fn, "arn:") && !nameRE().MatchString(fn) {
		fn = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:" + fn
	}
	// Drop a version or alias qualifier: function:Name:Alias.
	if parts := strings.Split(fn, ":"); len(parts) == 8 && parts[5] == "function" {
		fn = strings.Join(parts[:7], ":")
	}
	return []string{fn, fn + ":*"}
}

var queueURLPlaceRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^https://sqs\.([^./]+)\.amazonaws\.com/([^/]+)/(.+)$`)
})

// original returns the value a lone ${Name} replaced, else v.
func (d *drafter) original(v string) string {
	if m := nameRE().FindStringSubmatch(v); m != nil && len(m[0]) == len(v) && d.values[m[1]] != "" {
		return d.values[m[1]]
	}
	return v
}

// queueARN turns a queue URL into the queue's ARN; the region and account
// are left to the template, so a substituted URL keeps its queue name.
func (d *drafter) queueARN(url string) string {
	if m := queueURLPlaceRE().FindStringSubmatch(d.original(url)); m != nil {
		return "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:" + m[3]
	}
	if nameRE().MatchString(url) {
		return "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:*"
	}
	return anyValue
}

func tableARN(name string) string {
	switch {
	case name == "" || name == anyValue:
		return anyValue
	case strings.HasPrefix(name, "arn:") || strings.HasSuffix(name, "Arn}"):
		return name
	}
	return "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/" + name
}

// executionARN turns a state machine ARN into its executions' ARN pattern.
func executionARN(machine string) string {
	if i := strings.Index(machine, ":stateMachine:"); i >= 0 {
		name := strings.SplitN(machine[i+len(":stateMachine:"):], ":", 2)[0]
		return "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:" + name + ":*"
	}
	return "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:*"
}

func eventBusARN(s *asl.State) string {
	if s.Parameters != nil {
		if entries := s.Parameters.Get("Entries"); entries.Is(asl.KindArray) && len(entries.Items) > 0 {
			if b := entries.Items[0].Get("EventBusName"); b.Is(asl.KindString) {
				if strings.HasPrefix(b.Str, "arn:") || strings.HasPrefix(b.Str, "${") {
					return b.Str
				}
				return "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/" + b.Str
			}
		}
	}
	return "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default"
}
