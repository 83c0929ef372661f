//go:build unix

package endpoint

import "syscall"

// noFollow makes opening serve.db fail on a symbolic link instead of
// following it (between the Lstat check and bbolt's open, a link could
// have been put there).
const noFollow = syscall.O_NOFOLLOW
