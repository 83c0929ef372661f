package handbook

import "time"

// Handbook is everything the handbook says about one workflow, in reading
// order; the renderers only lay it out.
type Handbook struct {
	Name          string // the workflow's name, from its file
	Purpose       string // the sidecar's workflow description, else the ASL Comment
	QueryLanguage string // the top level's: JSONPath or JSONata
	Timeout       Phrase // the whole workflow's TimeoutSeconds in words, or nil
	Steps         []*Step
	Problems      []Problem // what can go wrong, and where it goes
	People        []*Step   // steps that wait for a person or another system
	Resources     []Group   // AWS resources by service
	Threads       []Thread  // open comment threads
	Scenarios     []Scenario
	ScenarioNote  string // why scenarios are missing, when a mock file was given but none ran
	Diagram       []byte // the workflow's diagram as SVG; nil when not drawn
	Dependencies  []byte // the resources' dependency diagram as SVG; nil without resources
}

// Step is one state, described.
type Step struct {
	Name          string
	Type          string
	QueryLanguage string
	Depth         int      // 0 at the top level, one more inside each Parallel or Map
	Description   string   // the sidecar's text, else the ASL Comment
	Says          []Phrase // generated sentences: what it does, retries, errors, timeouts, where next
	Rules         []Phrase // a Choice's rules, one line each
	Human         bool     // waits for a person or another system to answer
	Reachable     bool     // false when no path from StartAt leads here
	Branches      []Branch // a Parallel's branches or a Map's item steps
	Threads       []Thread
}

// Branch is a Parallel branch or a Map's item processor.
type Branch struct {
	Title string
	Steps []*Step
}

// Problem is one way a step can go wrong and what happens then.
type Problem struct {
	Step string
	Says Phrase
}

// Group is the resources of one kind (Lambda functions, DynamoDB tables …).
type Group struct {
	Title     string
	Resources []*Resource
}

// Resource is one AWS resource the workflow touches.
type Resource struct {
	Kind    string // "Lambda function", "DynamoDB table", …
	Name    string // the name as written, or the expression it is computed from
	Runtime bool   // the name is decided at run time (a path or JSONata)
	Steps   []string
}

// Thread is an open comment thread; State "" is on the whole workflow.
type Thread struct {
	State    string
	Comments []Comment
}

// Comment is one comment of a thread.
type Comment struct {
	Author string
	Time   time.Time
	Text   string
}

// ScenarioIntro says how the scenarios were run, above them.
const ScenarioIntro = "Each test case of the mock file, run here on the local engine with its mocked answers, an empty input ({}) and waits skipped: the steps it went through, and how it ended."

// Scenario is one test case of the mock file, run on the engine.
type Scenario struct {
	Name     string
	Path     []string // the states entered, in order (Map and Parallel states' children included)
	More     int      // states entered beyond those kept in Path
	Status   string   // SUCCEEDED, FAILED, …, or "" when it did not finish
	Error    string
	Cause    string
	Finished bool
	Problem  string // the test case could not run: why
}
