package planner

import "sync"

// cache is a small map safe for concurrent use that forgets everything
// when it reaches its size, for values that are cheap to make again
// (queries touch few dates and destinations at a time).
type cache[K comparable, V any] struct {
	mu   sync.Mutex
	m    map[K]V
	size int
}

func newCache[K comparable, V any](size int) *cache[K, V] {
	return &cache[K, V]{m: map[K]V{}, size: size}
}

// get returns the value for k, making it with make if absent. Two queries
// may make the same value at once; either result is kept.
func (c *cache[K, V]) get(k K, make func() V) V {
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = make()
	c.mu.Lock()
	if len(c.m) >= c.size {
		clear(c.m)
	}
	c.m[k] = v
	c.mu.Unlock()
	return v
}
