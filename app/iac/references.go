package iac

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// checkReferences marks the substitutions of a CloudFormation template
// whose !Ref or !GetAtt names something the template does not declare (a
// parameter, a resource, a pseudo parameter): the deploy would fail there.
func checkReferences(root *yaml.Node, subs []Substitution, values []*yaml.Node) {
	known := map[string]bool{}
	for _, section := range []string{"Parameters", "Resources"} {
		if m := mapGet(root, section); m != nil && m.Kind == yaml.MappingNode {
			for i := 0; i < len(m.Content); i += 2 {
				known[m.Content[i].Value] = true
			}
		}
	}
	for i, v := range values {
		if name := referenced(v); name != "" && !known[name] && !strings.HasPrefix(name, "AWS::") {
			subs[i].Problem = fmt.Sprintf("refers to %s, which the template does not declare (broken reference)", name)
		}
	}
}

// referenced returns the logical name a !Ref / !GetAtt (short or long
// form) points at, or "".
func referenced(v *yaml.Node) string {
	switch {
	case v.Tag == "!Ref" && v.Kind == yaml.ScalarNode:
		return v.Value
	case v.Tag == "!GetAtt" && v.Kind == yaml.ScalarNode:
		return strings.SplitN(v.Value, ".", 2)[0]
	case v.Tag == "!GetAtt" && v.Kind == yaml.SequenceNode && len(v.Content) > 0:
		return v.Content[0].Value
	case v.Kind == yaml.MappingNode && len(v.Content) == 2:
		k, x := v.Content[0].Value, v.Content[1]
		if k == "Ref" && x.Kind == yaml.ScalarNode {
			return x.Value
		}
		if k == "Fn::GetAtt" {
			if x.Kind == yaml.SequenceNode && len(x.Content) > 0 {
				return x.Content[0].Value
			}
			if x.Kind == yaml.ScalarNode {
				return strings.SplitN(x.Value, ".", 2)[0]
			}
		}
	}
	return ""
}
