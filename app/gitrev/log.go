package gitrev

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Revision is one commit that changed a file, as a picker lists it.
type Revision struct {
	Short   string `json:"short"` // 7 hex digits, what a person reads
	Hash    string `json:"hash"`  // the whole hash, what is resolved
	When    string `json:"when"`  // the author's time, RFC 3339
	Author  string `json:"author"`
	Subject string `json:"subject"` // the message's first line
}

// Log lists the commits reachable from HEAD that changed the file at rel
// (a work-tree path from Rel: added it or changed its content), newest
// first, at most max of them. git log's own history simplification
// decides, limited to additions and modifications (--diff-filter=AM): a
// commit that deleted the file has no version of it to compare with. A
// repository without commits lists none.
func (r *Repo) Log(rel string, max int) ([]Revision, error) {
	head, err := r.hash("HEAD")
	if errors.Is(err, ErrUnknownRev) {
		return []Revision{}, nil // a new repository: nothing committed yet
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read HEAD: %w", err)
	}
	list, err := r.commits("log", "--max-count="+strconv.Itoa(max), "--no-show-signature", "--diff-filter=AM", logFormat, head, "--", rel)
	if err != nil {
		return nil, err
	}
	out := make([]Revision, 0, len(list))
	for _, c := range list {
		out = append(out, Revision{Short: c.Short(), Hash: c.Hash, When: c.When.Format(time.RFC3339), Author: c.Author, Subject: c.Subject})
	}
	return out, nil
}
