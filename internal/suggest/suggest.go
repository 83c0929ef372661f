// Package suggest finds the name a misspelt one most likely meant, for
// messages that end "did you mean ...?". It is a leaf: engine packages,
// schema and the app may all use it.
package suggest

import (
	"strings"
	"unicode/utf8"
)

// Closest returns the candidate nearest to word by edit distance
// (ignoring case) when it is close enough to be a likely typo ("Nxt" for
// "Next"), else "". word itself is never suggested.
func Closest(word string, candidates []string) string {
	best, bestDist := "", 0
	limit := max(1, min(3, utf8.RuneCountInString(word)/4))
	for _, c := range candidates {
		if c == word {
			continue
		}
		d := editDistance(strings.ToLower(word), strings.ToLower(c), limit)
		if d <= limit && (best == "" || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the edit distance of a and b, counting a swap of two
// neighbouring characters as one edit ("Chrage" is one edit from
// "Charge"), or limit+1 once it is known to exceed limit (names can be
// long; typos are short).
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit*utf8.UTFMax || -d > limit*utf8.UTFMax {
		return limit + 1 // too different in length, whatever the runes
	}
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	// Three rows of the optimal string alignment distance.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
