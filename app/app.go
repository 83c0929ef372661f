// Package app is the only Go code that knows Wails: it starts the window,
// binds the methods the frontend calls and translates between the UI and
// the domain packages (engine, schema, layout).
package app

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"github.com/stepstudio/stepstudio/app/files"
)

// Run opens the studio window and blocks until it is closed. icon is the
// window's PNG icon; initialPath, when not "", is the file to open.
func Run(assets embed.FS, icon []byte, initialPath string) error {
	if err := handOver(os.Args[1:]); err != nil {
		return fmt.Errorf("cannot start the installed studio: %w", err)
	}
	dist, err := fs.Sub(assets, "frontend/dist")
	if err != nil {
		return err
	}
	studio := NewStudio()
	runService := NewRuns()
	iacService := NewIaC()
	notesService := NewNotes()
	compareService := NewCompare()
	testsService := NewTests(runService)
	cloudService := NewCloud(runService)
	endpointService := NewEndpoint(runService) // the "Local endpoint" switch; its runs go to runService
	configDir, err := files.ConfigDir()
	if err != nil {
		return err
	}
	fileService := newFiles(wailsDesktop{}, configDir, initialPath)
	return wails.Run(&options.App{
		Title:       "Stepstudio",
		Width:       1440,
		Height:      900,
		MinWidth:    900,
		MinHeight:   600,
		AssetServer: &assetserver.Options{Assets: dist, Handler: runService.post}, // run updates (postbox.go)
		OnStartup: func(ctx context.Context) {
			requireDevGuard()
			studio.startup(ctx)
			fileService.startup(ctx)
			runService.startup(ctx)
			iacService.startup(ctx)
			compareService.startup(ctx)
		},
		OnShutdown: func(ctx context.Context) {
			endpointService.shutdown(ctx) // first: its runs end in runService
			runService.shutdown(ctx)
		},
		OnBeforeClose:      fileService.beforeClose,
		Bind:               []any{studio, fileService, runService, iacService, notesService, compareService, testsService, cloudService, endpointService},
		SingleInstanceLock: singleInstance(configDir, fileService),
		BackgroundColour:   &options.RGBA{R: 246, G: 247, B: 249, A: 255},
		Linux:              &linux.Options{Icon: icon, ProgramName: "stepstudio"},
	})
}
