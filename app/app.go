// Package app is the only Go code that knows Wails: it starts the window,
// binds the methods the frontend calls and translates between the UI and
// the domain packages (engine, schema, layout).
package app

import (
	"embed"
	"io/fs"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
)

// Run opens the studio window and blocks until it is closed.
func Run(assets embed.FS) error {
	dist, err := fs.Sub(assets, "frontend/dist")
	if err != nil {
		return err
	}
	studio := NewStudio()
	return wails.Run(&options.App{
		Title:            "Stepstudio",
		Width:            1440,
		Height:           900,
		MinWidth:         900,
		MinHeight:        600,
		AssetServer:      &assetserver.Options{Assets: dist},
		OnStartup:        studio.startup,
		Bind:             []any{studio},
		BackgroundColour: &options.RGBA{R: 24, G: 26, B: 31, A: 255},
	})
}
