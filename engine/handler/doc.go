// Package handler gives Task states a local result: a command that reads
// the task input as JSON on stdin and writes the result on stdout, an HTTP
// endpoint that receives the input as a JSON POST, or a Lambda-compatible
// endpoint (such as `sam local start-lambda`) invoked as AWS invokes
// Lambda. A Set of bindings is an engine.Invoker; resources nothing is
// bound to answer engine.ErrNoHandler so the next invoker (or the engine's
// clear error) takes over.
//
// Bindings are read from a JSON file:
//
//	{"handlers": [
//	  {"resource": "arn:aws:lambda:*:*:function:Charge*", "command": ["./charge.sh"]},
//	  {"state": "Notify", "url": "http://127.0.0.1:8080/notify"},
//	  {"resource": "arn:aws:states:::lambda:invoke", "lambdaEndpoint": "http://127.0.0.1:3001"}
//	]}
//
// A binding matches by state name or by resource, where * in the pattern
// matches any run of characters; the first match wins.
package handler
