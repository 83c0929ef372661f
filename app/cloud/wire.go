package cloud

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"
)

// wire is an SDK value in the JSON shape the Step Functions API itself
// uses (what the AWS CLI prints and the studio's histories hold): the SDK
// has Go field names (Id, ExecutionStartedEventDetails), the API spells
// them with a lower-case first letter (id, executionStartedEventDetails)
// and leaves absent fields out. It walks the struct itself: a history
// event has some sixty detail pointers, nearly all nil, and encoding them
// as null only to drop them again took ten times as long
// (BenchmarkWireEvent).
func wire(v any) (json.RawMessage, error) {
	var out bytes.Buffer
	if err := encodeWire(&out, reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

var timeType = reflect.TypeOf(time.Time{})

func encodeWire(out *bytes.Buffer, v reflect.Value) error {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			out.WriteString("null")
			return nil
		}
		v = v.Elem()
	}
	if v.Type() == timeType {
		out.WriteByte('"')
		out.WriteString(v.Interface().(time.Time).Format(time.RFC3339Nano))
		out.WriteByte('"')
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		writeString(out, v.String())
	case reflect.Bool:
		out.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		out.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		out.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		b, err := json.Marshal(v.Interface())
		if err != nil {
			return err
		}
		out.Write(b)
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			out.WriteString("null")
			return nil
		}
		out.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				out.WriteByte(',')
			}
			if err := encodeWire(out, v.Index(i)); err != nil {
				return err
			}
		}
		out.WriteByte(']')
	case reflect.Map:
		// Map keys are data (a variable's name), not field names: kept.
		b, err := json.Marshal(v.Interface())
		if err != nil {
			return err
		}
		out.Write(b)
	case reflect.Struct:
		out.WriteByte('{')
		first := true
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || f.Name == "ResultMetadata" {
				continue // the SDK's, not the API's
			}
			fv := v.Field(i)
			if (fv.Kind() == reflect.Pointer || fv.Kind() == reflect.Interface || fv.Kind() == reflect.Slice || fv.Kind() == reflect.Map) && fv.IsNil() {
				continue
			}
			if !first {
				out.WriteByte(',')
			}
			first = false
			writeString(out, lowerFirst(f.Name))
			out.WriteByte(':')
			if err := encodeWire(out, fv); err != nil {
				return err
			}
		}
		out.WriteByte('}')
	default:
		b, err := json.Marshal(v.Interface())
		if err != nil {
			return err
		}
		out.Write(b)
	}
	return nil
}

// writeString writes s as a JSON string, without HTML escaping.
func writeString(out *bytes.Buffer, s string) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	out.Write(bytes.TrimRight(b.Bytes(), "\n"))
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
