// Package fieldtable is the one table of the fields of Amazon States
// Language: per object (the machine, each state type, Retry and Catch
// rules, Choice rules, a Map's processor, reader, batcher and writer)
// each field's type, whether it is required, which fields it excludes,
// which query language and Map mode it belongs to, and a one-line
// description, written from the ASL specification and the AWS developer
// guide. The code view's completion and hover read it as JSON
// (frontend/src/code/fields.json, written by `go test -run TestGenerate
// -update`); a test in package schema holds it equal to the embedded JSON
// Schema's allowed and required fields, so the schema can later be
// generated from it.
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
	comment       = f("Comment", "string", "A human-readable description; the workflow ignores it.")
	typeField     = f("Type", "string", "The state's type.").req().enum(StateTypes...)
	queryLanguage = f("QueryLanguage", "string", "The language for expressions in this state: JSONPath (the default) or JSONata.").enum(JSONPath, JSONata)
	next          = f("Next", "string", "The name of the state to run next.").stateName().ex("End")
	end           = f("End", "boolean", "true makes this state end the execution (or its branch).").ex("Next")
	inputPath     = f("InputPath", "path", "A path selecting the part of the state's input to use; null passes {}.").ql(JSONPath).shape(shapeNullablePath)
	outputPath    = f("OutputPath", "path", "A path selecting the part of the result to pass on as output; null passes {}.").ql(JSONPath).shape(shapeNullablePath)
	resultPath    = f("ResultPath", "path", "Where in the input to put the result; null discards the result and passes the input on.").ql(JSONPath).shape(shapeNullablePath)
	parameters    = f("Parameters", "template", "A JSON template for the input sent to the work; keys ending in .$ take a path or intrinsic function.").ql(JSONPath).shape(shapeAny)
	resultSelect  = f("ResultSelector", "template", "A JSON template that reshapes the result before ResultPath applies.").ql(JSONPath)
	arguments     = f("Arguments", "object|jsonata", "The input sent to the work: an object or a JSONata expression in {% %}.").ql(JSONata)
	output        = f("Output", "any", "The state's output, usually a JSONata expression in {% %}; by default the result.").ql(JSONata)
	assign        = f("Assign", "object", "Variables to set when the state ends: names and their values.")
	retry         = f("Retry", "array", "Retriers: which errors to retry, how often and how long to wait between attempts.").items("Retrier")
	catch         = f("Catch", "array", "Catchers: which errors to handle and the state to go to when they happen.").items("Catcher")
)

// Objects holds each object's fields, by object name: "Machine", the
// state types, "Retrier", "Catcher", "ChoiceRule", "Branch",
// "ItemProcessor", "ProcessorConfig", "ItemReader", "ReaderConfig",
// "ItemBatcher", "ResultWriter", "WriterConfig".
var Objects = map[string][]Field{
	"Machine": {
		comment.doc("A human-readable description of the workflow."),
		f("StartAt", "string", "The name of the state the workflow starts with.").req().stateName(),
		f("States", "object", "The workflow's states, by name.").req().shape(shapeStates),
		f("Version", "string", "The version of ASL the workflow uses; 1.0 by default."),
		f("TimeoutSeconds", "integer", "The most seconds an execution may run before it fails with States.Timeout.").between(0, maxSeconds),
		queryLanguage.doc("The default language for expressions in every state: JSONPath (the default) or JSONata."),
	},
	"Task": {
		typeField, comment, queryLanguage, next, end, inputPath, outputPath, resultPath, parameters, resultSelect, arguments, output, assign,
		f("Resource", "string", "The ARN of the work to run: a Lambda function, an activity or a service integration (arn:aws:states:::service:action).").req().shape(shapeResource),
		f("TimeoutSeconds", "integer|jsonata", "The most seconds the task may run before it fails with States.Timeout (default 99999999).").ex("TimeoutSecondsPath").between(1, maxSeconds),
		f("TimeoutSecondsPath", "path", "A path to the timeout in seconds in the state's input.").ex("TimeoutSeconds").ql(JSONPath),
		f("HeartbeatSeconds", "integer|jsonata", "The most seconds between heartbeats before the task fails with States.HeartbeatTimeout.").ex("HeartbeatSecondsPath").between(1, maxSeconds),
		f("HeartbeatSecondsPath", "path", "A path to the heartbeat interval in seconds in the state's input.").ex("HeartbeatSeconds").ql(JSONPath),
		f("Credentials", "object|jsonata", "The IAM role to assume for the task (RoleArn or RoleArn.$)."),
		retry, catch,
	},
	"Pass": {
		typeField, comment, queryLanguage, next, end, inputPath, outputPath, resultPath, parameters,
		f("Result", "any", "A fixed value the state outputs as its result (placed by ResultPath).").ql(JSONPath),
		output, assign,
	},
	"Choice": {
		typeField, comment, queryLanguage, inputPath, outputPath,
		f("Choices", "array", "The rules, tried in order; the first that matches names the next state.").req().items("ChoiceRule", "Next").minItems(1),
		f("Default", "string", "The state to go to when no rule matches; without it the execution fails with States.NoChoiceMatched.").stateName(),
		output, assign,
	},
	"Wait": {
		typeField, comment, queryLanguage, next, end, inputPath, outputPath,
		f("Seconds", "integer|jsonata", "How many seconds to wait.").ex("SecondsPath", "Timestamp", "TimestampPath").between(0, maxSeconds),
		f("SecondsPath", "path", "A path to the number of seconds to wait in the state's input.").ex("Seconds", "Timestamp", "TimestampPath").ql(JSONPath),
		f("Timestamp", "string", "Wait until this time (RFC 3339, e.g. 2026-01-01T00:00:00Z).").ex("Seconds", "SecondsPath", "TimestampPath"),
		f("TimestampPath", "path", "A path to the time to wait until in the state's input.").ex("Seconds", "SecondsPath", "Timestamp").ql(JSONPath),
		output, assign,
	},
	"Succeed": {
		typeField, comment, queryLanguage, inputPath, outputPath, output,
	},
	"Fail": {
		typeField, comment, queryLanguage,
		f("Error", "string", "The error name the execution fails with.").ex("ErrorPath"),
		f("ErrorPath", "path", "A path to the error name in the state's input.").ex("Error").ql(JSONPath),
		f("Cause", "string", "A human-readable explanation of the failure.").ex("CausePath"),
		f("CausePath", "path", "A path to the cause in the state's input.").ex("Cause").ql(JSONPath),
	},
	"Parallel": {
		typeField, comment, queryLanguage, next, end, inputPath, outputPath, resultPath, parameters, resultSelect, arguments, output, assign,
		f("Branches", "array", "The branches to run at the same time, each with its own StartAt and States; the output is the array of their outputs.").req().items("Branch").minItems(1),
		retry, catch,
	},
	"Map": {
		typeField, comment, queryLanguage, next, end, inputPath, outputPath, resultPath,
		f("Parameters", "template", "The older name of ItemSelector.").ql(JSONPath).ex("ItemSelector").shape(shapeAny),
		f("ItemSelector", "template", "A template that builds each item's input (e.g. with $$.Map.Item.Value or $states.context.Map.Item.Value).").ex("Parameters").shape(shapeAny),
		resultSelect, output, assign,
		f("ItemProcessor", "object", "The workflow run for each item: ProcessorConfig, StartAt and States.").ex("Iterator").object("ItemProcessor"),
		f("Iterator", "object", "The older name of ItemProcessor (inline mode only).").ex("ItemProcessor").object("ItemProcessor"),
		f("ItemsPath", "path", "A path to the array in the input to iterate over (default $).").ql(JSONPath).ex("Items"),
		f("Items", "array|jsonata", "The array to iterate over: an array or a JSONata expression.").ql(JSONata).ex("ItemsPath"),
		f("MaxConcurrency", "integer|jsonata", "The most items processed at the same time; 0 means as many as possible.").ex("MaxConcurrencyPath").atLeast(0),
		f("MaxConcurrencyPath", "path", "A path to MaxConcurrency in the state's input.").ql(JSONPath).ex("MaxConcurrency"),
		f("ToleratedFailurePercentage", "number|jsonata", "The percentage of items that may fail before the Map run fails.").mode(Distributed).ex("ToleratedFailurePercentagePath").between(0, 100),
		f("ToleratedFailurePercentagePath", "path", "A path to ToleratedFailurePercentage in the state's input.").mode(Distributed).ql(JSONPath).ex("ToleratedFailurePercentage"),
		f("ToleratedFailureCount", "integer|jsonata", "The number of items that may fail before the Map run fails.").mode(Distributed).ex("ToleratedFailureCountPath").atLeast(0),
		f("ToleratedFailureCountPath", "path", "A path to ToleratedFailureCount in the state's input.").mode(Distributed).ql(JSONPath).ex("ToleratedFailureCount"),
		f("Label", "string", "A name for the Map run's child executions (distributed mode).").mode(Distributed),
		f("ItemReader", "object", "Where to read the items from, e.g. an S3 object or bucket listing (distributed mode).").mode(Distributed).object("ItemReader"),
		f("ItemBatcher", "object", "Groups items into batches, each processed by one child execution (distributed mode).").mode(Distributed).object("ItemBatcher"),
		f("ResultWriter", "object", "Where to write the child executions' results, e.g. an S3 prefix (distributed mode).").mode(Distributed).object("ResultWriter"),
		retry, catch,
	},
	"Retrier": {
		f("ErrorEquals", "array", "The error names this rule matches; States.ALL matches any error.").req().shape(shapeErrorEquals),
		f("IntervalSeconds", "integer", "Seconds before the first retry (default 1).").between(1, maxSeconds),
		f("MaxAttempts", "integer", "The most retries (default 3); 0 never retries.").between(0, maxSeconds),
		f("BackoffRate", "number", "The multiplier of the interval after each attempt (default 2.0).").atLeast(1),
		f("MaxDelaySeconds", "integer", "The longest wait between retries, in seconds.").between(1, 31622400),
		f("JitterStrategy", "string", "FULL randomises the waits between retries; NONE (the default) does not.").enum("FULL", "NONE"),
		comment,
	},
	"Catcher": {
		f("ErrorEquals", "array", "The error names this rule catches; States.ALL catches any error.").req().shape(shapeErrorEquals),
		f("Next", "string", "The state to go to when the error is caught.").req().stateName(),
		f("ResultPath", "path", "Where in the input to put the error output; null discards it.").ql(JSONPath).shape(shapeNullablePath),
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
		f("Mode", "string", "INLINE runs the items inside this execution (at most 40 at a time); DISTRIBUTED runs child executions.").enum("INLINE", "DISTRIBUTED"),
		f("ExecutionType", "string", "The kind of child executions in distributed mode: STANDARD or EXPRESS.").enum("STANDARD", "EXPRESS").mode(Distributed),
	},
	"ItemReader": {
		f("Resource", "string", "The S3 action that reads the items, e.g. arn:aws:states:::s3:getObject or s3:listObjectsV2.").req().shape(shapeResource),
		f("Parameters", "template", "The bucket and key (or prefix) to read.").ql(JSONPath).shape(shapeAny),
		f("Arguments", "object|jsonata", "The bucket and key (or prefix) to read.").ql(JSONata).shape(shapeAny),
		f("ReaderConfig", "object", "How to read the file: InputType, CSV headers, MaxItems.").object("ReaderConfig"),
	},
	"ReaderConfig": {
		f("InputType", "string", "The format of the file read.").enum("CSV", "JSON", "JSONL", "MANIFEST", "PARQUET"),
		f("CSVHeaderLocation", "string", "FIRST_ROW takes the column names from the file; GIVEN from CSVHeaders.").enum("FIRST_ROW", "GIVEN"),
		f("CSVHeaders", "array|jsonata", "The column names when CSVHeaderLocation is GIVEN.").items("string"),
		f("CSVDelimiter", "string", "The character between CSV fields.").enum("COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"),
		f("ManifestType", "string", "The kind of manifest file read.").enum("ATHENA_DATA", "S3_INVENTORY", "CSV"),
		f("MaxItems", "integer|jsonata", "The most items to read.").ex("MaxItemsPath").atLeast(0),
		f("MaxItemsPath", "path", "A path to MaxItems in the state's input.").ql(JSONPath).ex("MaxItems"),
	},
	"ItemBatcher": {
		f("MaxItemsPerBatch", "integer|jsonata", "The most items in one batch.").ex("MaxItemsPerBatchPath").atLeast(0),
		f("MaxItemsPerBatchPath", "path", "A path to MaxItemsPerBatch in the state's input.").ql(JSONPath).ex("MaxItemsPerBatch"),
		f("MaxInputBytesPerBatch", "integer|jsonata", "The most bytes in one batch (up to 256 KiB).").ex("MaxInputBytesPerBatchPath").atLeast(0),
		f("MaxInputBytesPerBatchPath", "path", "A path to MaxInputBytesPerBatch in the state's input.").ql(JSONPath).ex("MaxInputBytesPerBatch"),
		f("BatchInput", "any", "A fixed JSON value added to every batch's input."),
	},
	"ResultWriter": {
		f("Resource", "string", "The S3 action that writes the results: arn:aws:states:::s3:putObject.").shape(shapeResource),
		f("Parameters", "template", "The bucket and prefix to write to.").ql(JSONPath).shape(shapeAny),
		f("Arguments", "object|jsonata", "The bucket and prefix to write to.").ql(JSONata).shape(shapeAny),
		f("WriterConfig", "object", "How to write the results: OutputType and Transformation.").object("WriterConfig"),
	},
	"WriterConfig": {
		f("OutputType", "string", "The format of the results file.").enum("JSON", "JSONL"),
		f("Transformation", "string", "NONE keeps the child executions' metadata, COMPACT keeps only their outputs, FLATTEN flattens arrays of outputs.").enum("NONE", "COMPACT", "FLATTEN"),
	},
}

// choiceRule lists a Choice rule's fields: JSONata's Condition, JSONPath's
// Variable with one comparison, And, Or and Not.
func choiceRule() []Field {
	out := []Field{
		f("Next", "string", "The state to go to when this rule matches.").stateName(),
		comment,
		f("Condition", "boolean|jsonata", "A JSONata expression in {% %}; the rule matches when it is true.").ql(JSONata),
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
