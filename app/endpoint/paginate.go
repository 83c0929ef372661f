package endpoint

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// paginate cuts one page out of items. The token is an opaque offset;
// maxTokenLen is the API's limit on the nextToken parameter (1024 for
// most lists, 3096 for executions), checked before the token is read, as
// AWS does.
func paginate[T any](items []T, maxResults int, token string, maxTokenLen int) ([]T, string, error) {
	if err := checkPaging(maxResults, token, maxTokenLen); err != nil {
		return nil, "", err
	}
	if maxResults == 0 {
		maxResults = 100
	}
	start := 0
	if token != "" {
		n, ok := readToken(token)
		if !ok || n > len(items) {
			return nil, "", errf(errInvalidToken, "Invalid Token: 'Invalid token'")
		}
		start = n
	}
	end := min(start+maxResults, len(items))
	next := ""
	if end < len(items) {
		next = makeToken(end)
	}
	return items[start:end], next, nil
}

// listPage is a List operation's answer: the page of items under key, and
// nextToken when more follow.
func listPage[T any](key string, items []T, maxResults int, token string, maxTokenLen int) (any, error) {
	page, next, err := paginate(items, maxResults, token, maxTokenLen)
	if err != nil {
		return nil, err
	}
	out := map[string]any{key: page}
	if next != "" {
		out["nextToken"] = next
	}
	return out, nil
}

// checkPaging checks the paging parameters' constraints (before anything
// else a list operation looks at, as AWS does).
func checkPaging(maxResults int, token string, maxTokenLen int) error {
	if maxResults < 0 || maxResults > 1000 {
		return errf(errValidation, "1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000", maxResults)
	}
	if len(token) > maxTokenLen {
		return errf(errValidation, "1 validation error detected: Value '%s' at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to %d", token, maxTokenLen)
	}
	return nil
}

const tokenPrefix = "stepstudio:"

func makeToken(n int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(tokenPrefix + strconv.Itoa(n)))
}

func readToken(t string) (int, bool) {
	b, err := base64.RawURLEncoding.DecodeString(t)
	if err != nil {
		return 0, false
	}
	s, ok := strings.CutPrefix(string(b), tokenPrefix)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0
}
