// Package hostile is the project's catalogue of hostile inputs: crafted
// definitions, templates, inputs, mocks, handler files, file-system traps
// and flags, each run against the real stepstudio binary in a subprocess
// with a timeout, its exit code, message and peak memory (ru_maxrss)
// checked. It holds only tests; see hostile_test.go.
package hostile
