package endpoint

// operation answers one API operation.
type operation func(s *Server, r *request) (any, error)

// operations are the Step Functions operations the server answers, by the
// name after "AWSStepFunctions." in X-Amz-Target.
var operations map[string]operation

func init() {
	operations = map[string]operation{
		"CreateStateMachine":               createStateMachine,
		"DescribeStateMachine":             describeStateMachine,
		"DescribeStateMachineForExecution": describeStateMachineForExecution,
		"UpdateStateMachine":               updateStateMachine,
		"DeleteStateMachine":               deleteStateMachine,
		"ListStateMachines":                listStateMachines,
		"StartExecution":                   startExecution,
		"StartSyncExecution":               startSyncExecution,
		"DescribeExecution":                describeExecution,
		"StopExecution":                    stopExecution,
		"ListExecutions":                   listExecutions,
		"GetExecutionHistory":              getExecutionHistory,
		"SendTaskSuccess":                  sendTaskSuccess,
		"SendTaskFailure":                  sendTaskFailure,
		"SendTaskHeartbeat":                sendTaskHeartbeat,
		"CreateActivity":                   createActivity,
		"DescribeActivity":                 describeActivity,
		"DeleteActivity":                   deleteActivity,
		"ListActivities":                   listActivities,
		"GetActivityTask":                  getActivityTask,
		"ListMapRuns":                      listMapRuns,
		"DescribeMapRun":                   describeMapRun,
		"UpdateMapRun":                     updateMapRun,
		"RedriveExecution":                 redriveExecution,
		"TestState":                        testState,
		"ValidateStateMachineDefinition":   validateStateMachineDefinition,
		"TagResource":                      tagResource,
		"UntagResource":                    untagResource,
		"ListTagsForResource":              listTagsForResource,
		"PublishStateMachineVersion":       publishStateMachineVersion,
		"ListStateMachineVersions":         listStateMachineVersions,
		"DeleteStateMachineVersion":        deleteStateMachineVersion,
		"CreateStateMachineAlias":          createStateMachineAlias,
		"DescribeStateMachineAlias":        describeStateMachineAlias,
		"UpdateStateMachineAlias":          updateStateMachineAlias,
		"DeleteStateMachineAlias":          deleteStateMachineAlias,
		"ListStateMachineAliases":          listStateMachineAliases,
	}
}
