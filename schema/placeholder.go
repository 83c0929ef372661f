package schema

import (
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// IaC substitutions: ${Name}, ${AWS::Region}, ${Table.Arn}.
var (
	placeholderRE = lazyRegexp(`\$\{[^{}\s]+\}`)
)

// isIntrinsicObject reports a CloudFormation intrinsic function object:
// one key, "Ref" or "Fn::…".
func isIntrinsicObject(n *asl.Node) bool {
	return n.Is(asl.KindObject) && len(n.Fields) == 1 &&
		(n.Fields[0].Key == "Ref" || strings.HasPrefix(n.Fields[0].Key, "Fn::"))
}

// isPlaceholder reports whether s contains an IaC substitution.
func isPlaceholder(s string) bool { return placeholderRE().MatchString(s) }

// brokenPlaceholder reports "${" with no closing brace, such as "${lambdaArn".
func brokenPlaceholder(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '$' && s[i+1] == '{' {
			loc := placeholderRE().FindStringIndex(s[i:])
			if loc == nil || loc[0] != 0 {
				return true
			}
		}
	}
	return false
}
