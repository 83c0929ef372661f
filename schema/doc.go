// Package schema validates Amazon States Language definitions.
//
// Validation has two layers. A JSON Schema generated from the field table
// (schema/fieldtable, written from the ASL specification and AWS's developer
// guide; asl.schema.json, embedded and compiled once with gojsonschema)
// checks structure: which fields each state type allows, their types and
// ranges. Each state is validated against the definition for its Type, so
// errors stay specific and the cost linear.
// Semantic checks in Go then do what a schema cannot: transition targets and
// reachability, Next xor End, state names, Retry and Catch rules, JSONPath
// and reference-path syntax, intrinsic functions, JSONata expressions (parsed
// with gnata), Choice rules, timestamps, Map settings, variables, resources,
// and the warnings AWS gives (NO_DOLLAR, NO_PATH, PASS_RESULT_IS_STATIC) plus
// a few of ours (a Task without a timeout, a callback that never passes its
// token, a placeholder such as TOPIC_NAME left from the studio's palette:
// palette_placeholders.json, generated from the palette's templates).
//
// Every problem is a Diagnostic with an AWS-style code, a message that names
// the state and field and says how to fix it, a JSON-pointer Location and a
// source Range. All problems are found in one pass and sorted by position.
//
// Validate(name, src, opts) parses and validates; ValidateDocument reuses an
// *asl.Document already parsed. Both are safe for concurrent use and cheap
// enough to run on every keystroke: the schema and the semantic checks run
// side by side, and a large definition's states are validated in parallel.
package schema
