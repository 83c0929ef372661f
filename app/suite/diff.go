package suite

import (
	"fmt"
	"regexp"
	"strconv"
	"sync"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// maxDiffLines caps a diff: past a screenful, more lines do not help.
const maxDiffLines = 20

// Diff lists where got differs from want, one line per difference, each
// starting with its JSONPath. With partial, got may hold more object keys
// than want (a partial match); arrays always compare item by item.
func Diff(want, got any, partial bool) []string {
	d := differ{partial: partial}
	d.walk("$", want, got)
	if d.more > 0 {
		d.lines = append(d.lines, fmt.Sprintf("… and %d more differences", d.more))
	}
	return d.lines
}

type differ struct {
	partial bool
	lines   []string
	more    int
}

func (d *differ) add(format string, args ...any) {
	if len(d.lines) >= maxDiffLines {
		d.more++
		return
	}
	d.lines = append(d.lines, fmt.Sprintf(format, args...))
}

var plainKey = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`) })

func child(path, key string) string {
	if plainKey().MatchString(key) {
		return path + "." + key
	}
	return path + "[" + strconv.Quote(key) + "]"
}

func (d *differ) walk(path string, want, got any) {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			d.add("%s: expected %s, got %s", path, short(want), short(got))
			return
		}
		for _, k := range jsonvalue.Keys(w) {
			gv, ok := g[k]
			if !ok {
				d.add("%s: missing (expected %s)", child(path, k), short(w[k]))
				continue
			}
			d.walk(child(path, k), w[k], gv)
		}
		if !d.partial {
			for _, k := range jsonvalue.Keys(g) {
				if _, ok := w[k]; !ok {
					d.add("%s: not expected (got %s)", child(path, k), short(g[k]))
				}
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok {
			d.add("%s: expected %s, got %s", path, short(want), short(got))
			return
		}
		for i := range max(len(w), len(g)) {
			p := fmt.Sprintf("%s[%d]", path, i)
			switch {
			case i >= len(g):
				d.add("%s: missing (expected %s)", p, short(w[i]))
			case i >= len(w):
				d.add("%s: not expected (got %s)", p, short(g[i]))
			default:
				d.walk(p, w[i], g[i])
			}
		}
	default:
		if !jsonvalue.Equal(want, got) {
			d.add("%s: expected %s, got %s", path, short(want), short(got))
		}
	}
}

// Contains reports whether got matches want partially: every key of
// want's objects is in got with a matching value; arrays match item by
// item and have the same length; other values are equal.
func Contains(want, got any) bool { return len(Diff(want, got, true)) == 0 }

// short is a value's JSON, cut to a line.
func short(v any) string {
	s := jsonvalue.String(v)
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return s
}
