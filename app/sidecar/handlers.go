package sidecar

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strings"
)

// Handler kinds: how a Task state is answered when the studio runs it.
const (
	KindCommand = "command" // a local program: task input on stdin, result on stdout
	KindHTTP    = "http"    // a JSON POST to URL
	KindLambda  = "lambda"  // a Lambda-compatible endpoint (sam local start-lambda)
)

// Handler is how one Task state is answered in studio runs. Handlers are
// keyed by state name, as everything else in this file: a Resource ARN is
// often shared (every lambda:invoke state has the same one), while the
// person configuring sits on one state in the inspector, and renames carry
// the binding along. engine/handler matches bindings by state name too.
//
// What makes a handler run is never in here: trust is the user's, kept in
// their own config (app/trust) against Hash, so a cloned repository cannot
// trust itself.
type Handler struct {
	Kind string `json:"kind"`
	// Command is the program and its arguments (no shell). A program path
	// with a slash is relative to the workflow's folder.
	Command []string `json:"command,omitempty"`
	// Dir is the folder the command runs in, relative to the workflow's
	// folder and inside it; "" is the workflow's folder.
	Dir string `json:"dir,omitempty"`
	// URL is the endpoint of an http or lambda handler.
	URL            string  `json:"url,omitempty"`
	TimeoutSeconds float64 `json:"timeoutSeconds,omitempty"`
}

// maxTimeout is AWS's longest Task TimeoutSeconds (engine/handler's cap).
const maxTimeout = 99999999

// Check says in plain words what is wrong with h, nil when it can be run.
func (h *Handler) Check() error {
	if h == nil {
		return errors.New("no handler given")
	}
	if !(h.TimeoutSeconds >= 0) || h.TimeoutSeconds > maxTimeout {
		return fmt.Errorf("the time limit must be a number of seconds from 0 (the default, 60) to %d", maxTimeout)
	}
	switch h.Kind {
	case KindCommand:
		if len(h.Command) == 0 || strings.TrimSpace(h.Command[0]) == "" {
			return errors.New("give the command to run")
		}
		if h.URL != "" {
			return errors.New("a command handler has no URL")
		}
		if h.Dir != "" && !filepath.IsLocal(filepath.FromSlash(h.Dir)) {
			return fmt.Errorf("the working folder %q must be inside the workflow's folder", h.Dir)
		}
	case KindHTTP, KindLambda:
		u, err := url.Parse(h.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("the address must be an http:// or https:// URL, not %q", h.URL)
		}
		if len(h.Command) > 0 || h.Dir != "" {
			return errors.New("an HTTP or Lambda handler has no command")
		}
	default:
		return fmt.Errorf("the kind of handler must be command, http or lambda, not %q", h.Kind)
	}
	return nil
}

// Hash identifies what h would run or call: kind, command and arguments,
// working folder and URL (not the time limit, which changes nothing about
// what runs). A trust decision holds for this hash only, so changing the
// command asks again.
func (h *Handler) Hash() string {
	b, _ := json.Marshal(struct {
		Kind    string   `json:"k"`
		Command []string `json:"c"`
		Dir     string   `json:"d"`
		URL     string   `json:"u"`
	}{h.Kind, h.Command, filepath.ToSlash(filepath.Clean("./" + h.Dir)), h.URL})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// NeedsTrust says whether h must be trusted before it runs: every command,
// and endpoints that are not on this machine (loopback).
func (h *Handler) NeedsTrust() bool {
	if h.Kind == KindCommand {
		return true
	}
	u, err := url.Parse(h.URL)
	if err != nil {
		return true
	}
	host := u.Hostname()
	if strings.EqualFold(host, "localhost") {
		return false
	}
	ip := net.ParseIP(host)
	return ip == nil || !ip.IsLoopback()
}

// Shown is what the trust prompt shows: the exact command line (arguments
// quoted when they need it) and the folder it runs in, or the URL.
func (h *Handler) Shown() string {
	if h.Kind != KindCommand {
		return h.URL
	}
	parts := make([]string, len(h.Command))
	for i, a := range h.Command {
		parts[i] = shellQuote(a)
	}
	s := strings.Join(parts, " ")
	if h.Dir != "" && filepath.Clean(h.Dir) != "." {
		s += "   (in " + h.Dir + ")"
	}
	return s
}

func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`!*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
