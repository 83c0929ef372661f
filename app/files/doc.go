// Package files is the studio's file service: opening definitions as text
// without losing a byte, atomic saves, the recent-files list, autosaved
// recovery copies of unsaved work and noticing when a file changed on disk.
//
// It knows nothing of Wails: the app package puts dialogs and events in
// front of it, so everything here is tested with plain temp folders.
package files
