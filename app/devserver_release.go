//go:build !dev

package app

// requireDevGuard: release builds have no dev server.
func requireDevGuard() {}

// servesBrowser: a release build always shows its own window.
func servesBrowser() bool { return false }
