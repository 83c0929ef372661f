//go:build !dev

package app

// scriptedAnswer: release builds always show the real dialog.
func scriptedAnswer() (string, bool) { return "", false }
