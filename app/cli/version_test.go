package cli

import (
	"bytes"
	"context"
	"testing"
)

// The commit stamped by scripts/package.sh is what `version` prints,
// shortened to 12 characters.
func TestVersionPrintsStampedCommit(t *testing.T) {
	oldV, oldC := Version, Commit
	defer func() { Version, Commit = oldV, oldC }()
	for _, tc := range []struct{ version, commit, want string }{
		{"0.1.0", "0123456789abcdef0123", "stepstudio 0.1.0 (0123456789ab)\n"},
		{"0.1.0", "abc1234", "stepstudio 0.1.0 (abc1234)\n"},
	} {
		Version, Commit = tc.version, tc.commit
		var out bytes.Buffer
		if err := runVersion(context.Background(), nil, Streams{Out: &out}); err != nil {
			t.Fatal(err)
		}
		if out.String() != tc.want {
			t.Errorf("version printed %q, want %q", out.String(), tc.want)
		}
	}
}
