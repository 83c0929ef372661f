package schema

import (
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// jsonataNames are the names a JSONata expression may read without an
// Assign: $states, the JSONata 2.x library and AWS's added functions.
var jsonataNames = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`states
		string length substring substringBefore substringAfter uppercase lowercase trim pad contains
		split join match replace eval base64encode base64decode encodeUrlComponent encodeUrl
		decodeUrlComponent decodeUrl formatNumber formatBase formatInteger parseInteger number abs
		floor ceil round power sqrt random sum max min average boolean not exists count append sort
		reverse shuffle distinct zip keys lookup spread merge sift each error assert type now millis
		fromMillis toMillis map filter single reduce
		partition range hash uuid parse`) {
		m[n] = true
	}
	return m
}()

// jsonataVariables returns the $names an expression reads that it does
// not bind itself (with := or as a function parameter).
func jsonataVariables(expr string) []string {
	var reads []string
	bound := map[string]bool{}
	inParams := 0 // > 0 inside the parameter list of function( … )
	for i := 0; i < len(expr); i++ {
		c := expr[i]
		switch {
		case c == '"' || c == '\'' || c == '`':
			i = skipQuoted(expr, i)
		case c == '/' && i+1 < len(expr) && expr[i+1] == '*':
			if end := strings.Index(expr[i+2:], "*/"); end >= 0 {
				i += end + 3
			} else {
				i = len(expr)
			}
		case strings.HasPrefix(expr[i:], "function") && (i == 0 || !isIdentPart(expr[i-1])):
			i += len("function") - 1
			for i+1 < len(expr) && expr[i+1] == ' ' {
				i++
			}
			if i+1 < len(expr) && expr[i+1] == '(' {
				inParams = 1
				i++
			}
		case inParams > 0 && c == '(':
			inParams++
		case inParams > 0 && c == ')':
			inParams--
		case c == '$' && i+1 < len(expr) && isIdentStart(expr[i+1]):
			j := i + 1
			for j < len(expr) && isIdentPart(expr[j]) {
				j++
			}
			name := expr[i+1 : j]
			rest := strings.TrimLeft(expr[j:], " \t\r\n")
			switch {
			case inParams > 0, strings.HasPrefix(rest, ":="):
				bound[name] = true
			default:
				reads = append(reads, name)
			}
			i = j - 1
		}
	}
	out := reads[:0]
	for _, r := range reads {
		if !bound[r] {
			out = append(out, r)
		}
	}
	return out
}

// skipQuoted returns the index of the quote closing the one at i.
func skipQuoted(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		if s[j] == '\\' && q != '`' {
			j++
			continue
		}
		if s[j] == q {
			return j
		}
	}
	return len(s)
}

// jsonataVariableRefs warns about variables an expression reads that no
// Assign sets and that are not JSONata's own: most likely a typo.
func (c *checker) jsonataVariableRefs(s *asl.State, ptr string, n *asl.Node, expr string) {
	for _, name := range jsonataVariables(expr) {
		if c.assigned[name] || jsonataNames[name] {
			continue
		}
		c.warnAt(ptr, n, CodeUnknownVariable,
			"State %q, field %q reads $%s, but no Assign in the state machine sets it and it is not a JSONata function.%s",
			s.Name, subjectOf(ptr).field, name, didYouMean(name, c.assignedNames()))
		return
	}
}

func (c *checker) assignedNames() []string {
	out := make([]string, 0, len(c.assigned))
	for n := range c.assigned {
		out = append(out, n)
	}
	return out
}
