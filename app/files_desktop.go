package app

import (
	"context"
	"os"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// desktop is the part of the Wails runtime the file service uses. Tests
// give a fake: calling runtime.* outside a running app kills the process.
type desktop interface {
	// dir is the folder the dialog starts in ("" lets the system choose).
	OpenFile(ctx context.Context, title, dir string, filters []runtime.FileFilter) (string, error)
	SaveFile(ctx context.Context, title, dir, defaultName string, filters []runtime.FileFilter) (string, error)
	Emit(ctx context.Context, event string, data ...any)
	SetTitle(ctx context.Context, title string)
	Quit(ctx context.Context)
	// Raise brings the window to the front (a second start handed it a file).
	Raise(ctx context.Context)
}

// wailsDesktop is the real desktop.
type wailsDesktop struct{}

func (wailsDesktop) OpenFile(ctx context.Context, title, dir string, filters []runtime.FileFilter) (string, error) {
	if path, ok := scriptedAnswer(); ok {
		return path, nil
	}
	return runtime.OpenFileDialog(ctx, runtime.OpenDialogOptions{Title: title, DefaultDirectory: existingDir(dir), Filters: filters})
}

func (wailsDesktop) SaveFile(ctx context.Context, title, dir, defaultName string, filters []runtime.FileFilter) (string, error) {
	if path, ok := scriptedAnswer(); ok {
		return path, nil
	}
	return runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{Title: title, DefaultDirectory: existingDir(dir), DefaultFilename: defaultName, Filters: filters})
}

// existingDir is dir when it is a folder that exists, else "": Wails fails
// the whole dialog over a missing default folder.
func existingDir(dir string) string {
	if info, err := os.Stat(dir); dir == "" || err != nil || !info.IsDir() {
		return ""
	}
	return dir
}

func (wailsDesktop) Emit(ctx context.Context, event string, data ...any) {
	runtime.EventsEmit(ctx, event, data...)
}

func (wailsDesktop) SetTitle(ctx context.Context, title string) { runtime.WindowSetTitle(ctx, title) }

func (wailsDesktop) Quit(ctx context.Context) { runtime.Quit(ctx) }

func (wailsDesktop) Raise(ctx context.Context) {
	runtime.WindowUnminimise(ctx)
	runtime.WindowShow(ctx)
}
