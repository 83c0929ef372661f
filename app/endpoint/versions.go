package endpoint

import (
	"slices"
	"strconv"
)

func versionArn(base string, n int) string { return base + ":" + strconv.Itoa(n) }

// publishLocked publishes sm's current revision, or returns the latest
// version when it already holds that revision (AWS publishes idempotently).
// Callers hold s.mu for writing.
func (s *Server) publishLocked(sm *stateMachine, description string) *version {
	if n := len(sm.Versions); n > 0 {
		last := s.versions[versionArn(sm.Arn, sm.Versions[n-1])]
		if last != nil && last.Rev.RevisionID == sm.Current.RevisionID {
			return last
		}
	}
	sm.NextVer++
	v := &version{Arn: versionArn(sm.Arn, sm.NextVer), Machine: sm.Arn, Number: sm.NextVer,
		Description: description, Created: s.now(), Rev: sm.Current}
	s.versions[v.Arn] = v
	sm.Versions = append(sm.Versions, v.Number)
	return v
}

func (s *Server) deleteVersionLocked(base string, n int) {
	arn := versionArn(base, n)
	delete(s.versions, arn)
	delete(s.tags, arn)
	if sm := s.machines[base]; sm != nil {
		sm.Versions = slices.DeleteFunc(sm.Versions, func(x int) bool { return x == n })
	}
}
