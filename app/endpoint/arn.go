package endpoint

import (
	"strconv"
	"strings"
	"unicode"
)

// arnPrefix is the start of every ARN in region.
func arnPrefix(region string) string { return "arn:aws:states:" + region + ":" + account + ":" }

// parsedArn is a Step Functions ARN split into its parts:
// arn:aws:states:REGION:ACCOUNT:KIND:NAME[:QUALIFIER[:MORE]].
type parsedArn struct {
	region, account, kind string
	parts                 []string // after kind
}

func parseArn(s string) (parsedArn, bool) {
	f := strings.Split(s, ":")
	if len(f) < 7 || f[0] != "arn" || !strings.HasPrefix(f[1], "aws") || f[2] != "states" || f[3] == "" || f[4] == "" {
		return parsedArn{}, false
	}
	for _, p := range f[6:] {
		if p == "" {
			return parsedArn{}, false
		}
	}
	return parsedArn{region: f[3], account: f[4], kind: f[5], parts: f[6:]}, true
}

// machineRef is what a state machine ARN names: the machine, and a
// version number or an alias name when qualified.
type machineRef struct {
	base    string // unqualified ARN
	version int    // > 0 for a version ARN
	alias   string // for an alias ARN
}

// parseMachineArn reads a stateMachine ARN; the "#TestCase" suffix (Step
// Functions Local's way to pick a mock test case) is split off first.
func parseMachineArn(s string) (ref machineRef, testCase string, ok bool) {
	if i := strings.LastIndexByte(s, '#'); i >= 0 {
		s, testCase = s[:i], s[i+1:]
	}
	p, ok := parseArn(s)
	if !ok || p.kind != "stateMachine" || len(p.parts) > 2 {
		return machineRef{}, "", false
	}
	ref.base = "arn:aws:states:" + p.region + ":" + p.account + ":stateMachine:" + p.parts[0]
	if len(p.parts) == 2 {
		if n, err := strconv.Atoi(p.parts[1]); err == nil && n > 0 {
			ref.version = n
		} else {
			ref.alias = p.parts[1]
		}
	}
	return ref, testCase, true
}

// invalidArn is AWS's InvalidArn for s where a resource of another kind
// (or no ARN at all) was expected.
func invalidArn(s string) *apiError {
	if !strings.HasPrefix(s, "arn:") {
		return errf(errInvalidArn, "Invalid Arn: 'Invalid ARN prefix: %s'", s)
	}
	return errf(errInvalidArn, "Invalid Arn: 'Resource type not valid in this context: %s'", kindOf(s))
}

// validName is AWS's rule for state machine, execution, activity and
// alias names: 1 to 80 characters, no white space, no brackets or
// wildcards, no special characters, no control characters.
func validName(s string) bool {
	if s == "" || len([]rune(s)) > 80 {
		return false
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || (r >= 0x7f && r <= 0x9f) {
			return false
		}
		if strings.ContainsRune("<>{}[]?*\"#%\\^|~`$&,;:/", r) {
			return false
		}
	}
	return true
}
