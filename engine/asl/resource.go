package asl

import "strings"

// Pattern is a Task's service integration pattern.
type Pattern string

// The integration patterns.
const (
	RequestResponse  Pattern = "REQUEST_RESPONSE"
	Sync             Pattern = "SYNC"  // .sync: run a job and wait for it
	Sync2            Pattern = "SYNC2" // .sync:2: as .sync, JSON output
	WaitForTaskToken Pattern = "TOKEN" // .waitForTaskToken: wait for a callback
)

// Integration is a Task Resource taken apart.
//
//	arn:aws:states:::lambda:invoke.waitForTaskToken  -> Service "lambda", Action "invoke", WaitForTaskToken
//	arn:aws:states:::aws-sdk:s3:getObject             -> Service "aws-sdk:s3", Action "getObject"
//	arn:aws:states:us-east-1:123:activity:Name        -> Activity
//	arn:aws:lambda:us-east-1:123:function:Name        -> Lambda (direct invocation)
type Integration struct {
	Service  string // "lambda", "sqs", "aws-sdk:dynamodb", "states", …; "" when unknown
	Action   string // "invoke", "sendMessage", "startExecution", …
	Pattern  Pattern
	Activity bool // an activity ARN
	Lambda   bool // a plain Lambda function ARN
}

// ParseResource parses a Task (or ItemReader/ResultWriter) Resource ARN.
// Anything it does not recognise gives an Integration with only the
// RequestResponse pattern.
func ParseResource(arn string) Integration {
	in := Integration{Pattern: RequestResponse}
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 || parts[0] != "arn" {
		return in
	}
	service, rest := parts[2], parts[5]
	switch {
	case service == "lambda" && strings.HasPrefix(rest, "function:"):
		in.Lambda = true
		in.Service = "lambda"
		return in
	case service == "states" && strings.HasPrefix(rest, "activity:"):
		in.Activity = true
		return in
	case service != "states" || parts[3] != "" || parts[4] != "":
		return in
	}
	for _, sp := range patternSuffixes {
		if strings.HasSuffix(rest, sp.suffix) {
			rest, in.Pattern = strings.TrimSuffix(rest, sp.suffix), sp.pattern
			break
		}
	}
	if i := strings.LastIndexByte(rest, ':'); i >= 0 {
		in.Service, in.Action = rest[:i], rest[i+1:]
	} else {
		in.Service = rest
	}
	return in
}

var patternSuffixes = []struct {
	suffix  string
	pattern Pattern
}{{".sync:2", Sync2}, {".sync", Sync}, {".waitForTaskToken", WaitForTaskToken}}
