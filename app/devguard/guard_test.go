package devguard

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestNewRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:34115", "192.168.1.5:80", ":34115", "example.com:80", "127.0.0.1", "127.0.0.1:0", "127.0.0.1:99999"} {
		if _, err := New(addr); err == nil {
			t.Errorf("New(%q) accepted", addr)
		}
	}
	for _, addr := range []string{"127.0.0.1:34115", "[::1]:8000", "localhost:1234", "127.0.0.2:5000"} {
		if _, err := New(addr); err != nil {
			t.Errorf("New(%q): %v", addr, err)
		}
	}
}

func TestSecretIsLongAndFresh(t *testing.T) {
	a, _ := New("127.0.0.1:1")
	b, _ := New("127.0.0.1:1")
	if len(a.secret) < 32 || a.secret == b.secret { // 32 hex digits = 128 bits
		t.Fatalf("secrets %q and %q", a.secret, b.secret)
	}
}

func TestWrap(t *testing.T) {
	g, err := New("127.0.0.1:34115")
	if err != nil {
		t.Fatal(err)
	}
	h := g.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("studio")) }))
	good := &http.Cookie{Name: g.cookie, Value: g.secret}
	tests := []struct {
		name   string
		target string
		host   string
		origin string
		cookie *http.Cookie
		code   int
	}{
		{"the user's tab", "/", "127.0.0.1:34115", "", good, 200},
		{"its websocket", "/wails/ipc", "127.0.0.1:34115", "http://127.0.0.1:34115", good, 200},
		{"localhost works too", "/", "localhost:34115", "http://localhost:34115", good, 200},
		{"no key", "/wails/ipc", "127.0.0.1:34115", "http://127.0.0.1:34115", nil, 403},
		{"wrong key", "/", "127.0.0.1:34115", "", &http.Cookie{Name: g.cookie, Value: strings.Repeat("0", 64)}, 403},
		{"another site's page", "/wails/ipc", "127.0.0.1:34115", "http://evil.example", good, 403},
		{"another local port's page", "/wails/ipc", "127.0.0.1:34115", "http://127.0.0.1:8080", good, 403},
		{"a null origin (sandboxed frame)", "/wails/ipc", "127.0.0.1:34115", "null", good, 403},
		{"DNS rebinding", "/", "evil.example:34115", "", good, 403},
		{"another port in Host", "/", "127.0.0.1:1", "", good, 403},
		{"the reload route", "/wails/reload", "127.0.0.1:34115", "", nil, 403},
		{"the key from another site", "/?stepstudio-key=" + g.secret, "127.0.0.1:34115", "http://evil.example", nil, 403},
		{"the key to a rebound name", "/?stepstudio-key=" + g.secret, "evil.example:34115", "", nil, 403},
		{"a wrong key in the URL", "/?stepstudio-key=abc", "127.0.0.1:34115", "", nil, 403},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", tc.target, nil)
			r.Host = tc.host
			if tc.origin != "" {
				r.Header.Set("Origin", tc.origin)
			}
			if tc.cookie != nil {
				r.AddCookie(tc.cookie)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != tc.code {
				t.Errorf("status %d, want %d: %s", w.Code, tc.code, w.Body.String())
			}
			if tc.code == 403 && strings.Contains(w.Body.String(), "studio\n") {
				t.Error("a refused request reached the studio")
			}
		})
	}
}

func TestKeyInURLBecomesCookie(t *testing.T) {
	g, _ := New("127.0.0.1:34115")
	h := g.Wrap(http.NotFoundHandler())
	r := httptest.NewRequest("GET", "/index.html?a=1&stepstudio-key="+g.secret, nil)
	r.Host = "127.0.0.1:34115"
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/index.html?a=1" {
		t.Fatalf("status %d, Location %q", w.Code, w.Header().Get("Location"))
	}
	c := w.Result().Cookies()
	if len(c) != 1 || c[0].Value != g.secret || !c[0].HttpOnly || c[0].SameSite != http.SameSiteStrictMode || c[0].Path != "/" {
		t.Fatalf("cookie %+v", c)
	}
}
