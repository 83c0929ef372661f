//go:build !unix

package endpoint

// noFollow: Windows opens no symbolic link as a file here; the Lstat
// check before the open refuses links.
const noFollow = 0
