//go:build !dev

package app

// requireDevGuard: release builds have no dev server.
func requireDevGuard() {}
