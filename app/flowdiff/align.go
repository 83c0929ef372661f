package flowdiff

import "github.com/stepstudio/stepstudio/engine/asl"

// step pairs item a of the old array with item b of the new one; -1 on a
// side means the item exists only on the other side.
type step struct{ a, b int }

// maxAlign bounds the longest-common-subsequence table; longer arrays are
// paired by position, which is what a reader expects of huge lists anyway.
const maxAlign = 64 * 64

// align pairs the items of two arrays: equal items (a longest common
// subsequence) anchor the pairing; between two anchors, items are paired by
// position (a changed item) and the rest are removed or added. Equal pairs
// are left out: they have nothing to report.
func align(a, b []*asl.Node, rename map[string]string) []step {
	n, m := len(a), len(b)
	if n*m > maxAlign {
		return gap(nil, 0, n, 0, m)
	}
	// lcs[i][j] is the LCS length of a[i:] and b[j:].
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	eq := make([][]bool, n)
	for i := n - 1; i >= 0; i-- {
		eq[i] = make([]bool, m)
		for j := m - 1; j >= 0; j-- {
			if deepEqual(a[i], b[j], rename) {
				eq[i][j] = true
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []step
	i, j, fromA, fromB := 0, 0, 0, 0
	for i < n && j < m {
		switch {
		case eq[i][j] && lcs[i][j] == lcs[i+1][j+1]+1:
			out = gap(out, fromA, i, fromB, j)
			i, j = i+1, j+1
			fromA, fromB = i, j
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	return gap(out, fromA, n, fromB, m)
}

// gap pairs a[fromA:toA] with b[fromB:toB] by position; the longer side's
// extra items are removed (old side) or added (new side).
func gap(out []step, fromA, toA, fromB, toB int) []step {
	for fromA < toA && fromB < toB {
		out = append(out, step{fromA, fromB})
		fromA, fromB = fromA+1, fromB+1
	}
	for ; fromA < toA; fromA++ {
		out = append(out, step{fromA, -1})
	}
	for ; fromB < toB; fromB++ {
		out = append(out, step{-1, fromB})
	}
	return out
}
