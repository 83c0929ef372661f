package intrinsic

import (
	"math/rand/v2"
	"sync"

	"github.com/google/uuid"
)

// Source supplies the randomness of States.MathRandom and States.UUID. It
// must be safe for concurrent use (Parallel branches evaluate at once).
type Source interface {
	// Int64N returns a number in [0, n), n > 0.
	Int64N(n int64) int64
	// UUID returns a version 4 UUID in its canonical text form.
	UUID() string
}

// RandomSource is the Source of normal runs.
func RandomSource() Source { return randomSource{} }

type randomSource struct{}

func (randomSource) Int64N(n int64) int64 { return rand.Int64N(n) }
func (randomSource) UUID() string         { return uuid.NewString() }

// SeededSource returns a reproducible Source: the same seed gives the same
// numbers and UUIDs in the same order.
func SeededSource(seed uint64) Source {
	return &seededSource{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

type seededSource struct {
	mu sync.Mutex
	r  *rand.Rand
}

func (s *seededSource) Int64N(n int64) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.r.Int64N(n)
}

func (s *seededSource) UUID() string {
	s.mu.Lock()
	var b [16]byte
	for i := range b {
		b[i] = byte(s.r.Uint32())
	}
	s.mu.Unlock()
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	return uuid.UUID(b).String()
}
