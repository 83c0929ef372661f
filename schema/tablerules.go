package schema

import (
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/stepstudio/stepstudio/schema/fieldtable"
)

// rules are the field rules the Go checks read from the field table
// (schema/fieldtable), where each is written once with its source in the
// ASL specification or the AWS developer guide. They are derived on
// first use, so a process that never validates pays nothing.
type rules struct {
	// exclusive are the pairs of state fields of which a state may have
	// only one, the later field of the table first reported; hint is the
	// advice given (the later field's ExcludeHint).
	exclusive []exclusivePair
	// nested holds, by field name, the object a state field holds
	// (ItemReader, ItemBatcher, …), to check the pairs inside it.
	nested map[string]string
	// nestedPairs are each nested object's pairs.
	nestedPairs map[string][]exclusivePair
	// jsonPathOnly and jsonataOnly are the state fields of one query
	// language, with what the other language uses instead.
	jsonPathOnly, jsonataOnly map[string]string
	// numeric are state fields holding a number that a JSONata state may
	// give as a {% %} expression instead.
	numeric []string
	// distributedOnly are Map fields an inline Map refuses,
	// distributedIgnored those it accepts and ignores.
	distributedOnly, distributedIgnored []string
	// payloadObjects are Map fields whose object takes Parameters in
	// JSONPath and Arguments in JSONata (ItemReader, ResultWriter).
	payloadObjects []string
	// waitFields are the Wait state's duration fields, exactly one of
	// which a Wait has.
	waitFields []string
	label      *fieldtable.TextRule
	stateNames *fieldtable.TextRule
	// below holds, by state type, fields whose number must be smaller
	// than another's (HeartbeatSeconds below TimeoutSeconds).
	below map[string][][2]string
	// distributedRequired are fields, by the path of the object holding
	// them in a Map, that a Distributed Map must set (ExecutionType).
	distributedRequired map[string][]string
	// nestedChecks are the objects a state holds that have pairs, with
	// their path as keys, split once here rather than per state.
	nestedChecks []nestedCheck
	// distributedChecks are distributedRequired, split the same way.
	distributedChecks []nestedCheck
	// choiceJSONPath are a Choice rule's JSONPath-only fields (Variable,
	// the operators, And, Or, Not); choiceCombinators those of the
	// exactly-one group "test" that are not operators (And, Or, Not).
	choiceJSONPath    map[string]bool
	choiceCombinators []string
}

// nestedCheck is an object at keys inside a state, with what to check
// there: pairs that exclude each other, or fields a Distributed Map needs.
type nestedCheck struct {
	keys   []string
	pairs  []exclusivePair
	fields []string
}

type exclusivePair struct {
	first, second string
	hint          string
}

// ownWords are exactly-one groups whose checks report both "none" and
// "more than one" in words of their own: nextOrEnd (flow.go, which also
// reads End's value) and wait (wait.go). Their pairs are not reported
// again as exclusive.
var ownWords = map[string]bool{"transition": true, "duration": true}

var tableRules = sync.OnceValue(deriveRules)

func deriveRules() *rules {
	r := &rules{
		nested:              map[string]string{},
		below:               map[string][][2]string{},
		choiceJSONPath:      map[string]bool{},
		distributedRequired: map[string][]string{},
		nestedPairs:         map[string][]exclusivePair{},
		jsonPathOnly:        map[string]string{},
		jsonataOnly:         map[string]string{},
	}
	seen := map[exclusivePair]bool{}
	for _, typ := range fieldtable.StateTypes {
		fields := fieldtable.Objects()[typ]
		for _, p := range pairsOf(fields) {
			if !seen[p] {
				seen[p] = true
				r.exclusive = append(r.exclusive, p)
			}
		}
		for _, f := range fields {
			switch f.QueryLanguage {
			case fieldtable.JSONPath:
				r.jsonPathOnly[f.Name] = f.Instead
			case fieldtable.JSONata:
				r.jsonataOnly[f.Name] = f.Instead
			}
			base, jsonata := strings.CutSuffix(f.Type, "|jsonata")
			if jsonata && (base == "integer" || base == "number") && !slices.Contains(r.numeric, f.Name) {
				r.numeric = append(r.numeric, f.Name)
			}
			if f.Type == "object" && f.Object != "" {
				r.nest(f.Name, f.Object)
			}
			if typ == "Map" {
				r.mapField(f)
			}
			if f.Below != "" {
				r.below[typ] = append(r.below[typ], [2]string{f.Name, f.Below})
			}
			if typ == "Wait" && f.OneOf == "duration" {
				r.waitFields = append(r.waitFields, f.Name)
			}
		}
	}
	for at, object := range r.nested {
		for _, f := range fieldtable.Objects()[object] {
			if f.RequiredIn == fieldtable.Distributed {
				r.distributedRequired[at] = append(r.distributedRequired[at], f.Name)
			}
		}
	}
	for _, at := range slices.Sorted(maps.Keys(r.nested)) {
		if ps := r.nestedPairs[r.nested[at]]; len(ps) > 0 {
			r.nestedChecks = append(r.nestedChecks, nestedCheck{keys: strings.Split(at, "/"), pairs: ps})
		}
		if fs := r.distributedRequired[at]; len(fs) > 0 {
			r.distributedChecks = append(r.distributedChecks, nestedCheck{keys: strings.Split(at, "/"), fields: fs})
		}
	}
	for _, f := range fieldtable.Objects()["ChoiceRule"] {
		if f.QueryLanguage == fieldtable.JSONPath {
			r.choiceJSONPath[f.Name] = true
		}
		if f.OneOf == "test" && len(f.Needs) == 0 {
			r.choiceCombinators = append(r.choiceCombinators, f.Name)
		}
	}
	for _, f := range fieldtable.Objects()["Machine"] {
		if f.Name == "States" {
			r.stateNames = f.Keys
		}
	}
	return r
}

func (r *rules) mapField(f fieldtable.Field) {
	if f.MapMode == fieldtable.Distributed {
		if f.InlineIgnored {
			r.distributedIgnored = append(r.distributedIgnored, f.Name)
		} else {
			r.distributedOnly = append(r.distributedOnly, f.Name)
		}
	}
	if f.Name == "Label" {
		r.label = f.Text
	}
	if f.Type == "object" && f.Object != "" {
		var params, args bool
		for _, g := range fieldtable.Objects()[f.Object] {
			params = params || g.Name == "Parameters" && g.QueryLanguage == fieldtable.JSONPath
			args = args || g.Name == "Arguments" && g.QueryLanguage == fieldtable.JSONata
		}
		if params && args {
			r.payloadObjects = append(r.payloadObjects, f.Name)
		}
	}
}

// nest records that field holds object, and the objects object holds.
func (r *rules) nest(field, object string) {
	r.nested[field] = object
	r.nestedPairs[object] = pairsOf(fieldtable.Objects()[object])
	for _, f := range fieldtable.Objects()[object] {
		if f.Type == "object" && f.Object != "" && f.Object != object {
			r.nest(field+"/"+f.Name, f.Object)
		}
	}
}

// pairsOf lists the fields of one object that exclude each other, each
// pair once, in table order.
func pairsOf(fields []fieldtable.Field) []exclusivePair {
	var out []exclusivePair
	for i, f := range fields {
		for _, x := range f.Excludes {
			j := slices.IndexFunc(fields, func(g fieldtable.Field) bool { return g.Name == x })
			if j <= i || f.OneOf != "" && f.OneOf == fields[j].OneOf && ownWords[f.OneOf] {
				continue
			}
			hint := fields[j].ExcludeHint
			if hint == "" {
				hint = "Keep the fixed value or the path, not both."
			}
			out = append(out, exclusivePair{f.Name, x, hint})
		}
	}
	return out
}
