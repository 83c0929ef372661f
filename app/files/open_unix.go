//go:build unix

package files

import "syscall"

// openNonblock opens a named pipe without waiting for a writer; regular
// files ignore it.
const openNonblock = syscall.O_NONBLOCK

// NoFollow makes an open fail on a symbolic link instead of following it
// (a link put there between an Lstat check and the open), and not wait on
// a named pipe: the run store and serve's data file open with it.
const NoFollow = syscall.O_NOFOLLOW | syscall.O_NONBLOCK
