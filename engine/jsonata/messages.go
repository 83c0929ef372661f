package jsonata

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// jsMessages are jsonata-js's message templates, by error code, which AWS
// prints after the code ("T1006: Attempted to invoke a non-function").
// {{token}} and {{value}} are JSON-encoded, as jsonata-js does.
var jsMessages = map[string]string{
	"S0101": "String literal must be terminated by a matching quote",
	"S0102": "Number out of range: {{token}}",
	"S0103": "Unsupported escape sequence: \\{{token}}",
	"S0104": "The escape sequence \\u must be followed by 4 hex digits",
	"S0105": "Quoted property name must be terminated with a backquote (`)",
	"S0106": "Comment has no closing tag",
	"S0201": "Syntax error: {{token}}",
	"S0203": "Expected {{value}} before end of expression",
	"S0204": "Unknown operator: {{token}}",
	"S0205": "Unexpected token: {{token}}",
	"S0207": "Unexpected end of expression",
	"S0211": "The symbol {{token}} cannot be used as a unary operator",
	"S0212": "The left side of := must be a variable name (start with $)",
	"S0301": "Empty regular expressions are not allowed",
	"S0302": "No terminating / in regular expression",
	"D1001": "Number out of range: {{value}}",
	"D1002": "Cannot negate a non-numeric value: {{value}}",
	"T1003": "Key in object structure must evaluate to a string; got: {{value}}",
	"D1004": "Regular expression matches zero length string",
	"T1005": "Attempted to invoke a non-function. Did you mean ${{{token}}}?",
	"T1006": "Attempted to invoke a non-function",
	"T1007": "Attempted to partially apply a non-function. Did you mean ${{{token}}}?",
	"T1008": "Attempted to partially apply a non-function",
	"D1009": "Multiple key definitions evaluate to same key: {{value}}",
	"T2001": "The left side of the {{token}} operator must evaluate to a number",
	"T2002": "The right side of the {{token}} operator must evaluate to a number",
	"T2003": "The left side of the range operator (..) must evaluate to an integer",
	"T2004": "The right side of the range operator (..) must evaluate to an integer",
	"T2006": "The right side of the function application operator ~> must be a function",
	"T2008": "The expressions within an order-by clause must evaluate to numeric or string values",
	"T2010": "The expressions either side of operator {{token}} must evaluate to numeric or string values",
	"T2013": "The transform expression clones the input object using the $clone() function.  This has been overridden in the current scope by a non-function.",
	"D2014": "The size of the sequence allocated by the range operator (..) must not exceed 1e7.  Attempted to allocate {{value}}.",
	"D3001": "Attempting to invoke string function on Infinity or NaN",
	"D3010": "Second argument of replace function cannot be an empty string",
	"D3011": "Fourth argument of replace function must evaluate to a positive number",
	"D3012": "Attempted to replace a matched string with a non-string value",
	"D3020": "Third argument of split function must evaluate to a positive number",
	"D3030": "Unable to cast value to a number: {{value}}",
	"D3040": "Third argument of match function must evaluate to a positive number",
	"D3050": "The second argument of reduce function must be a function with at least two arguments",
	"D3060": "The sqrt function cannot be applied to a negative number: {{value}}",
	"D3070": "The single argument form of the sort function can only be applied to an array of strings or an array of numbers.  Use the second argument to specify a comparison function",
	"D3138": "The $single() function expected exactly 1 matching result.  Instead it matched more.",
	"D3139": "The $single() function expected exactly 1 matching result.  Instead it matched 0.",
}

var operandRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^the (left|right) operand of the "(.+)" operator must evaluate to a number$`)
})
var (
	signatureRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\$(\w+): (.*)$`) })
	argIndexRE  = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`argument (\d+)|(first|second|third|fourth) argument`)
	})
	castRE    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`unable to cast (.*) to a number$`) })
	arrayOfRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\$(\w+): (argument(?: \d+)?) must be an array of (\w+)`)
	})
)

// argIndex finds which argument a gnata message is about (1 when it does
// not say).
func argIndex(msg string) string {
	m := argIndexRE().FindStringSubmatch(msg)
	switch {
	case m == nil:
		return "1"
	case m[1] != "":
		return m[1]
	}
	return map[string]string{"first": "1", "second": "2", "third": "3", "fourth": "4"}[m[2]]
}

// gnataError is the part of gnata's (internal) JSONataError we read.
type gnataError struct {
	code, message string
	token, value  any
}

// asGnataError finds gnata's error in err's chain. Its type is internal to
// gnata, so its fields are read by name.
func asGnataError(err error) (gnataError, bool) {
	for e := err; e != nil; e = errors.Unwrap(e) {
		rv := reflect.ValueOf(e)
		if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
			continue
		}
		s := rv.Elem()
		code, msg := s.FieldByName("Code"), s.FieldByName("Message")
		if !code.IsValid() || code.Kind() != reflect.String || !msg.IsValid() {
			continue
		}
		g := gnataError{code: code.String(), message: msg.String()}
		if f := s.FieldByName("Token"); f.IsValid() && f.CanInterface() {
			g.token = f.Interface()
		}
		if f := s.FieldByName("Value"); f.IsValid() && f.CanInterface() {
			g.value = f.Interface()
		}
		return g, true
	}
	return gnataError{}, false
}

// jsText renders an evaluation error as AWS prints it: "CODE: message",
// with jsonata-js's message where we know the code's template.
func jsText(err error) string {
	g, ok := asGnataError(err)
	if !ok {
		return err.Error()
	}
	// gnata words arithmetic operand errors its own way and uses T2001
	// for both sides; jsonata-js has T2001 (left) and T2002 (right).
	if m := operandRE().FindStringSubmatch(g.message); m != nil {
		g.token = m[2]
		g.code = "T2001"
		if m[1] == "right" {
			g.code = "T2002"
		}
		return g.code + ": The " + m[1] + " side of the " + strconv.Quote(m[2]) + " operator must evaluate to a number"
	}
	if m := castRE().FindStringSubmatch(g.message); g.code == "D3030" && m != nil {
		return "D3030: Unable to cast value to a number: " + m[1]
	}
	if m := arrayOfRE().FindStringSubmatch(g.message); g.code == "T0412" && m != nil {
		return fmt.Sprintf("T0412: Argument %s of function %q must be an array of %s", argIndex(m[2]), m[1], m[3])
	}
	// gnata names the function and, often, the argument; jsonata-js says
	// which argument does not match the function's signature.
	if g.code == "T0410" {
		if m := signatureRE().FindStringSubmatch(g.message); m != nil {
			return fmt.Sprintf("T0410: Argument %s of function %q does not match function signature", argIndex(m[2]), m[1])
		}
	}
	tmpl, ok := jsMessages[g.code]
	if !ok || needsMissing(tmpl, g) {
		if g.message == "" {
			return g.code
		}
		return g.code + ": " + g.message
	}
	msg := strings.ReplaceAll(tmpl, "{{{token}}}", str(g.token))
	msg = strings.ReplaceAll(msg, "{{token}}", jsonString(g.token))
	msg = strings.ReplaceAll(msg, "{{value}}", jsonString(g.value))
	return g.code + ": " + msg
}

// needsMissing reports whether the template wants a field gnata left empty.
func needsMissing(tmpl string, g gnataError) bool {
	return strings.Contains(tmpl, "token}}") && isEmpty(g.token) ||
		strings.Contains(tmpl, "{{value}}") && g.value == nil
}

func isEmpty(v any) bool {
	s, ok := v.(string)
	return v == nil || ok && s == ""
}

func str(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return jsonString(v)
}

func jsonString(v any) string {
	if c, err := fromGnata(v); err == nil {
		v = c
	}
	return jsonvalue.String(v)
}
