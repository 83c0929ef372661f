package handler

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/fault"
)

// maxBody bounds what a handler may answer: more than a state can carry.
const maxBody = 1 << 20

// postJSON POSTs the task input to url and decodes a 2xx answer as the
// result; any other status fails the task with the body as the cause.
func postJSON(ctx context.Context, url string, req engine.TaskRequest) (any, error) {
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(engine.EncodeJSON(req.Input)))
	if err != nil {
		return nil, fault.Newf(fault.TaskFailed, "handler %s: %v", url, err)
	}
	hr.Header.Set("Content-Type", "application/json")
	hr.Header.Set("X-Stepstudio-State", req.State)
	if req.TaskToken != "" {
		hr.Header.Set("X-Stepstudio-Task-Token", req.TaskToken)
	}
	body, status, _, err := do(hr)
	if err != nil {
		return nil, err
	}
	if status < 200 || status > 299 {
		return nil, fault.Newf(fault.TaskFailed, "handler %s answered %d: %s", url, status, strings.TrimSpace(string(body)))
	}
	return decodeResult("handler "+url, body)
}

func do(hr *http.Request) ([]byte, int, http.Header, error) {
	resp, err := http.DefaultClient.Do(hr)
	if err != nil {
		if hr.Context().Err() != nil {
			return nil, 0, nil, fmt.Errorf("handler %s: %w", hr.URL, hr.Context().Err())
		}
		return nil, 0, nil, fault.Newf(fault.TaskFailed, "handler %s: %v", hr.URL, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return nil, 0, nil, fault.Newf(fault.TaskFailed, "handler %s: reading the answer: %v", hr.URL, err)
	}
	return bytes.TrimSpace(body), resp.StatusCode, resp.Header, nil
}
