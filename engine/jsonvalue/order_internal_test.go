package jsonvalue

import (
	"runtime"
	"testing"
	"time"
)

func countOrders() int {
	n := 0
	for i := range orders {
		orders[i].Lock()
		n += len(orders[i].m)
		orders[i].Unlock()
	}
	return n
}

// TestOrderRecordsAreCollected checks that recorded orders go away with
// their objects, so a long-lived studio does not leak them.
func TestOrderRecordsAreCollected(t *testing.T) {
	before := countOrders()
	for range 1000 {
		if _, err := Unmarshal([]byte(`{"b":1,"a":2}`)); err != nil {
			t.Fatal(err)
		}
	}
	if n := countOrders() - before; n < 1000 {
		t.Fatalf("only %d orders recorded for 1000 objects", n)
	}
	deadline := time.Now().Add(5 * time.Second)
	for countOrders()-before > 10 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if n := countOrders() - before; n > 10 {
		t.Errorf("%d order records outlived their objects", n)
	}
}
