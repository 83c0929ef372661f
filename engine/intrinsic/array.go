package intrinsic

import (
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// maxRange is the most items States.ArrayRange may produce.
const maxRange = 1000

func array(in *invocation) (any, error) {
	return append([]any{}, in.args...), nil
}

func arrayPartition(in *invocation) (any, error) {
	arr, err := in.array(0)
	if err != nil {
		return nil, err
	}
	size, err := in.integer(1)
	if err != nil {
		return nil, err
	}
	if size <= 0 {
		return nil, in.fail("the chunk size must be greater than 0, got %d", size)
	}
	out := []any{}
	for i := 0; i < len(arr); i += int(size) {
		end := min(i+int(size), len(arr))
		out = append(out, append([]any{}, arr[i:end]...))
	}
	return out, nil
}

func arrayContains(in *invocation) (any, error) {
	arr, err := in.array(0)
	if err != nil {
		return nil, err
	}
	for _, e := range arr {
		if jsonvalue.Equal(e, in.args[1]) {
			return true, nil
		}
	}
	return false, nil
}

// arrayRange is States.ArrayRange: from start to end inclusive by step.
func arrayRange(in *invocation) (any, error) {
	var n [3]int64
	for i := range n {
		v, err := in.integer(i)
		if err != nil {
			return nil, err
		}
		n[i] = v
	}
	start, end, step := n[0], n[1], n[2]
	if step == 0 {
		return nil, in.fail("the step must not be 0")
	}
	count := int64(0)
	if step > 0 && end >= start {
		count = (end-start)/step + 1
	} else if step < 0 && end <= start {
		count = (start-end)/(-step) + 1
	}
	if count > maxRange {
		return nil, in.fail("the range would have %d items; the maximum is %d", count, maxRange)
	}
	out := make([]any, 0, count)
	for i := int64(0); i < count; i++ {
		out = append(out, start+i*step)
	}
	return out, nil
}

func arrayGetItem(in *invocation) (any, error) {
	arr, err := in.array(0)
	if err != nil {
		return nil, err
	}
	idx, err := in.integer(1)
	if err != nil {
		return nil, err
	}
	if idx < 0 || idx >= int64(len(arr)) {
		return nil, in.fail("index %d is out of bounds for an array of length %d", idx, len(arr))
	}
	return arr[idx], nil
}

func arrayLength(in *invocation) (any, error) {
	arr, err := in.array(0)
	if err != nil {
		return nil, err
	}
	return int64(len(arr)), nil
}

// arrayUnique keeps the first of equal items, in order.
func arrayUnique(in *invocation) (any, error) {
	arr, err := in.array(0)
	if err != nil {
		return nil, err
	}
	out := make([]any, 0, len(arr))
next:
	for _, e := range arr {
		for _, o := range out {
			if jsonvalue.Equal(e, o) {
				continue next
			}
		}
		out = append(out, e)
	}
	return out, nil
}
