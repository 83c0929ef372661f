package schema

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles expr on first use. Package-level regexps compiled at
// init cost every command's start-up (`stepstudio version` included), not
// just the ones that validate.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
