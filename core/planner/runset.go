package planner

// runSet is a set of runs, a bit each: small enough to stay in the cache
// while a scan looks a run up at every connection.
type runSet []uint64

func (b runSet) has(r int32) bool { return b[r>>6]&(1<<(uint32(r)&63)) != 0 }

func (b runSet) add(r int32) { b[r>>6] |= 1 << (uint32(r) & 63) }

// emptied returns b with no runs and room for n.
func (b runSet) emptied(n int) runSet {
	w := (n + 63) / 64
	if cap(b) < w {
		return make(runSet, w)
	}
	b = b[:w]
	clear(b)
	return b
}
