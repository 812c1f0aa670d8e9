package planner

// heapItem is an entry of a minHeap: a value (a city, a label) and the
// key it is ordered by (a distance, a time).
type heapItem struct {
	key, val int32
}

// minHeap is a binary heap, smallest key first.
type minHeap []heapItem

func (h *minHeap) push(key, val int32) {
	q := append(*h, heapItem{key, val})
	for i := len(q) - 1; i > 0; {
		p := (i - 1) / 2
		if q[p].key <= q[i].key {
			break
		}
		q[p], q[i] = q[i], q[p]
		i = p
	}
	*h = q
}

// pop removes and returns the entry with the smallest key; h must not be
// empty.
func (h *minHeap) pop() heapItem {
	q := *h
	top := q[0]
	last := len(q) - 1
	q[0] = q[last]
	q = q[:last]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(q) && q[l].key < q[m].key {
			m = l
		}
		if r < len(q) && q[r].key < q[m].key {
			m = r
		}
		if m == i {
			break
		}
		q[i], q[m] = q[m], q[i]
		i = m
	}
	*h = q
	return top
}
