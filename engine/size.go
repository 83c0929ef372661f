package engine

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strconv"
)

// MaxPayloadSize is AWS's limit on an execution's input and on a state's
// input or output: 256 KiB (262,144 bytes) of UTF-8 JSON text.
const MaxPayloadSize = 256 * 1024

const maxPayload = MaxPayloadSize

// ErrInputTooLarge is matched by the error Start returns for an execution
// input over MaxPayloadSize: AWS refuses such a StartExecution outright,
// so no run starts.
var ErrInputTooLarge = errors.New("execution input too large")

// checkInput refuses an execution input over the limit, saying how large
// it is.
func checkInput(v any) error {
	if jsonSize(v, maxPayload+1) <= maxPayload {
		return nil
	}
	return fmt.Errorf("%w: the input is %d bytes of JSON, more than the %d bytes (256 KiB) AWS accepts for an execution input",
		ErrInputTooLarge, len(EncodeJSON(v)), MaxPayloadSize)
}

// checkSize fails with States.DataLimitExceeded when v would exceed the
// payload limit. It measures without encoding, and stops early.
func checkSize(v any) error {
	if n := jsonSize(v, maxPayload+1); n > maxPayload {
		return newFault(errDataLimitExceeded, "The state/task returned a result with a size exceeding the maximum number of bytes service limit.")
	}
	return nil
}

// sameValue reports whether a and b are the very same object or array
// (a Choice or a Wait passes its input on untouched).
func sameValue(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		return ok && reflect.ValueOf(x).UnsafePointer() == reflect.ValueOf(y).UnsafePointer()
	case []any:
		y, ok := b.([]any)
		return ok && len(x) == len(y) && (len(x) == 0 || &x[0] == &y[0])
	}
	return false
}

// jsonSize estimates the encoded size of v (exact for ASCII strings without
// escapes), giving up once it passes limit.
func jsonSize(v any, limit int) int {
	switch x := v.(type) {
	case nil:
		return 4
	case bool:
		if x {
			return 4
		}
		return 5
	case string:
		return len(x) + 2 // UTF-8 bytes; escapes are rare enough to ignore
	case int64:
		n := 1
		if x < 0 {
			n++
		}
		for x >= 10 || x <= -10 {
			x /= 10
			n++
		}
		return n
	case float64:
		var buf [32]byte
		return len(strconv.AppendFloat(buf[:0], x, 'g', -1, 64))
	case []any:
		if len(x) >= parallelSizeItems && runtime.GOMAXPROCS(0) > 1 {
			return sizeHalves(x, limit)
		}
		return 2 + itemsSize(x, limit-2)
	case map[string]any:
		n := 2
		for k, e := range x {
			n += len(k) + 4 + jsonSize(e, limit-n)
			if n > limit {
				return n
			}
		}
		return n
	}
	return 0
}

// parallelSizeItems is the length from which an array's halves are
// measured side by side (a 10,000-item Map's result is measured once
// more as a whole: a millisecond of map iteration).
const parallelSizeItems = 4096

func sizeHalves(x []any, limit int) int {
	mid := len(x) / 2
	second := make(chan int, 1)
	go func() { second <- itemsSize(x[mid:], limit-2) }()
	first := itemsSize(x[:mid], limit-2)
	return 2 + first + <-second
}

// itemsSize is the size of array items with a comma each, giving up once
// it passes limit.
func itemsSize(x []any, limit int) int {
	n := 0
	for _, e := range x {
		n += jsonSize(e, limit-n) + 1
		if n > limit {
			return n
		}
	}
	return n
}
