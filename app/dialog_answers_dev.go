//go:build dev

package app

import (
	"os"
	"strings"

	"github.com/stepstudio/stepstudio/app/files"
)

// DialogAnswersEnv is the test seam of the native dialogs, which a browser
// test cannot click: when it names a file, a dialog does not open; instead
// the file's content (trimmed) is the path the user "chose" ("" cancels),
// and the file is removed so each answer serves one dialog. Only
// dev-tagged builds (the browser tests' binary) have it: in a release
// build nothing in the environment can answer a dialog for the user.
const DialogAnswersEnv = "STEPSTUDIO_DIALOG_ANSWERS"

func scriptedAnswer() (string, bool) {
	file := os.Getenv(DialogAnswersEnv)
	if file == "" {
		return "", false
	}
	data, err := files.ReadFile(file, files.Config)
	if err != nil {
		return "", true // no answer prepared: the user cancelled
	}
	os.Remove(file)
	return strings.TrimSpace(string(data)), true
}
