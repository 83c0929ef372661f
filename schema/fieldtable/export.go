package fieldtable

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/stepstudio/stepstudio/engine/intrinsic"
)

// Intrinsic is one States.* function as the editor shows it.
type Intrinsic struct {
	Name      string `json:"name"`
	Signature string `json:"signature"`
	Doc       string `json:"doc"`
}

// intrinsicDocs describe each function the engine knows; a test checks
// that the two lists agree.
var intrinsicDocs = map[string]string{
	"States.Format":         "Fills each {} in the template with the next argument.",
	"States.StringToJson":   "Parses a JSON string into a value.",
	"States.JsonToString":   "Serialises a value as a JSON string.",
	"States.Array":          "Makes an array of its arguments.",
	"States.ArrayPartition": "Splits an array into chunks of the given size.",
	"States.ArrayContains":  "true when the array contains the value.",
	"States.ArrayRange":     "An array of numbers from start to end by step.",
	"States.ArrayGetItem":   "The array's item at an index (from 0).",
	"States.ArrayLength":    "The number of items in the array.",
	"States.ArrayUnique":    "The array without repeated values.",
	"States.Base64Encode":   "Encodes a string in base64.",
	"States.Base64Decode":   "Decodes a base64 string.",
	"States.Hash":           "The hash of a string with an algorithm (MD5, SHA-1, SHA-256, SHA-384, SHA-512).",
	"States.JsonMerge":      "Merges two objects; true merges nested objects too (AWS allows only false).",
	"States.MathRandom":     "A random integer from start (inclusive) to end (exclusive), with an optional seed.",
	"States.MathAdd":        "The sum of two numbers.",
	"States.StringSplit":    "Splits a string at any of the delimiter's characters.",
	"States.UUID":           "A new random version 4 UUID.",
}

var kindNames = map[byte]string{'s': "string", 'n': "number", 'i': "integer", 'a': "array", 'o': "object", 'b': "boolean", '*': "any"}

// signature renders a function's parameters, e.g. "States.MathAdd(number, number)".
func signature(name string, s intrinsic.Signature) string {
	var params []string
	n := s.Max
	if n < 0 {
		n = s.Min
	}
	for i := range n {
		p := kindNames[s.Param(i)]
		if i >= s.Min {
			p += "?"
		}
		params = append(params, p)
	}
	if s.Max < 0 {
		params = append(params, kindNames[s.Param(n)]+"...")
	}
	return name + "(" + strings.Join(params, ", ") + ")"
}

// Intrinsics lists the States.* functions with their signatures.
func Intrinsics() ([]Intrinsic, error) {
	names := intrinsic.Names()
	slices.Sort(names)
	out := make([]Intrinsic, 0, len(names))
	for _, n := range names {
		sig, _ := intrinsic.Lookup(n)
		doc, ok := intrinsicDocs[n]
		if !ok {
			return nil, fmt.Errorf("fieldtable: no description for %s", n)
		}
		out = append(out, Intrinsic{Name: n, Signature: signature(n, sig), Doc: doc})
	}
	if len(out) != len(intrinsicDocs) {
		return nil, fmt.Errorf("fieldtable: %d descriptions for %d functions", len(intrinsicDocs), len(out))
	}
	return out, nil
}

// Export is the table as the editor reads it.
type Export struct {
	Comment    string             `json:"//"`
	StateTypes []string           `json:"stateTypes"`
	Objects    map[string][]Field `json:"objects"`
	Intrinsics []Intrinsic        `json:"intrinsics"`
	StatesVars []StatesVar        `json:"statesVars"`
}

// JSON returns the table as indented JSON, the content of
// frontend/src/code/fields.json.
func JSON() ([]byte, error) {
	in, err := Intrinsics()
	if err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(Export{
		Comment:    "Generated from schema/fieldtable by `go test ./schema/fieldtable -run TestGenerate -update`. Do not edit.",
		StateTypes: StateTypes, Objects: Objects(), Intrinsics: in, StatesVars: StatesVars,
	}, "", "  ")
	return append(b, '\n'), err
}
