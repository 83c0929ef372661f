// Package devguard keeps the studio that the headless mode serves to a
// browser (Wails' dev server: assets and the IPC websocket that can open
// and save any file) to the one browser tab the user opened.
//
// Any web page can send requests to a loopback port: scanning ports is
// cheap, so a port is no secret. The guard therefore requires three
// things of every request, the IPC websocket included:
//
//   - a Host naming the loopback address and port the server listens on,
//     which defeats DNS rebinding (a page on evil.example whose name now
//     points to 127.0.0.1 still sends Host: evil.example);
//   - no Origin, or the studio's own (browsers send Origin on cross-site
//     requests and websocket handshakes);
//   - a per-launch secret of 256 bits: in the printed URL once, exchanged
//     for an HttpOnly, SameSite=Strict cookie, so it leaves the address
//     bar and no other site's request carries it.
//
// Wails' dev server has no hook for this, so scripts/devbuild.sh builds
// the headless binary against a copy of Wails with a two-line patch
// (third_party/wails-devguard) that puts Install in front of every route.
package devguard

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"sync/atomic"
)

// Guard checks requests to a server listening on a loopback address.
type Guard struct {
	port   string
	hosts  map[string]bool // accepted Host values: loopback names with the port
	secret string
	cookie string
}

// New returns a guard for a server listening on addr (host:port), which
// must be a loopback address with a port, and a fresh secret.
func New(addr string) (*Guard, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("the studio's address %q: %w", addr, err)
	}
	if n, err := strconv.Atoi(port); err != nil || n <= 0 || n > 65535 {
		return nil, fmt.Errorf("the studio's address %q needs a port between 1 and 65535", addr)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, fmt.Errorf("the studio serves only on a loopback address (127.0.0.1, ::1 or localhost), not %q: anyone on the network could use it to read and write your files", host)
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	g := &Guard{port: port, secret: hex.EncodeToString(b), cookie: "stepstudio-" + port}
	g.hosts = map[string]bool{
		net.JoinHostPort(host, port):        true,
		net.JoinHostPort("localhost", port): true,
		net.JoinHostPort("127.0.0.1", port): true,
		net.JoinHostPort("::1", port):       true,
	}
	return g, nil
}

// URL is the address to open, carrying the secret once.
func (g *Guard) URL() string {
	return "http://127.0.0.1:" + g.port + "/?" + tokenParam + "=" + g.secret
}

const tokenParam = "stepstudio-key"

// errRefused is what a refused request is told; details stay in the log.
var errRefused = errors.New("refused")

// Check reports why r must be refused, nil when it may pass. It does not
// look at the URL token: Wrap exchanges that for the cookie first.
func (g *Guard) Check(r *http.Request) error {
	if err := g.checkPlace(r); err != nil {
		return err
	}
	c, err := r.Cookie(g.cookie)
	if err != nil || subtle.ConstantTimeCompare([]byte(c.Value), []byte(g.secret)) != 1 {
		return fmt.Errorf("%w: no studio key (open the address with the key that start.sh printed)", errRefused)
	}
	return nil
}

// checkPlace refuses a foreign Host (DNS rebinding) or a foreign Origin
// (another site's page).
func (g *Guard) checkPlace(r *http.Request) error {
	if !g.hosts[r.Host] {
		return fmt.Errorf("%w: Host %q is not the studio's loopback address", errRefused, r.Host)
	}
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		if err != nil || u.Scheme != "http" || !g.hosts[u.Host] {
			return fmt.Errorf("%w: a page from %q may not use the studio", errRefused, o)
		}
	}
	return nil
}

// Wrap lets through only requests that pass Check. A GET carrying the
// secret in the URL (to a loopback Host, with no foreign Origin) gets the
// cookie and is redirected to the same address without the secret.
func (g *Guard) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.URL.Query().Get(tokenParam)
		if key != "" && r.Method == http.MethodGet && g.checkPlace(r) == nil &&
			subtle.ConstantTimeCompare([]byte(key), []byte(g.secret)) == 1 {
			http.SetCookie(w, &http.Cookie{Name: g.cookie, Value: g.secret, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			q := r.URL.Query()
			q.Del(tokenParam)
			clean := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
			if clean.Path == "" {
				clean.Path = "/"
			}
			http.Redirect(w, r, clean.String(), http.StatusSeeOther)
			return
		}
		if err := g.Check(r); err != nil {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			w.WriteHeader(http.StatusForbidden)
			fmt.Fprintln(w, "Stepstudio: "+err.Error()+".")
			return
		}
		next.ServeHTTP(w, r)
	})
}

var installed atomic.Bool

// Installed reports whether Install has run in this process: the headless
// binary refuses to serve without the guard (see app).
func Installed() bool { return installed.Load() }
