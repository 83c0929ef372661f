package schema

import (
	"errors"
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// pathFields are the JSONPath fields holding a path, with their rules.
var pathFields = []struct {
	name      string
	rules     pathRules
	intrinsic bool // an intrinsic function call is accepted too
}{
	{"InputPath", anyPath, false},
	{"OutputPath", anyPath, false},
	{"ResultPath", referencePath, false},
	{"ItemsPath", anyPath, false},
	{"TimeoutSecondsPath", anyPath, false},
	{"HeartbeatSecondsPath", anyPath, false},
	{"SecondsPath", anyPath, false},
	{"TimestampPath", anyPath, false},
	{"ErrorPath", anyPath, true},
	{"CausePath", anyPath, true},
	{"MaxConcurrencyPath", anyPath, false},
	{"ToleratedFailurePercentagePath", anyPath, false},
	{"ToleratedFailureCountPath", anyPath, false},
}

// templateFields are the payload templates of a JSONPath state, relative
// to the state, whose "….$" keys hold paths or intrinsic calls.
var templateFields = [][]string{
	{"Parameters"}, {"ResultSelector"}, {"ItemSelector"}, {"Credentials"}, {"Assign"},
	{"ItemReader", "Parameters"}, {"ResultWriter", "Parameters"}, {"ItemBatcher", "BatchInput"},
}

// getPath follows object keys from n; nil when one is missing.
func getPath(n *asl.Node, keys []string) *asl.Node {
	for _, k := range keys {
		n = n.Get(k)
	}
	return n
}

func (c *checker) jsonPathState(s *asl.State, ptr string) {
	for _, f := range pathFields {
		v := s.Field(f.name)
		if !v.Is(asl.KindString) {
			continue
		}
		c.pathValue(s, ptr, f.name, v, f.rules, f.intrinsic)
	}
	for _, name := range []string{"MaxItemsPath"} {
		if v := s.Node.Get("ItemReader").Get("ReaderConfig").Get(name); v.Is(asl.KindString) {
			c.pathValue(s, ptr+"/ItemReader/ReaderConfig", name, v, anyPath, false)
		}
	}
	for _, name := range []string{"MaxItemsPerBatchPath", "MaxInputBytesPerBatchPath"} {
		if v := s.Node.Get("ItemBatcher").Get(name); v.Is(asl.KindString) {
			c.pathValue(s, ptr+"/ItemBatcher", name, v, anyPath, false)
		}
	}
	for i, cat := range s.Catch {
		if v := cat.Node.Get("ResultPath"); v.Is(asl.KindString) {
			c.pathValue(s, asl.AppendIndex(asl.Append(ptr, "Catch"), i), "ResultPath", v, referencePath, false)
		}
		if a := cat.Node.Get("Assign"); a != nil {
			c.template(s, asl.AppendIndex(asl.Append(ptr, "Catch"), i)+"/Assign", a)
		}
	}
	for _, rel := range templateFields {
		if rel[0] == "Parameters" && s.Type == asl.TypeMap && s.Node.Has("ItemSelector") {
			continue // reported as exclusive
		}
		if n := getPath(s.Node, rel); n != nil {
			c.template(s, asl.Append(ptr, rel...), n)
		}
	}
	if s.Type == asl.TypeFail {
		return
	}
}

// pathValue checks one path-valued field, the key field of the object at
// parent. Pointers are built only for a report: this runs for every path.
func (c *checker) pathValue(s *asl.State, parent, field string, v *asl.Node, r pathRules, intrinsic bool) {
	if c.opts.Placeholders && isPlaceholder(v.Str) {
		return
	}
	if intrinsic && looksIntrinsic(v.Str) {
		if err := checkIntrinsic(v.Str); err != nil && !c.failureWarning(s, asl.Append(parent, field), field, v, err) {
			c.errorAt(asl.Append(parent, field), v, CodeSchema, "State %q, field %q: the intrinsic function call is invalid: %v.", s.Name, field, err)
		}
		return
	}
	if err := checkPath(v.Str, r); err != nil {
		kind := "a path"
		if r.reference {
			kind = "a reference path (such as \"$.result\")"
		}
		c.errorAt(asl.Append(parent, field), v, CodeSchema, "State %q, field %q must be %s: %v.", s.Name, field, kind, err)
		return
	}
	c.variableRef(s, parent, field, v, v.Str)
}

// template walks a payload template: a "key.$" holds a path, a context
// path, a variable or an intrinsic call; a plain key whose value looks like
// one probably lacks its ".$" (NO_DOLLAR).
func (c *checker) template(s *asl.State, ptr string, n *asl.Node) {
	switch n.Kind {
	case asl.KindArray:
		for i, it := range n.Items {
			c.template(s, asl.AppendIndex(ptr, i), it)
		}
	case asl.KindObject:
		for _, f := range n.Fields {
			if strings.HasSuffix(f.Key, ".$") {
				if plain := strings.TrimSuffix(f.Key, ".$"); n.Has(plain) {
					c.report(Error, asl.Append(ptr, f.Key), f.KeyRange, CodeSchema,
						"State %q: %q and %q both produce the field %q once \".$\" is removed. Keep only one of them.", s.Name, plain, f.Key, plain)
				}
				c.dynamicValue(s, ptr, f)
				continue
			}
			if f.Value.Is(asl.KindString) && looksLikePath(f.Value.Str) {
				fp := asl.Append(ptr, f.Key)
				c.warnAt(fp, f.Value, CodeNoDollar,
					"State %q, field %q holds %q, which looks like a path or intrinsic function, but the key does not end in \".$\", so it is passed on as plain text. Rename the key to %q to evaluate it.",
					s.Name, subjectOf(fp).field, f.Value.Str, f.Key+".$")
			}
			if f.Value.Is(asl.KindObject) || f.Value.Is(asl.KindArray) {
				c.template(s, asl.Append(ptr, f.Key), f.Value)
			}
		}
	}
}

// dynamicValue checks the value of a "key.$" field of the object at parent.
func (c *checker) dynamicValue(s *asl.State, parent string, f *asl.Field) {
	v := f.Value
	ptr := func() string { return asl.Append(parent, f.Key) }
	if !v.Is(asl.KindString) {
		c.errorAt(ptr(), v, CodeSchema,
			"State %q, field %q ends in \".$\", so its value must be a string holding a path or an intrinsic function call, not %s.", s.Name, subjectOf(ptr()).field, article(v.Kind))
		return
	}
	if c.opts.Placeholders && isPlaceholder(v.Str) {
		return
	}
	var err error
	if looksIntrinsic(v.Str) {
		err = checkIntrinsic(v.Str)
	} else {
		err = checkPath(v.Str, anyPath)
	}
	if err != nil && !c.failureWarning(s, ptr(), f.Key, v, err) {
		c.errorAt(ptr(), v, CodeSchema,
			"State %q: the value for the field %q must be a valid JSONPath or a valid intrinsic function call: %v. (It is not a JSONPath or intrinsic function expression.)", s.Name, f.Key, err)
		return
	}
	c.variableRef(s, parent, f.Key, v, v.Str)
}

// failureWarning reports err as a warning when it is a call that is valid
// but cannot succeed; it reports whether it did.
func (c *checker) failureWarning(s *asl.State, ptr, field string, v *asl.Node, err error) bool {
	var af *alwaysFails
	if !errors.As(err, &af) {
		return false
	}
	c.warnAt(ptr, v, CodeIntrinsicFails, "State %q, field %q: %v.", s.Name, field, err)
	return true
}

// looksLikePath is AWS's NO_DOLLAR heuristic.
func looksLikePath(s string) bool {
	return strings.HasPrefix(s, "$.") || strings.HasPrefix(s, "$$.") || s == "$" ||
		strings.HasPrefix(s, "States.") && strings.Contains(s, "(") && strings.HasSuffix(s, ")")
}
