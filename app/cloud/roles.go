package cloud

import (
	"context"
	"net/url"
	"os"
	"strings"
)

// Role is an IAM role offered as the execution role.
type Role struct {
	Name string `json:"name"`
	Arn  string `json:"arn"`
	// ForStepFunctions is true when its trust policy names
	// states.amazonaws.com: Step Functions may assume it.
	ForStepFunctions bool   `json:"forStepFunctions"`
	Description      string `json:"description,omitempty"`
}

// maxRolePages caps ListRoles pages (100 roles each).
const maxRolePages = 20

// Roles lists the account's IAM roles, those Step Functions may assume
// first. It needs iam:ListRoles; without it the picker falls back to
// pasting an ARN (the Problem says AccessDenied).
func (c *Client) Roles(ctx context.Context) ([]Role, error) {
	// With the Step Functions endpoint replaced (stepstudio serve), IAM
	// would still be AWS's: nothing is listed, and nothing leaves the
	// machine, unless an IAM endpoint is named too.
	if c.Local() && os.Getenv("AWS_ENDPOINT_URL_IAM") == "" {
		return []Role{}, nil
	}
	var forSFN, rest []Role
	marker := ""
	for i := 0; i < maxRolePages; i++ {
		page, err := c.listRoles(ctx, marker)
		if err != nil {
			return nil, explain(err)
		}
		for _, r := range page.Result.Roles {
			role := Role{Name: r.RoleName, Arn: r.Arn, Description: r.Description,
				ForStepFunctions: trustsStates(r.AssumeRolePolicyDocument)}
			if role.ForStepFunctions {
				forSFN = append(forSFN, role)
			} else {
				rest = append(rest, role)
			}
		}
		if !page.Result.IsTruncated || page.Result.Marker == "" {
			break
		}
		marker = page.Result.Marker
	}
	return append(forSFN, rest...), nil
}

// trustsStates reads a trust policy (IAM returns it URL-encoded) for the
// Step Functions service principal.
func trustsStates(doc string) bool {
	if d, err := url.QueryUnescape(doc); err == nil {
		doc = d
	}
	return strings.Contains(doc, "states.amazonaws.com")
}
