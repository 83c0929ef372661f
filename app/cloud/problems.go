package cloud

import (
	"context"
	"errors"
	"net"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go"
)

// Problem is a failure said in plain words for the person in front of
// the studio (Title, Action), with the exact code and AWS's own text
// behind it for developers (Code, Detail).
type Problem struct {
	// Code is ours (the Code* constants), stable for programs and tests.
	Code string `json:"code"`
	// Title says what happened, in plain words.
	Title string `json:"title"`
	// Action says what to do about it.
	Action string `json:"action"`
	// AWSCode is the error code AWS answered with, "" when none.
	AWSCode string `json:"awsCode,omitempty"`
	// Detail is the underlying message, verbatim.
	Detail string `json:"detail,omitempty"`
	err    error
}

func (p *Problem) Error() string {
	s := p.Title
	if p.Action != "" {
		s += " " + p.Action
	}
	if p.Detail != "" {
		s += " (" + p.Detail + ")"
	}
	return s
}

func (p *Problem) Unwrap() error { return p.err }

// Our problem codes.
const (
	CodeAccessDenied     = "ACCESS_DENIED"
	CodeThrottled        = "THROTTLED"
	CodeSSOExpired       = "SSO_EXPIRED"
	CodeTokenExpired     = "TOKEN_EXPIRED"
	CodeBadCredentials   = "BAD_CREDENTIALS"
	CodeNoCredentials    = "NO_CREDENTIALS"
	CodeNoRegion         = "NO_REGION"
	CodeRegionMismatch   = "REGION_MISMATCH"
	CodeUnreachable      = "ENDPOINT_UNREACHABLE"
	CodeBadEndpoint      = "BAD_ENDPOINT"
	CodeNoProfile        = "NO_SUCH_PROFILE"
	CodeNotFound         = "NOT_FOUND"
	CodeAlreadyExists    = "ALREADY_EXISTS"
	CodeInvalidDef       = "INVALID_DEFINITION"
	CodeInvalidInput     = "INVALID_INPUT"
	CodeNotRedrivable    = "NOT_REDRIVABLE"
	CodeLimit            = "LIMIT_EXCEEDED"
	CodeConflict         = "CONFLICT"
	CodeKMS              = "KMS"
	CodeChanged          = "DEPLOYED_CHANGED"
	CodeExpressNoHistory = "EXPRESS_NO_HISTORY"
	CodeUnresolved       = "SUBSTITUTIONS_UNRESOLVED"
	CodeCanceled         = "CANCELED"
	CodeAWS              = "AWS_ERROR"
	CodeOther            = "ERROR"
)

// awsCodes maps AWS error codes to plain words. Several codes share one
// meaning; the table is tested (problems_test.go).
var awsCodes = []struct {
	codes         []string
	code          string
	title, action string
}{
	{[]string{"AccessDeniedException", "AccessDenied", "UnauthorizedOperation", "NotAuthorized"}, CodeAccessDenied,
		"AWS refused: these credentials are not allowed to do this.",
		"Ask your AWS administrator to allow the action named below for this identity, or pick a profile that has it."},
	{[]string{"ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded", "ProvisionedThroughputExceededException"}, CodeThrottled,
		"AWS is limiting how fast calls are made, and asked to slow down even after several retries.",
		"Wait a minute and try again; if it keeps happening, other tools in this account may be using the same limit."},
	{[]string{"ExpiredTokenException", "ExpiredToken", "RequestExpired"}, CodeTokenExpired,
		"The temporary credentials have expired.",
		"Get new credentials (for SSO: aws sso login --profile NAME) and connect again."},
	{[]string{"UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken"}, CodeBadCredentials,
		"AWS does not accept these credentials.",
		"Check the access key of the profile (it may have been deleted or rotated), or pick another profile."},
	{[]string{"StateMachineDoesNotExist", "ExecutionDoesNotExist", "ResourceNotFound", "ActivityDoesNotExist", "NoSuchEntity"}, CodeNotFound,
		"AWS has no such state machine or execution in this account and region.",
		"Check the name or ARN, and that the profile and region are the ones it was deployed to."},
	{[]string{"StateMachineAlreadyExists", "ExecutionAlreadyExists"}, CodeAlreadyExists,
		"Something with this name already exists.",
		"Pick another name (execution names must be unique for 90 days)."},
	{[]string{"InvalidDefinition"}, CodeInvalidDef,
		"AWS refused the workflow's definition.",
		"Fix the problems shown in the problems panel (Validate with AWS shows AWS's own list)."},
	{[]string{"InvalidExecutionInput", "InvalidName", "InvalidArn", "InvalidToken", "ValidationException", "InvalidLoggingConfiguration", "InvalidTracingConfiguration", "InvalidEncryptionConfiguration", "MissingRequiredParameter"}, CodeInvalidInput,
		"AWS refused a value that was sent.",
		"Check the value AWS names below and change it."},
	{[]string{"ExecutionNotRedrivable"}, CodeNotRedrivable,
		"This execution cannot be redriven.",
		"Only executions that failed, timed out or were stopped within the last 14 days can be redriven; start a new execution instead."},
	{[]string{"ExecutionLimitExceeded", "StateMachineLimitExceeded", "ServiceQuotaExceededException", "TooManyTags", "LimitExceeded"}, CodeLimit,
		"An AWS quota for this account is used up.",
		"Stop or delete what is no longer needed, or ask AWS for a higher quota."},
	{[]string{"ConflictException", "StateMachineDeleting", "StateMachineTypeNotSupported"}, CodeConflict,
		"AWS cannot do this to the state machine as it is now.",
		"Read AWS's message below; a state machine being deleted, or of the other type, cannot be changed this way."},
	{[]string{"KmsAccessDeniedException", "KmsInvalidStateException", "KmsThrottlingException"}, CodeKMS,
		"The encryption key cannot be used.",
		"Check that the key exists, is enabled, and that the execution role may use it."},
}

// explain turns an error from the SDK into a Problem. A Problem passes
// through; an error it cannot place is wrapped as CodeOther with its own
// text as detail.
func explain(err error) error {
	if err == nil {
		return nil
	}
	var p *Problem
	if errors.As(err, &p) {
		return p
	}
	return Explain(err)
}

// Explain is explain for any error, always a Problem.
func Explain(err error) *Problem {
	var p *Problem
	if errors.As(err, &p) {
		return p
	}
	detail := err.Error()
	var api smithy.APIError
	if errors.As(err, &api) {
		detail = api.ErrorCode() + ": " + api.ErrorMessage()
		for _, row := range awsCodes {
			for _, c := range row.codes {
				if c == api.ErrorCode() {
					pr := &Problem{Code: row.code, Title: row.title, Action: row.action, AWSCode: c, Detail: api.ErrorMessage(), err: err}
					if row.code == CodeInvalidInput && strings.Contains(strings.ToLower(api.ErrorMessage()), "region") {
						pr.Code, pr.Title = CodeRegionMismatch, "The ARN belongs to another region than the one connected to."
						pr.Action = "Connect to the region in the ARN, or use an ARN of this region."
					}
					return pr
				}
			}
		}
		return &Problem{Code: CodeAWS, Title: "AWS answered with an error.", Action: "Read AWS's message below.", AWSCode: api.ErrorCode(), Detail: api.ErrorMessage(), err: err}
	}
	var quota *retry.MaxAttemptsError
	low := strings.ToLower(detail)
	switch {
	case errors.Is(err, context.Canceled):
		return &Problem{Code: CodeCanceled, Title: "Stopped before AWS answered.", err: err}
	case strings.Contains(low, "sso") && (strings.Contains(low, "expired") || strings.Contains(low, "token") || strings.Contains(low, "refresh")):
		return &Problem{Code: CodeSSOExpired, Title: "The SSO sign-in has expired or was never made.",
			Action: "Sign in again: aws sso login --profile NAME, then connect again.", Detail: detail, err: err}
	case strings.Contains(low, "failed to get shared config profile") || strings.Contains(low, "sharedconfigprofilenotexist"):
		return &Problem{Code: CodeNoProfile, Title: "There is no such profile in the AWS config files.",
			Action: "Pick a profile from the list, or add it with aws configure --profile NAME.", Detail: detail, err: err}
	case strings.Contains(low, "no ec2 imds role found") || strings.Contains(low, "failed to retrieve credentials") ||
		strings.Contains(low, "failed to refresh cached credentials") || strings.Contains(low, "anonymous credentials") ||
		strings.Contains(low, "static credentials are empty"):
		return &Problem{Code: CodeNoCredentials, Title: "No AWS credentials were found for this profile.",
			Action: "Run aws configure (or aws sso login) for the profile, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.", Detail: detail, err: err}
	case unreachable(err):
		return &Problem{Code: CodeUnreachable, Title: "The Step Functions endpoint cannot be reached.",
			Action: "Check the network connection, the region, and the endpoint address (is `stepstudio serve` running?).", Detail: detail, err: err}
	case errors.As(err, &quota):
		return &Problem{Code: CodeThrottled, Title: "AWS kept failing after several retries.",
			Action: "Wait a minute and try again.", Detail: detail, err: err}
	}
	return &Problem{Code: CodeOther, Title: "The call to AWS failed.", Action: "Read the message below.", Detail: detail, err: err}
}

// unreachable reports network errors: refused, unknown host, timeouts.
func unreachable(err error) bool {
	var op *net.OpError
	var dns *net.DNSError
	if errors.As(err, &op) || errors.As(err, &dns) {
		return true
	}
	var re *aws.RequestCanceledError
	if errors.As(err, &re) {
		return true
	}
	low := strings.ToLower(err.Error())
	return strings.Contains(low, "connection refused") || strings.Contains(low, "no such host") || strings.Contains(low, "i/o timeout")
}
