package intrinsic

import "math"

// mathAdd is States.MathAdd; AWS rounds each operand half up first
// (1.49 + 1.5 = 3, -2.5 + 0 = -2, as recorded).
func mathAdd(in *invocation) (any, error) {
	a, err := in.rounded(0)
	if err != nil {
		return nil, err
	}
	b, err := in.rounded(1)
	if err != nil {
		return nil, err
	}
	for _, v := range []int64{a, b} {
		if v < math.MinInt32 || v > math.MaxInt32 {
			return nil, in.fail("%d is outside the 32-bit integer range", v)
		}
	}
	return a + b, nil
}

// mathRandom is States.MathRandom: an integer in [start, end). With a seed
// the result depends only on the seed, as in AWS.
func mathRandom(in *invocation) (any, error) {
	start, err := in.rounded(0)
	if err != nil {
		return nil, err
	}
	end, err := in.rounded(1)
	if err != nil {
		return nil, err
	}
	if end <= start {
		return nil, in.fail("the end (%d) must be greater than the start (%d)", end, start)
	}
	src := in.source()
	if len(in.args) == 3 {
		seed, err := in.rounded(2)
		if err != nil {
			return nil, err
		}
		src = SeededSource(uint64(seed))
	}
	return start + src.Int64N(end-start), nil
}
