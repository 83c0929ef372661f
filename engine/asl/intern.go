package asl

// common holds the keys and values that fill most definitions; the parser
// returns these strings instead of allocating a copy of each occurrence.
var common = func() map[string]string {
	words := []string{
		"Type", "Comment", "QueryLanguage", "Next", "End", "InputPath", "OutputPath", "ResultPath",
		"Parameters", "ResultSelector", "Arguments", "Output", "Assign", "Result", "Resource",
		"TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials",
		"Retry", "Catch", "Choices", "Default", "Seconds", "SecondsPath", "Timestamp", "TimestampPath",
		"Error", "ErrorPath", "Cause", "CausePath", "Branches", "ItemProcessor", "Iterator", "ItemsPath",
		"Items", "ItemSelector", "ItemReader", "ItemBatcher", "ResultWriter", "MaxConcurrency",
		"ProcessorConfig", "Mode", "ExecutionType", "StartAt", "States", "Version", "Label",
		"ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy",
		"Variable", "Condition", "And", "Or", "Not", "FunctionName", "Payload", "Payload.$",
		TypeTask, TypePass, TypeChoice, TypeWait, TypeSucceed, TypeFail, TypeParallel, TypeMap,
		JSONPath, JSONata, "INLINE", "DISTRIBUTED", "STANDARD", "EXPRESS", ErrorAll,
		"States.TaskFailed", "States.Timeout", "States.Runtime", "$", "$.Payload",
		"arn:aws:states:::lambda:invoke",
	}
	for op := range ChoiceOperators {
		words = append(words, op)
	}
	m := make(map[string]string, len(words))
	for _, w := range words {
		m[w] = w
	}
	return m
}()
