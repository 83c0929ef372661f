package files

import (
	"fmt"
	"os"
	"path/filepath"
)

// ConfigDirEnv overrides where the studio keeps its recent list and
// recovery copies; tests and side-by-side e2e runs point it at a temp dir
// so they never touch the user's own.
const ConfigDirEnv = "STEPSTUDIO_CONFIG_DIR"

// ConfigDir is the studio's folder in the user config dir, e.g.
// ~/.config/stepstudio on Linux. It is not created here.
func ConfigDir() (string, error) {
	if d := os.Getenv(ConfigDirEnv); d != "" {
		return d, nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("files: no user config dir: %w", err)
	}
	return filepath.Join(base, "stepstudio"), nil
}
