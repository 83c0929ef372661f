// Package handler gives Task states a local result: a command that reads
// the task input as JSON on stdin and writes the result on stdout, an HTTP
// endpoint that receives the input as a JSON POST, or a Lambda-compatible
// endpoint (such as `sam local start-lambda`) invoked as AWS invokes
// Lambda. A Set of bindings is an engine.Invoker; resources nothing is
// bound to answer engine.ErrNoHandler so the next invoker (or the engine's
// clear error) takes over.
//
// Bindings are read from a JSON file's bytes (Parse; callers read the file
// as a regular file with a size cap, as app/files does):
//
//	{"handlers": [
//	  {"resource": "arn:aws:lambda:*:*:function:Charge*", "command": ["./charge.sh"], "timeoutSeconds": 5},
//	  {"state": "Notify", "url": "http://127.0.0.1:8080/notify"},
//	  {"state": "Report", "command": ["./report.sh"], "dir": "tools"},
//	  {"resource": "arn:aws:states:::lambda:invoke", "lambdaEndpoint": "http://127.0.0.1:3001"}
//	]}
//
// A binding matches by state name or by resource, where * in the pattern
// matches any run of characters; the first match wins. A command runs in
// dir (relative to the config's folder) when given, else where the caller runs. Unknown keys are
// errors that name the closest valid key, and timeoutSeconds (default 60)
// must be above 0 and at most 99999999; every problem is located
// (file:line:column). When a handler times out, its command is killed with
// every process it started (its process group, on Unix), so nothing it
// left running holds the task.
package handler
