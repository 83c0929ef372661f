package schema

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/stepstudio/stepstudio/engine/asl"
)

var variableNameRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`) })

// maxVariableName is AWS's limit on variable names.
const maxVariableName = 80

// collectVariables records every variable name assigned anywhere, so that
// references to names never assigned can be reported, and checks the names.
func (c *checker) collectVariables(root *asl.Node) {
	c.assigned = map[string]bool{}
	c.walkAssign(make([]string, 0, 16), root)
}

func (c *checker) walkAssign(path []string, n *asl.Node) {
	switch n.Kind {
	case asl.KindArray:
		for i, it := range n.Items {
			c.walkAssign(append(path, strconv.Itoa(i)), it)
		}
	case asl.KindObject:
		for _, f := range n.Fields {
			if f.Key == "Assign" && f.Value.Is(asl.KindObject) && !insidePayload(path) {
				fp := asl.Pointer(append(path, f.Key)...)
				for _, v := range f.Value.Fields {
					c.variableName(asl.Append(fp, v.Key), v)
				}
				continue
			}
			if insidePayload(path) && !f.Value.Is(asl.KindObject) && !f.Value.Is(asl.KindArray) {
				continue
			}
			c.walkAssign(append(path, f.Key), f.Value)
		}
	}
}

// insidePayload reports whether ptr is inside a payload template, where a
// key named Assign is data, not a variable assignment.
func insidePayload(path []string) bool {
	for _, seg := range path {
		switch seg {
		case "Parameters", "Arguments", "Result", "ResultSelector", "ItemSelector", "Output", "Assign", "BatchInput":
			return true
		}
	}
	return false
}

func (c *checker) variableName(ptr string, f *asl.Field) {
	name := strings.TrimSuffix(f.Key, ".$")
	c.assigned[name] = true
	switch {
	case !variableNameRE().MatchString(name):
		c.report(Error, ptr, f.KeyRange, CodeSchema,
			"%s: %q is not a valid variable name. Use letters, digits and underscores, starting with a letter or underscore.", subjectOf(ptr).String(), name)
	case utf8.RuneCountInString(name) > maxVariableName:
		c.report(Error, ptr, f.KeyRange, CodeSchema,
			"%s: the variable name %q is longer than %d characters.", subjectOf(ptr).String(), name, maxVariableName)
	case name == "states":
		c.report(Error, ptr, f.KeyRange, CodeSchema,
			"%s: \"states\" is reserved for $states; choose another variable name.", subjectOf(ptr).String())
	}
}

// variableRef checks that a JSONPath reference to $name reads a variable
// that some Assign sets.
func (c *checker) variableRef(s *asl.State, parent, field string, v *asl.Node, path string) {
	name := variableOf(path)
	if name == "" || c.assigned[name] {
		return
	}
	c.errorAt(asl.Append(parent, field), v, CodeSchema,
		"State %q reads the variable $%s, but no Assign in the state machine sets it. Assign it in an earlier state, or check the spelling.", s.Name, name)
}
