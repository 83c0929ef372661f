// Command measure runs a command several times and prints, for the round
// with the shortest wall time, its wall and CPU seconds and peak RSS:
// "wall_s cpu_s rss_kib". /usr/bin/time rounds to 10 ms, too coarse for
// runs of a few tens of milliseconds; rusage gives microseconds.
// Usage: measure ROUNDS COMMAND [ARG...]   (stdout is discarded)
package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: measure ROUNDS COMMAND [ARG...]")
		os.Exit(2)
	}
	rounds, err := strconv.Atoi(os.Args[1])
	if err != nil || rounds < 1 {
		fmt.Fprintln(os.Stderr, "measure: ROUNDS must be a positive number")
		os.Exit(2)
	}
	var best struct {
		wall, cpu time.Duration
		rss       int64
	}
	for r := range rounds {
		cmd := exec.Command(os.Args[2], os.Args[3:]...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "measure: %v: %v\n%s", os.Args[2:], err, stderr.Bytes())
			os.Exit(1)
		}
		wall := time.Since(start)
		ps := cmd.ProcessState
		if r == 0 || wall < best.wall {
			best.wall, best.cpu = wall, ps.UserTime()+ps.SystemTime()
			best.rss = ps.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux
		}
	}
	fmt.Printf("%.4f %.4f %d\n", best.wall.Seconds(), best.cpu.Seconds(), best.rss)
}
