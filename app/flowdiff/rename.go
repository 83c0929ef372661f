package flowdiff

import (
	"sort"
	"strconv"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// A removed and an added state of the same type are one state renamed when
// their score reaches renameThreshold (the same content with the same
// neighbours scores 1, the same content between new neighbours 0.6) and at
// least half their content is shared (minContent): a state whose every
// field changed in the same place is a replacement, not a rename.
const (
	renameThreshold = 0.6
	minContent      = 0.5
)

// maxRenamePairs bounds the pairs scored (removed × added): beyond it a
// rewrite is a rewrite, and pairing would cost more than it tells.
const maxRenamePairs = 250_000

// profile is what a state is compared on when looking for renames.
type profile struct {
	leaves map[string]int // "pointer=value" of its content, targets left out
	size   int
	links  map[string]bool // "in:NAME", "out:Kind:NAME", "parent:NAME"
}

// profiles builds the profile of each state in names.
func profiles(v *version, names []string) map[string]*profile {
	want := make(map[string]*profile, len(names))
	for _, n := range names {
		want[n] = &profile{leaves: map[string]int{}, links: map[string]bool{}}
	}
	for _, mr := range v.machines {
		for _, s := range mr.m.States {
			for _, t := range s.Transitions() {
				if p := want[s.Name]; p != nil {
					p.links["out:"+string(t.Kind)+":"+t.Target] = true
				}
				if p := want[t.Target]; p != nil {
					p.links["in:"+s.Name] = true
				}
			}
			if p := want[s.Name]; p != nil && mr.owner != "" {
				p.links["parent:"+mr.oname] = true
			}
		}
	}
	for name, p := range want {
		ref := v.byName[name]
		leaves(ref.s.Node, "", false, p)
	}
	return want
}

// leaves adds the scalar leaves of n under ptr to p, leaving out
// transition targets (those are links) and the insides of nested machines
// (their states are compared on their own; their names count as leaves).
func leaves(n *asl.Node, ptr string, machine bool, p *profile) {
	switch n.Kind {
	case asl.KindObject:
		for _, f := range n.Fields {
			switch {
			case machine && f.Key == "States":
				for _, c := range f.Value.Fields {
					p.add(ptr + "/States:" + c.Key)
				}
				continue
			case targetKeys[f.Key] && f.Value.Is(asl.KindString):
				continue
			}
			leaves(f.Value, asl.Append(ptr, f.Key), f.Key == "ItemProcessor" || f.Key == "Iterator", p)
		}
	case asl.KindArray:
		branches := len(ptr) >= 9 && ptr[len(ptr)-9:] == "/Branches"
		for i, it := range n.Items {
			leaves(it, ptr+"/"+strconv.Itoa(i), branches, p)
		}
	default:
		p.add(ptr + "=" + show(n))
	}
}

func (p *profile) add(leaf string) {
	p.leaves[leaf]++
	p.size++
}

// score says how alike two states are, 0..1: content (shared leaves) and
// neighbours (shared links). Content weighs less when there is little of it,
// so two bare Succeed states are not paired on their Type alone.
func score(a, b *profile) (total, content float64) {
	common := 0
	for leaf, n := range a.leaves {
		common += min(n, b.leaves[leaf])
	}
	if a.size+b.size > 0 {
		content = 2 * float64(common) / float64(a.size+b.size)
	}
	shared, union := 0, len(b.links)
	for l := range a.links {
		if b.links[l] {
			shared++
		} else {
			union++
		}
	}
	links := 0.0
	if union > 0 {
		links = float64(shared) / float64(union)
	}
	info := min(1, float64(a.size+b.size)/6)
	wc, wl := 0.6*info, 0.4
	return (wc*content + wl*links) / (wc + wl), content
}

type pair struct {
	old, new string
	score    float64
}

// findRenames pairs removed with added states of the same type, best score
// first; ties go by name, so the answer does not depend on map order.
func findRenames(a, b *version, removed, added []string) []pair {
	if len(removed) == 0 || len(added) == 0 || len(removed)*len(added) > maxRenamePairs {
		return nil
	}
	pa, pb := profiles(a, removed), profiles(b, added)
	var cands []pair
	for _, r := range removed {
		for _, d := range added {
			if a.byName[r].s.Type != b.byName[d].s.Type {
				continue
			}
			if sc, content := score(pa[r], pb[d]); sc >= renameThreshold && content >= minContent {
				cands = append(cands, pair{r, d, sc})
			}
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		x, y := cands[i], cands[j]
		if x.score != y.score {
			return x.score > y.score
		}
		if x.old != y.old {
			return x.old < y.old
		}
		return x.new < y.new
	})
	usedA, usedB := map[string]bool{}, map[string]bool{}
	var out []pair
	for _, c := range cands {
		if usedA[c.old] || usedB[c.new] {
			continue
		}
		usedA[c.old], usedB[c.new] = true, true
		out = append(out, c)
	}
	return out
}
