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

// StateTypes are the values of a state's Type.
var StateTypes = []string{"Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"}

// Fields shared by several objects, described once.
var (
	comment       = f("Comment", "string", "A note for the people who read the workflow; it changes nothing when it runs.")
	typeField     = f("Type", "string", "The state's type.").req().enum(StateTypes...)
	queryLanguage = f("QueryLanguage", "string", "This step's own language for reading and shaping data, JSONPath or JSONata; without it, the workflow's.").enum(JSONPath, JSONata)
	next          = f("Next", "string", "The step that comes after this one (its name); a step has Next or End.").stateName().ex("End")
	end           = f("End", "boolean", "true makes this step the last one: the workflow (or its branch) ends here.").ex("Next")
	inputPath     = f("InputPath", "path", "The part of the input this step works on, as a path such as $.order; null gives it {}.").ql(JSONPath).shape(shapeNullablePath)
	outputPath    = f("OutputPath", "path", "The part of the combined result passed on to the next step, as a path; null passes {}.").ql(JSONPath).shape(shapeNullablePath)
	resultPath    = f("ResultPath", "path", "Where the result goes in the input, as a path; null discards the result and passes the input on.").ql(JSONPath).shape(shapeNullablePath)
	parameters    = f("Parameters", "template", "What the step sends to its work, built from fixed values and keys ending in .$ that take a path or intrinsic function.").ql(JSONPath).shape(shapeAny)
	resultSelect  = f("ResultSelector", "template", "Picks what to keep from the raw result, as a JSON template, before ResultPath places it.").ql(JSONPath)
	arguments     = f("Arguments", "object|jsonata", "What the step sends to its work: an object (its {% %} strings are JSONata expressions) or one JSONata expression.").ql(JSONata)
	output        = f("Output", "any", "What this step passes to the next one: any JSON, usually a JSONata expression in {% %}; by default the result.").ql(JSONata)
	assign        = f("Assign", "object", "Variables to set when the step ends, by name; later steps read them as $name. A value is fixed, a path (as name.$) in JSONPath, or a {% %} expression in JSONata.")
	retry         = f("Retry", "array", "Retries: which errors to try again, how often, and how long to wait between attempts.").items("Retrier")
	catch         = f("Catch", "array", "Catchers: which errors to handle, and the step to go to when they happen.").items("Catcher")
)

// Objects holds each object's fields, by object name: "Machine", the
// state types, "Retrier", "Catcher", "ChoiceRule", "Branch",
// "ItemProcessor", "ProcessorConfig", "ItemReader", "ReaderConfig",
// "ItemBatcher", "ResultWriter", "WriterConfig".
var Objects = map[string][]Field{
	"Machine": {
		comment.doc("What this workflow does, for the people who read it."),
		f("StartAt", "string", "The first step: the name of the state the workflow starts with.").req().stateName(),
		f("States", "object", "The workflow's states, by name.").req().shape(shapeStates),
		f("Version", "string", "The version of the States Language the workflow is written in; \"1.0\" when absent."),
		f("TimeoutSeconds", "integer", "How many seconds a whole run may take before it fails with States.Timeout.").between(0, maxSeconds),
		queryLanguage.doc("How steps read and shape data, JSONPath (the default) or JSONata; a step may choose its own."),
	},
	"Task": {
		typeField, comment, queryLanguage, next, end, inputPath, outputPath, resultPath, parameters, resultSelect, arguments, output, assign,
		f("Resource", "string", "The service or function this step calls, as an ARN: a Lambda function, an activity or a service integration (arn:aws:states:::service:action).").req().shape(shapeResource),
		f("TimeoutSeconds", "integer|jsonata", "How many seconds the task may run before it fails with States.Timeout (default 99999999).").ex("TimeoutSecondsPath").between(1, maxSeconds),
		f("TimeoutSecondsPath", "path", "Reads the timeout in seconds from the input, at this path, instead of TimeoutSeconds.").ex("TimeoutSeconds").ql(JSONPath),
		f("HeartbeatSeconds", "integer|jsonata", "How many seconds may pass without a heartbeat from the task before it fails with States.HeartbeatTimeout.").ex("HeartbeatSecondsPath").between(1, maxSeconds),
		f("HeartbeatSecondsPath", "path", "Reads the heartbeat interval in seconds from the input, at this path, instead of HeartbeatSeconds.").ex("HeartbeatSeconds").ql(JSONPath),
		f("Credentials", "object|jsonata", "The IAM role the task runs as (RoleArn, or RoleArn.$ with a path)."),
		retry, catch,
	},
	"Pass": {
		typeField, comment, queryLanguage, next, end, inputPath, outputPath, resultPath, parameters,
		f("Result", "any", "A fixed value this step passes on as its result (placed by ResultPath).").ql(JSONPath),
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
		f("Seconds", "integer|jsonata", "How many seconds to wait.").ex("SecondsPath", "Timestamp", "TimestampPath").between(0, maxSeconds),
		f("SecondsPath", "path", "Reads the number of seconds to wait from the input, at this path.").ex("Seconds", "Timestamp", "TimestampPath").ql(JSONPath),
		f("Timestamp", "string", "Wait until this time, such as 2026-01-31T12:00:00Z (RFC 3339, with a time zone).").ex("Seconds", "SecondsPath", "TimestampPath"),
		f("TimestampPath", "path", "Reads the time to wait until from the input, at this path.").ex("Seconds", "SecondsPath", "Timestamp").ql(JSONPath),
		output, assign,
	},
	"Succeed": {
		typeField, comment, queryLanguage, inputPath, outputPath, output,
	},
	"Fail": {
		typeField, comment, queryLanguage,
		f("Error", "string", "The name of the error the run fails with, such as OrderInvalid; in JSONata it may be a {% %} expression.").ex("ErrorPath"),
		f("ErrorPath", "path", "Reads the error name from the input, at this path, instead of Error.").ex("Error").ql(JSONPath),
		f("Cause", "string", "A sentence saying what went wrong, for the people who read the failure.").ex("CausePath"),
		f("CausePath", "path", "Reads the cause from the input, at this path, instead of Cause.").ex("Cause").ql(JSONPath),
	},
	"Parallel": {
		typeField, comment, queryLanguage, next, end, inputPath, outputPath, resultPath, parameters, resultSelect, arguments, output, assign,
		f("Branches", "array", "The branches that run at the same time, each a small workflow of its own (StartAt and States); the output is the list of their outputs.").req().items("Branch").minItems(1),
		retry, catch,
	},
	"Map": {
		typeField, comment, queryLanguage, next, end, inputPath, outputPath, resultPath,
		f("Parameters", "template", "The older name of ItemSelector.").ql(JSONPath).ex("ItemSelector").shape(shapeAny),
		f("ItemSelector", "template", "What each item's run receives, built from the item ($$.Map.Item.Value, or $states.context.Map.Item.Value in JSONata); by default the item itself.").ex("Parameters").shape(shapeAny),
		resultSelect, output, assign,
		f("ItemProcessor", "object", "The steps run for each item (StartAt and States), and how they run (ProcessorConfig).").ex("Iterator").object("ItemProcessor"),
		f("Iterator", "object", "The older name of ItemProcessor (inline mode only).").ex("ItemProcessor").object("ItemProcessor"),
		f("ItemsPath", "path", "Where the list of items is in the input, as a path (default $).").ql(JSONPath).ex("Items"),
		f("Items", "array|jsonata", "The list of items to go through: a JSON array or a {% %} expression.").ql(JSONata).ex("ItemsPath"),
		f("MaxConcurrency", "integer|jsonata", "How many items run at the same time at most; 0 means as many as possible.").ex("MaxConcurrencyPath").atLeast(0),
		f("MaxConcurrencyPath", "path", "Reads the most items at the same time from the input, at this path.").ql(JSONPath).ex("MaxConcurrency"),
		f("ToleratedFailurePercentage", "number|jsonata", "The percentage of items that may fail before the whole Map fails (distributed mode).").mode(Distributed).ex("ToleratedFailurePercentagePath").between(0, 100),
		f("ToleratedFailurePercentagePath", "path", "Reads the tolerated failure percentage from the input, at this path.").mode(Distributed).ql(JSONPath).ex("ToleratedFailurePercentage"),
		f("ToleratedFailureCount", "integer|jsonata", "How many items may fail before the whole Map fails (distributed mode).").mode(Distributed).ex("ToleratedFailureCountPath").atLeast(0),
		f("ToleratedFailureCountPath", "path", "Reads the tolerated failure count from the input, at this path.").mode(Distributed).ql(JSONPath).ex("ToleratedFailureCount"),
		f("Label", "string", "A name for the child runs, to find them in the console (distributed mode).").mode(Distributed),
		f("ItemReader", "object", "Reads the items from S3 (a file, or the files in a bucket) instead of the input; this makes the Map distributed.").mode(Distributed).object("ItemReader"),
		f("ItemBatcher", "object", "Hands the items to each child run in batches instead of one by one (distributed mode).").mode(Distributed).object("ItemBatcher"),
		f("ResultWriter", "object", "Writes the results of all items as files in S3 instead of returning them (distributed mode).").mode(Distributed).object("ResultWriter"),
		retry, catch,
	},
	"Retrier": {
		f("ErrorEquals", "array", "The error names this rule matches; States.ALL matches any error.").req().shape(shapeErrorEquals),
		f("IntervalSeconds", "integer", "Seconds to wait before the first retry (default 1).").between(1, maxSeconds),
		f("MaxAttempts", "integer", "How many times to retry at most (default 3); 0 never retries.").between(0, maxSeconds),
		f("BackoffRate", "number", "Each wait is the previous one times this (default 2.0).").atLeast(1),
		f("MaxDelaySeconds", "integer", "The longest wait between retries, in seconds: caps the growing wait.").between(1, 31622400),
		f("JitterStrategy", "string", "FULL makes each wait random (up to its length), so many failed runs do not all retry at once; NONE (the default) does not.").enum("FULL", "NONE"),
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
		f("States", "object", "The branch's states, by name.").req().shape(shapeStates),
	},
	"ItemProcessor": {
		comment.doc("A human-readable description of the processor."),
		f("ProcessorConfig", "object", "How the items are processed: Mode and ExecutionType.").object("ProcessorConfig"),
		f("StartAt", "string", "The name of the first state run for each item.").req().stateName(),
		f("States", "object", "The states run for each item, by name.").req().shape(shapeStates),
	},
	"ProcessorConfig": {
		f("Mode", "string", "INLINE runs the items inside this run (at most 40 at a time); DISTRIBUTED starts a child run for each item or batch.").enum("INLINE", "DISTRIBUTED"),
		f("ExecutionType", "string", "The kind of child runs in distributed mode: STANDARD (long, exactly once) or EXPRESS (short, at least once).").enum("STANDARD", "EXPRESS").mode(Distributed),
	},
	"ItemReader": {
		f("Resource", "string", "The S3 action that reads the items, e.g. arn:aws:states:::s3:getObject or s3:listObjectsV2.").req().shape(shapeResource),
		f("Parameters", "template", "The bucket and key (or prefix) to read.").ql(JSONPath).shape(shapeAny),
		f("Arguments", "object|jsonata", "The bucket and key (or prefix) to read.").ql(JSONata).shape(shapeAny),
		f("ReaderConfig", "object", "How to read the file: InputType, CSV headers, MaxItems.").object("ReaderConfig"),
	},
	"ReaderConfig": {
		f("InputType", "string", "The format of the file read.").enum("CSV", "JSON", "JSONL", "MANIFEST", "PARQUET"),
		f("CSVHeaderLocation", "string", "FIRST_ROW: the file's first row names the columns; GIVEN: they are listed in CSVHeaders.").enum("FIRST_ROW", "GIVEN"),
		f("CSVHeaders", "array|jsonata", "The column names when CSVHeaderLocation is GIVEN.").items("string"),
		f("CSVDelimiter", "string", "What separates the values in a row (COMMA when not set).").enum("COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"),
		f("ManifestType", "string", "The kind of manifest file read.").enum("ATHENA_DATA", "S3_INVENTORY", "CSV"),
		f("MaxItems", "integer|jsonata", "Reads only this many items at most (all when not set).").ex("MaxItemsPath").atLeast(0),
		f("MaxItemsPath", "path", "A path to MaxItems in the state's input.").ql(JSONPath).ex("MaxItems"),
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
		f("Parameters", "template", "The bucket and prefix to write to.").ql(JSONPath).shape(shapeAny),
		f("Arguments", "object|jsonata", "The bucket and prefix to write to.").ql(JSONata).shape(shapeAny),
		f("WriterConfig", "object", "How to write the results: OutputType and Transformation.").object("WriterConfig"),
	},
	"WriterConfig": {
		f("OutputType", "string", "The format of the result files: JSON (one list) or JSONL (one result per line).").enum("JSON", "JSONL"),
		f("Transformation", "string", "What to keep: NONE the results with the child runs' details, COMPACT the results only, FLATTEN the batches' results as one list.").enum("NONE", "COMPACT", "FLATTEN"),
	},
}

// choiceRule lists a Choice rule's fields: JSONata's Condition, JSONPath's
// Variable with one comparison, And, Or and Not.
func choiceRule() []Field {
	out := []Field{
		f("Next", "string", "The state to go to when this rule matches.").stateName(),
		comment,
		f("Condition", "boolean|jsonata", "True or false, as a JSONata expression such as {% $states.input.amount > 100 %}; the rule matches when it is true.").ql(JSONata),
		assign,
		output.doc("The Choice state's output when this rule matches."),
		f("Variable", "path", "A path to the input value this rule compares.").ql(JSONPath),
		f("And", "array", "Rules that must all match.").ql(JSONPath).items("ChoiceRule").minItems(1),
		f("Or", "array", "Rules of which at least one must match.").ql(JSONPath).items("ChoiceRule").minItems(1),
		f("Not", "object", "A rule that must not match.").ql(JSONPath).object("ChoiceRule"),
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
			out = append(out,
				f(name, k.typ, "Matches when the Variable "+o.what+" this "+k.typ+" value.").ql(JSONPath),
				f(name+"Path", "path", "Matches when the Variable "+o.what+" the value at this path.").ql(JSONPath))
		}
		if k.kind == "String" {
			out = append(out, f("StringMatches", "string", "Matches when the Variable matches this pattern; * stands for any characters.").ql(JSONPath))
		}
	}
	for _, is := range []struct{ name, what string }{
		{"IsNull", "is null"}, {"IsPresent", "exists in the input"}, {"IsNumeric", "is a number"},
		{"IsString", "is a string"}, {"IsBoolean", "is a boolean"}, {"IsTimestamp", "is a timestamp string"},
	} {
		out = append(out, f(is.name, "boolean", "true matches when the Variable "+is.what+"; false when it does not.").ql(JSONPath))
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
