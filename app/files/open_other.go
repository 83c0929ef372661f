//go:build !unix

package files

// openNonblock is 0 where there are no named pipes to wait on.
const openNonblock = 0

// NoFollow: Windows opens no symbolic link as a file here; the Lstat
// check before each open refuses links.
const NoFollow = 0
