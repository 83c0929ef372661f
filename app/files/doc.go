// Package files is the studio's file service: opening definitions as text
// without losing a byte, atomic saves, the recent-files list, autosaved
// recovery copies of unsaved work and noticing when a file changed on disk.
//
// It holds the two functions every file the CLI and the studio touch goes
// through: ReadFile (ReadIn, ReadAll), which reads only regular files and
// at most a named cap, and WriteIn (Write), which replaces a file
// atomically, never through a symbolic link and never outside the folder
// it is confined to.
//
// It knows nothing of Wails: the app package puts dialogs and events in
// front of it, so everything here is tested with plain temp folders.
package files
