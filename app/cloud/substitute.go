package cloud

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/stepstudio/stepstudio/app/iac"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// placeholder is an IaC substitution such as ${OrderTable}, as
// definitions kept beside SAM or CloudFormation templates hold them.
var placeholder = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$\{([^{}\s]+)\}`) })

// Placeholders lists the substitutions a definition still holds, sorted,
// for the page to ask their values before a deploy.
func Placeholders(src []byte) []string {
	seen := map[string]bool{}
	for _, m := range placeholder().FindAllSubmatch(src, -1) {
		seen[string(m[1])] = true
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// resolve replaces every ${Name} in the definition's strings with the
// value the user confirmed; a string that is only a placeholder becomes a
// number or boolean when its value is one ("TimeoutSeconds":
// "${Timeout}"). A placeholder left without a value is refused: AWS
// would take it as text and fail at run time.
func resolve(src []byte, values map[string]string) ([]byte, error) {
	if !placeholder().Match(src) {
		return src, nil
	}
	var missing []string
	for _, n := range Placeholders(src) {
		if _, ok := values[n]; !ok {
			missing = append(missing, "${"+n+"}")
		}
	}
	if len(missing) > 0 {
		return nil, &Problem{Code: CodeUnresolved, Title: fmt.Sprintf("The workflow still has substitutions a template would fill in: %s.", strings.Join(missing, ", ")),
			Action: "Give each one its value for this deploy (the ARN or name it stands for)."}
	}
	doc, err := asl.Parse("", src)
	if err != nil {
		return nil, &Problem{Code: CodeInvalidDef, Title: "The workflow cannot be read as JSON or YAML.", Action: "Fix the syntax error first.", Detail: err.Error(), err: err}
	}
	iac.Substitute(doc.Root, values) // the same substitution the template validation applies
	return jsonvalue.Marshal(doc.Root.Value())
}
