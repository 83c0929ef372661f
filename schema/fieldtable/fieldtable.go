// Package fieldtable is the one table of the fields of Amazon States
// Language: per object (the machine, each state type, Retry and Catch
// rules, Choice rules, a Map's processor, reader, batcher and writer)
// each field's type and value shape (bounds, the object or items it
// holds), whether it is required, which fields it excludes, which query
// language and Map mode it belongs to, and a one-line description in
// plain words, written from the ASL specification and the AWS developer
// guide. Two files are generated from it by `go test ./schema/fieldtable
// -run TestGenerate -update`, which fails without -update when either
// differs: schema/asl.schema.json, the embedded JSON Schema the validator
// compiles (jsonschema.go; only the shared value shapes are written by
// hand there), and frontend/src/code/fields.json, which the code view's
// completion and hover and the inspector's field help read.
package fieldtable

import "sync"

// Query languages and Map modes a field can be limited to.
const (
	JSONPath    = "JSONPath"
	JSONata     = "JSONata"
	Distributed = "DISTRIBUTED"
)

// Field is one field of an ASL object.
type Field struct {
	Name string `json:"name"`
	// Type in plain words: string, integer, number, boolean, object,
	// array, path, template, any; "integer|jsonata" takes either.
	Type     string   `json:"type"`
	Required bool     `json:"required,omitempty"`
	Excludes []string `json:"excludes,omitempty"`
	// QueryLanguage, when set, is the only query language the field is
	// allowed in.
	QueryLanguage string `json:"queryLanguage,omitempty"`
	// MapMode, when set, is the only Map mode the field belongs to.
	MapMode string   `json:"mapMode,omitempty"`
	Enum    []string `json:"enum,omitempty"`
	// StateName: the value names a state (Next, Default, StartAt).
	StateName bool `json:"stateName,omitempty"`
	// Shape names one of the schema's shared value shapes (Shapes) when
	// Type alone does not say what the value may be, e.g. "nullablePath"
	// for a path that may be null, or "any" for a payload the Go checks
	// look inside.
	Shape string `json:"shape,omitempty"`
	// Object is the object of this table the value is (Type object).
	Object string `json:"object,omitempty"`
	// Items is what each item of an array is: an object of this table
	// (Retrier) or a plain type (string).
	Items string `json:"items,omitempty"`
	// ItemsRequire are fields every item must have here beyond those its
	// object requires: a Choice's top-level rules need Next, nested ones
	// do not.
	ItemsRequire []string `json:"itemsRequire,omitempty"`
	MinItems     int      `json:"minItems,omitempty"`
	// Minimum and Maximum bound a number, also the number of a
	// "…|jsonata" type.
	Minimum *float64 `json:"minimum,omitempty"`
	Maximum *float64 `json:"maximum,omitempty"`
	Doc     string   `json:"doc"`

	// The columns below are read by the validator's Go checks and by
	// Check; the editor does not need them, so fields.json leaves them out.

	// Instead says, for a field limited to one query language, what the
	// other language uses in its place.
	Instead string `json:"-"`
	// InlineIgnored: a Distributed-only field an inline Map accepts and
	// ignores (a warning), where other Distributed-only fields are errors.
	InlineIgnored bool `json:"-"`
	// OneOf names a group of fields of which an object must have exactly
	// one (in the query language the fields belong to).
	OneOf string `json:"-"`
	// RequiredIn: required only in this query language, or (Distributed)
	// only in a Distributed Map.
	RequiredIn string `json:"-"`
	// Below names a field of the same object this one's number must be
	// smaller than, when both are numbers.
	Below string `json:"-"`
	// Needs are fields that must be present beside this one.
	Needs []string `json:"-"`
	// TopLevelOnly: only an object at the top of its list may have it,
	// not one nested in itself (a Choice rule's Next).
	TopLevelOnly bool `json:"-"`
	// Format is what a string value must look like: "timestamp" (RFC 3339
	// with a time zone), or formatPathOrIntrinsic for a path field that
	// also takes an intrinsic function.
	Format string `json:"-"`
	// Text limits a string value (Label), Keys the keys of an object
	// value (state names).
	Text, Keys *TextRule `json:"-"`
	// ExcludeHint replaces "Keep the fixed value or the path, not both."
	// when this field and one it excludes are both present.
	ExcludeHint string `json:"-"`
	// Source is where the rule is written: the ASL specification
	// (states-language.net/spec.html, by section) or the AWS developer
	// guide (docs.aws.amazon.com/step-functions/latest/dg/, by page), or
	// an AWS error text recorded in the corpus.
	Source string `json:"-"`
}

// TextRule limits a name: its length in characters, the characters it may
// not hold.
type TextRule struct {
	Min, Max int
	// Forbidden characters, besides control characters (always) and, with
	// NoSpace, white space and U+007F–U+009F.
	Forbidden string
	NoSpace   bool
	// Identifier: a letter or underscore, then letters, digits and
	// underscores (a ".$" ending, JSONPath's mark of a computed value,
	// aside).
	Identifier bool
}

func f(name, typ, doc string) Field { return Field{Name: name, Type: typ, Doc: doc} }

func (x Field) req() Field { x.Required = true; return x }
func (x Field) ex(names ...string) Field {
	x.Excludes = append(append([]string{}, x.Excludes...), names...)
	return x
}
func (x Field) ql(q string) Field           { x.QueryLanguage = q; return x }
func (x Field) mode(m string) Field         { x.MapMode = m; return x }
func (x Field) enum(values ...string) Field { x.Enum = values; return x }
func (x Field) stateName() Field            { x.StateName = true; return x }
func (x Field) doc(d string) Field          { x.Doc = d; return x }
func (x Field) shape(s string) Field        { x.Shape = s; return x }
func (x Field) object(o string) Field       { x.Object = o; return x }
func (x Field) minItems(n int) Field        { x.MinItems = n; return x }
func (x Field) instead(s string) Field      { x.Instead = s; return x }
func (x Field) src(s string) Field          { x.Source = s; return x }
func (x Field) oneOf(g string) Field        { x.OneOf = g; return x }
func (x Field) needs(f ...string) Field     { x.Needs = f; return x }
func (x Field) format(f string) Field       { x.Format = f; return x }
func (x Field) inlineIgnored() Field        { x.InlineIgnored = true; return x }
func (x Field) topLevelOnly() Field         { x.TopLevelOnly = true; return x }
func (x Field) requiredIn(q string) Field   { x.RequiredIn = q; return x }
func (x Field) text(r *TextRule) Field      { x.Text = r; return x }
func (x Field) keys(r *TextRule) Field      { x.Keys = r; return x }
func (x Field) exHint(h string) Field       { x.ExcludeHint = h; return x }
func (x Field) below(f string) Field        { x.Below = f; return x }

// comparison marks a Choice rule's comparison operator: one of the group
// "test" (with And, Or and Not), and it needs a Variable.
func (x Field) comparison() Field { return x.oneOf("test").needs("Variable").src(srcChoice) }

// items says what each item of the array is; require names fields each
// item must have here.
func (x Field) items(of string, require ...string) Field {
	x.Items, x.ItemsRequire = of, require
	return x
}

// between bounds a number; atLeast bounds it from below only.
func (x Field) between(lo, hi float64) Field { x.Minimum, x.Maximum = &lo, &hi; return x }
func (x Field) atLeast(lo float64) Field     { x.Minimum = &lo; return x }

// maxSeconds is the largest number of seconds AWS accepts in a timeout,
// interval or wait (99999999, a little over three years).
const maxSeconds = 99999999

// Shared value shapes a field's Shape may name; the schema generator
// writes them once, as definitions (any is the schema {}).
const (
	shapeAny          = "any"
	shapeNullablePath = "nullablePath"
	shapeResource     = "resource"
	shapeErrorEquals  = "errorEquals"
	shapeStates       = "states"
)

// nameForbidden are the characters AWS refuses in the names of state
// machines, executions and Map Labels (besides white space and control
// characters): AWS dg, Step Functions service quotas.
const nameForbidden = "<>{}[]?*\"#%\\^|~`$&,;:/"

// Formats (Field.Format).
const (
	formatTimestamp       = "timestamp"
	formatPathOrIntrinsic = "pathOrIntrinsic"
)

// variableNames limits the keys of Assign.
var variableNames = &TextRule{Min: 1, Identifier: true}

// stateNames limits the keys of States (state names).
var stateNames = &TextRule{Min: 1, Max: 80}

// Sources cited in the table (Field.Source).
const (
	srcSpecCommon    = "ASL spec, Common State Fields; AWS dg, Common state fields"
	srcSpecIO        = "ASL spec, Input and Output Processing; AWS dg, Processing input and output (JSONPath)"
	srcJSONata       = "AWS dg, Transforming data with JSONata: fields of JSONPath states are not allowed in JSONata states and the other way round"
	srcTask          = "ASL spec, Task State (HeartbeatSeconds smaller than TimeoutSeconds); AWS dg, Task workflow state"
	srcWait          = "ASL spec, Wait State (exactly one of Seconds, SecondsPath, Timestamp, TimestampPath; RFC 3339 timestamps); AWS dg, Wait workflow state"
	srcFail          = "ASL spec, Fail State (Error/ErrorPath, Cause/CausePath: at most one of each); AWS dg, Fail workflow state (ErrorPath and CausePath take a path or an intrinsic function)"
	srcMap           = "ASL spec, Map State; AWS dg, Map state in Inline mode and Distributed mode"
	srcDistributed   = "AWS dg, Map state in Distributed mode (ItemReader, ItemBatcher, ResultWriter, ToleratedFailure*, Label); recorded: AWS creates inline Maps with ToleratedFailure* (corpus jsonata/base_map TOLERATED_FAILURE_*)"
	srcExecutionType = "AWS dg, ItemProcessor (Map): ExecutionType, 'you must provide this field if you specified DISTRIBUTED for the Mode sub-field'"
	srcLabel         = "AWS dg, Map state in Distributed mode, Label (up to 40 characters, none of the characters refused in names); AWS texts: 'Label cannot be empty', 'Label cannot exceed 40 characters', 'Label contains invalid character' (corpus conformance/validation sfn_api_map_run__map_state_label_*)"
	srcChoice        = "ASL spec, Choice Rules (a rule has exactly one comparison operator or And/Or/Not; Variable with an operator; Next only at the top level); AWS dg, Choice workflow state"
	srcStateNames    = "ASL spec, States (names up to 80 Unicode characters, unique); AWS dg, Step Functions service quotas (names)"
	srcVariables     = "AWS dg, Passing data between states with variables (names: letters, digits and underscores, not starting with a digit)"
	srcRetry         = "ASL spec, Retrying after error; AWS dg, Handling errors in Step Functions workflows"
)

// StateTypes are the values of a state's Type.
var StateTypes = []string{"Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"}

// Fields shared by several objects, described once.
var (
	comment       = f("Comment", "string", "A note for the people who read the workflow; it changes nothing when it runs.")
	typeField     = f("Type", "string", "The state's type.").req().enum(StateTypes...)
	queryLanguage = f("QueryLanguage", "string", "This step's own language for reading and shaping data, JSONPath or JSONata; without it, the workflow's.").enum(JSONPath, JSONata)
	next          = f("Next", "string", "The step that comes after this one (its name); a step has Next or End.").stateName().ex("End").oneOf("transition").src(srcSpecCommon)
	end           = f("End", "boolean", "true makes this step the last one: the workflow (or its branch) ends here.").ex("Next").oneOf("transition").src(srcSpecCommon)
	inputPath     = f("InputPath", "path", "The part of the input this step works on, as a path such as $.order; null gives it {}.").ql(JSONPath).shape(shapeNullablePath).instead("use $states.input in Arguments or Output").src(srcJSONata)
	outputPath    = f("OutputPath", "path", "The part of the combined result passed on to the next step, as a path; null passes {}.").ql(JSONPath).shape(shapeNullablePath).instead("use Output").src(srcJSONata)
	resultPath    = f("ResultPath", "path", "Where the result goes in the input, as a path; null discards the result and passes the input on.").ql(JSONPath).shape(shapeNullablePath).instead("use Output (and Assign)").src(srcJSONata)
	parameters    = f("Parameters", "template", "What the step sends to its work, built from fixed values and keys ending in .$ that take a path or intrinsic function.").ql(JSONPath).shape(shapeAny).instead("use Arguments (or ItemSelector in a Map)").src(srcJSONata)
	resultSelect  = f("ResultSelector", "template", "Picks what to keep from the raw result, as a JSON template, before ResultPath places it.").ql(JSONPath).instead("use Output").src(srcJSONata)
	arguments     = f("Arguments", "object|jsonata", "What the step sends to its work: an object (its {% %} strings are JSONata expressions) or one JSONata expression.").ql(JSONata).instead("use Parameters").src(srcJSONata)
	output        = f("Output", "any", "What this step passes to the next one: any JSON, usually a JSONata expression in {% %}; by default the result.").ql(JSONata).instead("use ResultSelector, ResultPath and OutputPath").src(srcJSONata)
	assign        = f("Assign", "object", "Variables to set when the step ends, by name; later steps read them as $name. A value is fixed, a path (as name.$) in JSONPath, or a {% %} expression in JSONata.").keys(variableNames).src(srcVariables)
	retry         = f("Retry", "array", "Retries: which errors to try again, how often, and how long to wait between attempts.").items("Retrier")
	catch         = f("Catch", "array", "Catchers: which errors to handle, and the step to go to when they happen.").items("Catcher")
)

// Objects holds each object's fields, by object name: "Machine", the
// state types, "Retrier", "Catcher", "ChoiceRule", "Branch",
// "ItemProcessor", "ProcessorConfig", "ItemReader", "ReaderConfig",
// "ItemBatcher", "ResultWriter", "WriterConfig".
//
// It is built on first use, not at init: every stepstudio command pays a
// package's init, and `stepstudio version` need not build this table.
var Objects = sync.OnceValue(func() map[string][]Field {
	return map[string][]Field{
		"Machine": {
			comment.doc("What this workflow does, for the people who read it."),
			f("StartAt", "string", "The first step: the name of the state the workflow starts with.").req().stateName(),
			f("States", "object", "The workflow's states, by name.").req().shape(shapeStates).keys(stateNames).src(srcStateNames),
			f("Version", "string", "The version of the States Language the workflow is written in; \"1.0\" when absent."),
			f("TimeoutSeconds", "integer", "How many seconds a whole run may take before it fails with States.Timeout.").between(0, maxSeconds),
			queryLanguage.doc("How steps read and shape data, JSONPath (the default) or JSONata; a step may choose its own."),
		},
		"Task": {
			typeField, comment, queryLanguage, next, end, inputPath, outputPath, resultPath, parameters, resultSelect, arguments, output, assign,
			f("Resource", "string", "The service or function this step calls, as an ARN: a Lambda function, an activity or a service integration (arn:aws:states:::service:action).").req().shape(shapeResource),
			f("TimeoutSeconds", "integer|jsonata", "How many seconds the task may run before it fails with States.Timeout (default 99999999).").ex("TimeoutSecondsPath").between(1, maxSeconds).src(srcTask),
			f("TimeoutSecondsPath", "path", "Reads the timeout in seconds from the input, at this path, instead of TimeoutSeconds.").ex("TimeoutSeconds").ql(JSONPath).instead(`use TimeoutSeconds with "{% … %}"`).src(srcTask),
			f("HeartbeatSeconds", "integer|jsonata", "How many seconds may pass without a heartbeat from the task before it fails with States.HeartbeatTimeout.").ex("HeartbeatSecondsPath").between(1, maxSeconds).below("TimeoutSeconds").src(srcTask),
			f("HeartbeatSecondsPath", "path", "Reads the heartbeat interval in seconds from the input, at this path, instead of HeartbeatSeconds.").ex("HeartbeatSeconds").ql(JSONPath).instead(`use HeartbeatSeconds with "{% … %}"`).src(srcTask),
			f("Credentials", "object|jsonata", "The IAM role the task runs as (RoleArn, or RoleArn.$ with a path)."),
			retry, catch,
		},
		"Pass": {
			typeField, comment, queryLanguage, next, end, inputPath, outputPath, resultPath, parameters,
			f("Result", "any", "A fixed value this step passes on as its result (placed by ResultPath).").ql(JSONPath).instead("use Output").src(srcJSONata),
			output, assign,
		},
		"Choice": {
			typeField, comment, queryLanguage, inputPath, outputPath,
			f("Choices", "array", "The rules, tried in order; the first that matches says which step comes next.").req().items("ChoiceRule", "Next").minItems(1),
			f("Default", "string", "The step to go to when no rule matches; without it the run fails with States.NoChoiceMatched.").stateName(),
			output, assign,
		},
		"Wait": {
			typeField, comment, queryLanguage, next, end, inputPath, outputPath,
			f("Seconds", "integer|jsonata", "How many seconds to wait.").ex("SecondsPath", "Timestamp", "TimestampPath").between(0, maxSeconds).oneOf("duration").src(srcWait),
			f("SecondsPath", "path", "Reads the number of seconds to wait from the input, at this path.").ex("Seconds", "Timestamp", "TimestampPath").ql(JSONPath).oneOf("duration").instead(`use Seconds with "{% … %}"`).src(srcWait),
			f("Timestamp", "string", "Wait until this time, such as 2026-01-31T12:00:00Z (RFC 3339, with a time zone).").ex("Seconds", "SecondsPath", "TimestampPath").oneOf("duration").format(formatTimestamp).src(srcWait),
			f("TimestampPath", "path", "Reads the time to wait until from the input, at this path.").ex("Seconds", "SecondsPath", "Timestamp").ql(JSONPath).oneOf("duration").instead(`use Timestamp with "{% … %}"`).src(srcWait),
			output, assign,
		},
		"Succeed": {
			typeField, comment, queryLanguage, inputPath, outputPath, output,
		},
		"Fail": {
			typeField, comment, queryLanguage,
			f("Error", "string", "The name of the error the run fails with, such as OrderInvalid; in JSONata it may be a {% %} expression.").ex("ErrorPath").src(srcFail),
			f("ErrorPath", "path", "Reads the error name from the input, at this path, instead of Error.").ex("Error").ql(JSONPath).instead(`use Error with "{% … %}"`).format(formatPathOrIntrinsic).src(srcFail),
			f("Cause", "string", "A sentence saying what went wrong, for the people who read the failure.").ex("CausePath").src(srcFail),
			f("CausePath", "path", "Reads the cause from the input, at this path, instead of Cause.").ex("Cause").ql(JSONPath).instead(`use Cause with "{% … %}"`).format(formatPathOrIntrinsic).src(srcFail),
		},
		"Parallel": {
			typeField, comment, queryLanguage, next, end, inputPath, outputPath, resultPath, parameters, resultSelect, arguments, output, assign,
			f("Branches", "array", "The branches that run at the same time, each a small workflow of its own (StartAt and States); the output is the list of their outputs.").req().items("Branch").minItems(1),
			retry, catch,
		},
		"Map": {
			typeField, comment, queryLanguage, next, end, inputPath, outputPath, resultPath,
			f("ItemSelector", "template", "What each item's run receives, built from the item ($$.Map.Item.Value, or $states.context.Map.Item.Value in JSONata); by default the item itself.").ex("Parameters").shape(shapeAny).src(srcMap),
			f("Parameters", "template", "The older name of ItemSelector.").ql(JSONPath).ex("ItemSelector").shape(shapeAny).
				instead("use Arguments (or ItemSelector in a Map)").exHint("Parameters is the older name of ItemSelector; keep ItemSelector.").src(srcMap),
			resultSelect, output, assign,
			f("ItemProcessor", "object", "The steps run for each item (StartAt and States), and how they run (ProcessorConfig).").ex("Iterator").object("ItemProcessor").oneOf("processor").src(srcMap),
			f("Iterator", "object", "The older name of ItemProcessor (inline mode only).").ex("ItemProcessor").object("ItemProcessor").oneOf("processor").src(srcMap),
			f("ItemsPath", "path", "Where the list of items is in the input, as a path (default $).").ql(JSONPath).ex("Items").instead("use Items").src(srcMap),
			f("Items", "array|jsonata", "The list of items to go through: a JSON array or a {% %} expression.").ql(JSONata).ex("ItemsPath").instead("use ItemsPath").src(srcMap),
			f("MaxConcurrency", "integer|jsonata", "How many items run at the same time at most; 0 means as many as possible.").ex("MaxConcurrencyPath").atLeast(0).src(srcMap),
			f("MaxConcurrencyPath", "path", "Reads the most items at the same time from the input, at this path.").ql(JSONPath).ex("MaxConcurrency").instead(`use MaxConcurrency with "{% … %}"`).src(srcMap),
			f("ToleratedFailurePercentage", "number|jsonata", "The percentage of items that may fail before the whole Map fails (distributed mode).").mode(Distributed).inlineIgnored().ex("ToleratedFailurePercentagePath").between(0, 100).src(srcDistributed),
			f("ToleratedFailurePercentagePath", "path", "Reads the tolerated failure percentage from the input, at this path.").mode(Distributed).inlineIgnored().ql(JSONPath).ex("ToleratedFailurePercentage").instead(`use ToleratedFailurePercentage with "{% … %}"`).src(srcDistributed),
			f("ToleratedFailureCount", "integer|jsonata", "How many items may fail before the whole Map fails (distributed mode).").mode(Distributed).inlineIgnored().ex("ToleratedFailureCountPath").atLeast(0).src(srcDistributed),
			f("ToleratedFailureCountPath", "path", "Reads the tolerated failure count from the input, at this path.").mode(Distributed).inlineIgnored().ql(JSONPath).ex("ToleratedFailureCount").instead(`use ToleratedFailureCount with "{% … %}"`).src(srcDistributed),
			f("Label", "string", "A name for the child runs, to find them in the console (distributed mode).").mode(Distributed).inlineIgnored().
				text(&TextRule{Min: 1, Max: 40, Forbidden: nameForbidden, NoSpace: true}).src(srcLabel),
			f("ItemReader", "object", "Reads the items from S3 (a file, or the files in a bucket) instead of the input; this makes the Map distributed.").mode(Distributed).object("ItemReader").src(srcDistributed),
			f("ItemBatcher", "object", "Hands the items to each child run in batches instead of one by one (distributed mode).").mode(Distributed).object("ItemBatcher").src(srcDistributed),
			f("ResultWriter", "object", "Writes the results of all items as files in S3 instead of returning them (distributed mode).").mode(Distributed).object("ResultWriter").src(srcDistributed),
			retry, catch,
		},
		"Retrier": {
			f("ErrorEquals", "array", "The error names this rule matches; States.ALL matches any error.").req().shape(shapeErrorEquals).src(srcRetry),
			f("IntervalSeconds", "integer", "Seconds to wait before the first retry (default 1).").between(1, maxSeconds).src(srcRetry),
			f("MaxAttempts", "integer", "How many times to retry at most (default 3); 0 never retries.").between(0, maxSeconds).src(srcRetry),
			f("BackoffRate", "number", "Each wait is the previous one times this (default 2.0).").atLeast(1).src(srcRetry),
			f("MaxDelaySeconds", "integer", "The longest wait between retries, in seconds: caps the growing wait.").between(1, 31622400).src(srcRetry),
			f("JitterStrategy", "string", "FULL makes each wait random (up to its length), so many failed runs do not all retry at once; NONE (the default) does not.").enum("FULL", "NONE").src(srcRetry),
			comment,
		},
		"Catcher": {
			f("ErrorEquals", "array", "The error names this rule catches; States.ALL catches any error.").req().shape(shapeErrorEquals),
			f("Next", "string", "The state to go to when the error is caught.").req().stateName(),
			f("ResultPath", "path", "Where the error output goes in the input; by default ($) it replaces the input, null discards it and passes the input on.").ql(JSONPath).shape(shapeNullablePath),
			output.doc("The output passed to the next state, usually a JSONata expression using $states.errorOutput."),
			assign, comment,
		},
		"ChoiceRule": choiceRule(),
		"Branch": {
			comment.doc("A human-readable description of the branch."),
			f("StartAt", "string", "The name of the branch's first state.").req().stateName(),
			f("States", "object", "The branch's states, by name.").req().shape(shapeStates).keys(stateNames).src(srcStateNames),
		},
		"ItemProcessor": {
			comment.doc("A human-readable description of the processor."),
			f("ProcessorConfig", "object", "How the items are processed: Mode and ExecutionType.").object("ProcessorConfig"),
			f("StartAt", "string", "The name of the first state run for each item.").req().stateName(),
			f("States", "object", "The states run for each item, by name.").req().shape(shapeStates).keys(stateNames).src(srcStateNames),
		},
		"ProcessorConfig": {
			f("Mode", "string", "INLINE runs the items inside this run (at most 40 at a time); DISTRIBUTED starts a child run for each item or batch.").enum("INLINE", "DISTRIBUTED"),
			f("ExecutionType", "string", "The kind of child runs in distributed mode: STANDARD (long, exactly once) or EXPRESS (short, at least once).").enum("STANDARD", "EXPRESS").mode(Distributed).requiredIn(Distributed).src(srcExecutionType),
		},
		"ItemReader": {
			f("Resource", "string", "The S3 action that reads the items, e.g. arn:aws:states:::s3:getObject or s3:listObjectsV2.").req().shape(shapeResource),
			f("Parameters", "template", "The bucket and key (or prefix) to read.").ql(JSONPath).shape(shapeAny).src(srcJSONata),
			f("Arguments", "object|jsonata", "The bucket and key (or prefix) to read.").ql(JSONata).shape(shapeAny).src(srcJSONata),
			f("ReaderConfig", "object", "How to read the file: InputType, CSV headers, MaxItems.").object("ReaderConfig"),
		},
		"ReaderConfig": {
			f("InputType", "string", "The format of the file read.").enum("CSV", "JSON", "JSONL", "MANIFEST", "PARQUET"),
			f("CSVHeaderLocation", "string", "FIRST_ROW: the file's first row names the columns; GIVEN: they are listed in CSVHeaders.").enum("FIRST_ROW", "GIVEN"),
			f("CSVHeaders", "array|jsonata", "The column names when CSVHeaderLocation is GIVEN.").items("string"),
			f("CSVDelimiter", "string", "What separates the values in a row (COMMA when not set).").enum("COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"),
			f("ManifestType", "string", "The kind of manifest file read.").enum("ATHENA_DATA", "S3_INVENTORY", "CSV"),
			f("MaxItems", "integer|jsonata", "Reads only this many items at most (all when not set).").ex("MaxItemsPath").atLeast(0).src(srcDistributed),
			f("MaxItemsPath", "path", "A path to MaxItems in the state's input.").ql(JSONPath).ex("MaxItems").src(srcDistributed),
		},
		"ItemBatcher": {
			f("MaxItemsPerBatch", "integer|jsonata", "How many items each child run gets at most.").ex("MaxItemsPerBatchPath").atLeast(0),
			f("MaxItemsPerBatchPath", "path", "A path to MaxItemsPerBatch in the state's input.").ql(JSONPath).ex("MaxItemsPerBatch"),
			f("MaxInputBytesPerBatch", "integer|jsonata", "How big a batch may be, in bytes (at most 262144, 256 KiB).").ex("MaxInputBytesPerBatchPath").atLeast(0),
			f("MaxInputBytesPerBatchPath", "path", "A path to MaxInputBytesPerBatch in the state's input.").ql(JSONPath).ex("MaxInputBytesPerBatch"),
			f("BatchInput", "any", "What every batch also gets, as JSON, e.g. {\"runId\": 7}."),
		},
		"ResultWriter": {
			f("Resource", "string", "The S3 action that writes the results: arn:aws:states:::s3:putObject.").shape(shapeResource),
			f("Parameters", "template", "The bucket and prefix to write to.").ql(JSONPath).shape(shapeAny).src(srcJSONata),
			f("Arguments", "object|jsonata", "The bucket and prefix to write to.").ql(JSONata).shape(shapeAny).src(srcJSONata),
			f("WriterConfig", "object", "How to write the results: OutputType and Transformation.").object("WriterConfig"),
		},
		"WriterConfig": {
			f("OutputType", "string", "The format of the result files: JSON (one list) or JSONL (one result per line).").enum("JSON", "JSONL"),
			f("Transformation", "string", "What to keep: NONE the results with the child runs' details, COMPACT the results only, FLATTEN the batches' results as one list.").enum("NONE", "COMPACT", "FLATTEN"),
		},
	}
})

// choiceRule lists a Choice rule's fields: JSONata's Condition, JSONPath's
// Variable with one comparison, And, Or and Not.
func choiceRule() []Field {
	out := []Field{
		f("Next", "string", "The state to go to when this rule matches.").stateName().topLevelOnly().src(srcChoice),
		comment,
		f("Condition", "boolean|jsonata", "True or false, as a JSONata expression such as {% $states.input.amount > 100 %}; the rule matches when it is true.").ql(JSONata).requiredIn(JSONata).src(srcChoice),
		assign,
		output.doc("The Choice state's output when this rule matches."),
		f("Variable", "path", "A path to the input value this rule compares.").ql(JSONPath).ex("And", "Or", "Not").src(srcChoice),
		f("And", "array", "Rules that must all match.").ql(JSONPath).items("ChoiceRule").minItems(1).ex("Variable").oneOf("test").src(srcChoice),
		f("Or", "array", "Rules of which at least one must match.").ql(JSONPath).items("ChoiceRule").minItems(1).ex("Variable").oneOf("test").src(srcChoice),
		f("Not", "object", "A rule that must not match.").ql(JSONPath).object("ChoiceRule").ex("Variable").oneOf("test").src(srcChoice),
	}
	ops := []struct{ op, what string }{
		{"Equals", "equals"}, {"LessThan", "is less than"}, {"GreaterThan", "is greater than"},
		{"LessThanEquals", "is less than or equal to"}, {"GreaterThanEquals", "is greater than or equal to"},
	}
	kinds := []struct{ kind, typ string }{{"String", "string"}, {"Numeric", "number"}, {"Boolean", "boolean"}, {"Timestamp", "string"}}
	for _, k := range kinds {
		for _, o := range ops {
			if k.kind == "Boolean" && o.op != "Equals" {
				continue
			}
			name := k.kind + o.op
			value := f(name, k.typ, "Matches when the Variable "+o.what+" this "+k.typ+" value.").ql(JSONPath)
			if k.kind == "Timestamp" {
				value = value.format(formatTimestamp)
			}
			out = append(out, value.comparison(), f(name+"Path", "path", "Matches when the Variable "+o.what+" the value at this path.").ql(JSONPath).comparison())
		}
		if k.kind == "String" {
			out = append(out, f("StringMatches", "string", "Matches when the Variable matches this pattern; * stands for any characters.").ql(JSONPath).comparison())
		}
	}
	for _, is := range []struct{ name, what string }{
		{"IsNull", "is null"}, {"IsPresent", "exists in the input"}, {"IsNumeric", "is a number"},
		{"IsString", "is a string"}, {"IsBoolean", "is a boolean"}, {"IsTimestamp", "is a timestamp string"},
	} {
		out = append(out, f(is.name, "boolean", "true matches when the Variable "+is.what+"; false when it does not.").ql(JSONPath).comparison())
	}
	return out
}

// StatesVar is a field of JSONata's $states.
type StatesVar struct {
	Name string `json:"name"`
	Doc  string `json:"doc"`
}

// StatesVars are the fields of $states inside {% %}.
var StatesVars = []StatesVar{
	{"input", "The state's input."},
	{"context", "The context object: Execution, State, StateMachine, Task, Map.Item."},
	{"result", "The result of the work (Task, Parallel, Map), in Output and Assign."},
	{"errorOutput", "The error output (Error and Cause), in a Catcher's Output and Assign."},
}
