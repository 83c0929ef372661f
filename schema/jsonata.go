package schema

import (
	"strings"
	"sync"

	"github.com/recolabs/gnata"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// jsonataFields hold values that may contain "{% … %}" expressions, relative
// to the state.
var jsonataFields = [][]string{
	{"Arguments"}, {"Output"}, {"Assign"}, {"Items"}, {"ItemSelector"}, {"Credentials"},
	{"TimeoutSeconds"}, {"HeartbeatSeconds"}, {"Seconds"}, {"Timestamp"}, {"Error"}, {"Cause"},
	{"MaxConcurrency"}, {"ToleratedFailurePercentage"}, {"ToleratedFailureCount"},
	{"ItemReader", "Arguments"}, {"ItemReader", "ReaderConfig"}, {"ResultWriter", "Arguments"}, {"ItemBatcher"},
}

func (c *checker) jsonataState(s *asl.State, ptr string) {
	for _, rel := range jsonataFields {
		if n := getPath(s.Node, rel); n != nil {
			c.jsonataValue(s, asl.Append(ptr, rel...), n)
		}
	}
	for i, r := range s.Catch {
		base := asl.AppendIndex(asl.Append(ptr, "Catch"), i)
		c.jsonataValue(s, base+"/Output", r.Output)
		c.jsonataValue(s, base+"/Assign", r.Assign)
	}
	for i, r := range s.Choices {
		base := asl.AppendIndex(asl.Append(ptr, "Choices"), i)
		c.jsonataValue(s, base+"/Condition", r.Condition)
		c.jsonataValue(s, base+"/Output", r.Output)
		c.jsonataValue(s, base+"/Assign", r.Assign)
	}
}

// jsonataValue checks every string of a value: "{% … %}" must parse as
// JSONata; ".$" keys, which belong to JSONPath, get a warning.
func (c *checker) jsonataValue(s *asl.State, ptr string, n *asl.Node) {
	if n == nil {
		return
	}
	switch n.Kind {
	case asl.KindString:
		if !strings.HasPrefix(strings.TrimSpace(n.Str), "{%") {
			return
		}
		if !isJSONata(n.Str) {
			c.warnAt(ptr, n, CodeNotJSONata, "State %q, field %q starts like a JSONata expression with \"{%%\" but does not end with \"%%}\", so it is plain text. Close it with \"%%}\" to evaluate it.", s.Name, subjectOf(ptr).field)
			return
		}
		expr := n.Str[2 : len(n.Str)-2]
		if msg := jsonataError(expr); msg != "" {
			c.errorAt(ptr, n, CodeSchema, "State %q, field %q: the JSONata expression does not parse: %s.", s.Name, subjectOf(ptr).field, msg)
			return
		}
		c.jsonataVariableRefs(s, ptr, n, expr)
	case asl.KindArray:
		for i, it := range n.Items {
			c.jsonataValue(s, asl.AppendIndex(ptr, i), it)
		}
	case asl.KindObject:
		for _, f := range n.Fields {
			fp := asl.Append(ptr, f.Key)
			if strings.HasSuffix(f.Key, ".$") && f.Value.Is(asl.KindString) && looksLikePath(f.Value.Str) {
				// AWS accepts it and keeps key and value as written.
				c.report(Warning, fp, f.KeyRange, CodeJSONPathInJSONata,
					"State %q uses JSONata, where keys ending in \".$\" are not evaluated: %q and its path are output as written. To compute the value, rename the key to %q and write the value as \"{%% … %%}\".", s.Name, f.Key, strings.TrimSuffix(f.Key, ".$"))
				continue
			}
			c.jsonataValue(s, fp, f.Value)
		}
	}
}

// maxJSONataNesting bounds bracket nesting handed to the JSONata parser,
// whose recursion is otherwise unbounded.
const maxJSONataNesting = 200

// jsonataCache remembers parse results: editors revalidate the same
// expressions on every keystroke. It is cleared when it grows large.
var jsonataCache = struct {
	sync.Mutex
	m map[string]string
}{m: map[string]string{}}

const jsonataCacheSize = 4096

// jsonataError parses expr and returns "" or a plain-language problem.
func jsonataError(expr string) string {
	jsonataCache.Lock()
	msg, ok := jsonataCache.m[expr]
	jsonataCache.Unlock()
	if ok {
		return msg
	}
	msg = parseJSONata(expr)
	jsonataCache.Lock()
	if len(jsonataCache.m) >= jsonataCacheSize {
		clear(jsonataCache.m)
	}
	jsonataCache.m[expr] = msg
	jsonataCache.Unlock()
	return msg
}

func parseJSONata(expr string) string {
	if strings.TrimSpace(expr) == "" {
		return "the expression is empty"
	}
	depth, maxDepth := 0, 0
	for i := 0; i < len(expr); i++ {
		switch expr[i] {
		case '(', '[', '{':
			depth++
			maxDepth = max(maxDepth, depth)
		case ')', ']', '}':
			depth--
		}
	}
	if maxDepth > maxJSONataNesting {
		return "brackets are nested too deeply"
	}
	if _, err := gnata.Compile(expr); err != nil {
		return err.Error()
	}
	return ""
}
