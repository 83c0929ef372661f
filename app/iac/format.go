package iac

import (
	"encoding/json"
	"regexp"
	"sync"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// yamlTag finds a YAML tag such as !Sub or !Ref in a value position.
var yamlTag = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(^|[:\-\[,{]\s*)![A-Za-z]`) })

// formatOf tells JSON from YAML by content: text that parses as JSON is
// JSON; so is text that opens an object and uses no YAML tag (a JSON
// template with unquoted ${...} placeholders); anything else is YAML.
func formatOf(text []byte) asl.Format {
	if json.Valid(text) {
		return asl.JSON
	}
	if asl.DetectFormat("", text) == asl.JSON && !yamlTag().Match(text) {
		return asl.JSON
	}
	return asl.YAML
}
