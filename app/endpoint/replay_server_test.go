package endpoint_test

import (
	"net/http"
	"time"

	"github.com/stepstudio/stepstudio/app/endpoint"
)

// newReplayServer gives a fresh endpoint (in memory) for one replayed test.
// Activity polls answer quickly so a test that polls an empty activity
// does not wait AWS's 60 s.
func newReplayServer() (http.Handler, func(), error) {
	s, err := endpoint.New(endpoint.Options{PollTimeout: 200 * time.Millisecond})
	if err != nil {
		return nil, nil, err
	}
	return s, func() { _ = s.Close() }, nil
}
