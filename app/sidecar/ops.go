package sidecar

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Op kinds: each is one change a person makes to the notes.
const (
	OpComment  = "comment"  // start a thread on State ("" = workflow) with Text
	OpReply    = "reply"    // add Text to Thread
	OpResolve  = "resolve"  // mark Thread resolved
	OpReopen   = "reopen"   // mark Thread open again
	OpDelete   = "delete"   // remove the comment Comment from Thread (and an emptied thread)
	OpDescribe = "describe" // set State's description to Text ("" falls back to the ASL Comment)
	OpPin      = "pin"      // pin State at X, Y
	OpUnpin    = "unpin"    // give State back to the automatic layout
	OpUnpinAll = "unpinAll" // tidy up: every state back to the automatic layout
	OpRename   = "rename"   // State was renamed To: its notes follow
	// OpSetHandler makes Handler answer State in studio runs; OpClearHandler
	// goes back to answering it by hand.
	OpSetHandler   = "setHandler"
	OpClearHandler = "clearHandler"
	// OpSetS3Root sets the folder standing in for S3 to Text (relative to
	// the workflow's folder and inside it; "" for none).
	OpSetS3Root = "setS3Root"
)

// MaxText caps one comment or description (characters).
const MaxText = 10000

// Op is one change to the notes, as the studio sends it. Ops name threads
// and comments by id, so two studios editing one file apply each other's
// changes instead of overwriting them.
type Op struct {
	Kind    string  `json:"kind"`
	State   string  `json:"state,omitempty"`
	Thread  string  `json:"thread,omitempty"`
	Comment string  `json:"comment,omitempty"`
	Text    string  `json:"text,omitempty"`
	Author  string  `json:"author,omitempty"`
	To      string  `json:"to,omitempty"`
	X       float64 `json:"x,omitempty"`
	Y       float64 `json:"y,omitempty"`
	// Handler is OpSetHandler's handler.
	Handler *Handler `json:"handler,omitempty"`
}

// ErrNoThread is returned for an op on a thread the file does not have
// (deleted meanwhile by another studio, say).
var ErrNoThread = errors.New("sidecar: no such thread")

// Apply makes op on f. now stamps new comments; newID names new threads
// and comments.
func (f *File) Apply(op Op, now time.Time, newID func() string) error {
	if err := checkText(op.Text); err != nil {
		return err
	}
	switch op.Kind {
	case OpComment:
		if strings.TrimSpace(op.Text) == "" {
			return errors.New("a comment needs some text")
		}
		e := f.Entry(op.State)
		e.Threads = append(e.Threads, Thread{ID: newID(), Comments: []Comment{{newID(), op.Author, now.UTC(), op.Text}}})
	case OpReply:
		if strings.TrimSpace(op.Text) == "" {
			return errors.New("a reply needs some text")
		}
		return f.withThread(op.Thread, func(_ *Entry, t *Thread) {
			t.Comments = append(t.Comments, Comment{newID(), op.Author, now.UTC(), op.Text})
		})
	case OpResolve, OpReopen:
		return f.withThread(op.Thread, func(_ *Entry, t *Thread) { t.Resolved = op.Kind == OpResolve })
	case OpDelete:
		return f.withThread(op.Thread, func(e *Entry, t *Thread) {
			t.Comments = slices.DeleteFunc(t.Comments, func(c Comment) bool { return c.ID == op.Comment })
			if len(t.Comments) == 0 {
				e.Threads = slices.DeleteFunc(e.Threads, func(x Thread) bool { return x.ID == t.ID })
			}
		})
	case OpDescribe:
		f.Entry(op.State).Description = strings.TrimSpace(op.Text)
	case OpPin:
		if op.State == "" {
			return errors.New("only a state can be pinned")
		}
		if !finite(op.X) || !finite(op.Y) {
			return fmt.Errorf("a position must be a finite number, not %v, %v", op.X, op.Y)
		}
		f.Entry(op.State).Position = &Point{math.Round(op.X), math.Round(op.Y)}
	case OpUnpin:
		if e := f.States[op.State]; e != nil {
			e.Position = nil
		}
	case OpUnpinAll:
		for _, e := range f.States {
			e.Position = nil
		}
	case OpRename:
		f.Rename(op.State, op.To)
	case OpSetHandler:
		if op.State == "" {
			return errors.New("a handler answers a Task state: name the state")
		}
		if err := op.Handler.Check(); err != nil {
			return err
		}
		h := *op.Handler
		h.Command = slices.Clone(h.Command)
		if h.Dir != "" {
			h.Dir = filepath.ToSlash(filepath.Clean(h.Dir))
		}
		if f.Handlers == nil {
			f.Handlers = map[string]*Handler{}
		}
		f.Handlers[op.State] = &h
	case OpClearHandler:
		delete(f.Handlers, op.State)
	case OpSetS3Root:
		if err := CheckS3Root(op.Text); err != nil {
			return err
		}
		f.S3Root = ""
		if op.Text != "" {
			f.S3Root = filepath.ToSlash(filepath.Clean(filepath.FromSlash(op.Text)))
		}
	default:
		return fmt.Errorf("sidecar: unknown change %q", op.Kind)
	}
	return nil
}

// Rename moves the notes of state old to new. When new has notes already
// (an orphan named so, say) the two are merged: nothing is dropped.
func (f *File) Rename(old, new string) {
	if old == new || old == "" || new == "" {
		return
	}
	// A handler follows unless new has its own (then both stay, old's as
	// an orphan, reported rather than dropped).
	if h := f.Handlers[old]; h != nil {
		if _, taken := f.Handlers[new]; !taken {
			f.Handlers[new] = h
			delete(f.Handlers, old)
		}
	}
	from := f.States[old]
	if from == nil {
		return
	}
	delete(f.States, old)
	to := f.States[new]
	if to.empty() {
		f.States[new] = from
		return
	}
	if to.Description == "" {
		to.Description = from.Description
	}
	if to.Position == nil {
		to.Position = from.Position
	}
	to.Threads = append(to.Threads, from.Threads...)
}

// withThread calls fn with the thread id and the entry holding it.
func (f *File) withThread(id string, fn func(*Entry, *Thread)) error {
	entries := []*Entry{&f.Workflow}
	for _, name := range sortedKeys(f.States) {
		entries = append(entries, f.States[name])
	}
	for _, e := range entries {
		for i := range e.Threads {
			if e.Threads[i].ID == id {
				fn(e, &e.Threads[i])
				return nil
			}
		}
	}
	return fmt.Errorf("%w %q", ErrNoThread, id)
}

func checkText(s string) error {
	if !utf8.ValidString(s) {
		return errors.New("the text is not valid UTF-8")
	}
	if n := utf8.RuneCountInString(s); n > MaxText {
		return fmt.Errorf("the text has %d characters; a note holds at most %d", n, MaxText)
	}
	return nil
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// CheckS3Root says in plain words what is wrong with a local S3 folder
// name: it must be relative to the workflow's folder and stay inside it.
func CheckS3Root(dir string) error {
	if dir == "" {
		return nil
	}
	if !filepath.IsLocal(filepath.FromSlash(dir)) {
		return fmt.Errorf("the folder for S3 %q must be inside the workflow's folder (a relative path without ..)", dir)
	}
	return nil
}
