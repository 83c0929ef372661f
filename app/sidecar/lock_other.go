//go:build !unix

package sidecar

// lockDir is a no-op where flock is missing: updates still re-read the
// file before writing, so only changes made in the same instant can race.
func lockDir(string) (func(), error) { return func() {}, nil }
