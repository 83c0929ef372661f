// Package mock reads AWS Step Functions MockConfigFile documents
// (StateMachines / TestCases / MockedResponses) and answers which mocked
// response a Task state gets on a given invocation of a test case.
//
// A file AWS's tools accept is accepted here, with LocalStack's stricter
// checks: invocation keys ("0", "1-2") must cover 0..n without gaps or
// overlaps, each response is either Return or Throw, and Throw needs both
// Error and Cause. An empty response ({}) is accepted, as Step Functions
// Local does, and fails only when a state uses it. Every problem is reported with its JSON Pointer and
// line:column in the file.
package mock
