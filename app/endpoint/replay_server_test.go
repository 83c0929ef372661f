package endpoint_test

import (
	"net/http"
	"testing"

	"github.com/stepstudio/stepstudio/app/endpoint"
)

// newReplayServer gives a fresh endpoint (in memory) for one replayed test.
// Activity polls answer quickly so a test that polls an empty activity
// does not wait AWS's 60 s.
func newReplayServer(t *testing.T) (http.Handler, func()) {
	t.Helper()
	s, err := endpoint.New(endpoint.Options{PollTimeout: 200 * 1e6})
	if err != nil {
		t.Fatal(err)
	}
	return s, func() { _ = s.Close() }
}
