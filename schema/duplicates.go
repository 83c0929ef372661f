package schema

import (
	"strconv"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// duplicateKeys reports keys that appear twice in one object; parsers keep
// only one of them, so the other is silently lost. Duplicate state names
// are reported by stateNames instead. path holds the segments down to n;
// pointers are only built for a report, as this visits every value.
func (c *checker) duplicateKeys(path []string, n *asl.Node) {
	switch n.Kind {
	case asl.KindArray:
		for i, it := range n.Items {
			c.duplicateKeys(append(path, strconv.Itoa(i)), it)
		}
	case asl.KindObject:
		if len(n.Fields) > 1 && len(n.Fields) <= 16 {
			for i, f := range n.Fields[1:] {
				for _, g := range n.Fields[:i+1] {
					if g.Key == f.Key {
						c.duplicateKey(path, f)
						break
					}
				}
			}
		} else if len(n.Fields) > 16 {
			seen := make(map[string]bool, len(n.Fields))
			for _, f := range n.Fields {
				if seen[f.Key] {
					c.duplicateKey(path, f)
				}
				seen[f.Key] = true
			}
		}
		for _, f := range n.Fields {
			c.duplicateKeys(append(path, f.Key), f.Value)
		}
	}
}

func (c *checker) duplicateKey(path []string, f *asl.Field) {
	ptr := asl.Pointer(path...)
	if fieldName(ptr) == "States" && isMachinePointer(ptr) {
		return // a duplicate state name
	}
	fp := asl.Append(ptr, f.Key)
	c.report(Error, fp, f.KeyRange, CodeSchema,
		"%s appears twice. Keep one %q: only one of the values would be used.", subjectOf(fp).String(), f.Key)
}

// isMachinePointer reports whether ptr (ending in /States) is a machine's
// States map rather than, say, a payload key named States.
func isMachinePointer(ptr string) bool {
	segs := asl.SplitPointer(ptr)
	if len(segs) == 1 {
		return true
	}
	if len(segs) >= 2 {
		prev := segs[len(segs)-2]
		if prev == "ItemProcessor" || prev == "Iterator" {
			return true
		}
		if len(segs) >= 3 && segs[len(segs)-3] == "Branches" {
			return true
		}
	}
	return false
}
