package cloud

import (
	"bufio"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/config"

	"github.com/stepstudio/stepstudio/app/files"
)

// Profile is a profile named in the shared config or credentials files,
// with what the picker shows. Only names and a few settings are read;
// secrets are skipped line by line and never kept.
type Profile struct {
	Name   string `json:"name"`
	Region string `json:"region,omitempty"`
	// Kind says where its credentials come from, for the picker:
	// "sso", "role", "process", "keys" or "" when the file does not say.
	Kind string `json:"kind,omitempty"`
}

// Profiles lists the profiles of the shared config and credentials
// files (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, else ~/.aws),
// sorted by name with "default" first. Missing files are no profiles.
func Profiles() ([]Profile, error) {
	byName := map[string]*Profile{}
	for _, path := range configFiles() {
		if err := readProfiles(path, true, byName); err != nil {
			return nil, err
		}
	}
	for _, path := range credentialsFiles() {
		if err := readProfiles(path, false, byName); err != nil {
			return nil, err
		}
	}
	out := make([]Profile, 0, len(byName))
	for _, p := range byName {
		out = append(out, *p)
	}
	slices.SortFunc(out, func(a, b Profile) int {
		if (a.Name == "default") != (b.Name == "default") {
			if a.Name == "default" {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out, nil
}

func configFiles() []string {
	if p := os.Getenv("AWS_CONFIG_FILE"); p != "" {
		return []string{p}
	}
	return []string{config.DefaultSharedConfigFilename()}
}

func credentialsFiles() []string {
	if p := os.Getenv("AWS_SHARED_CREDENTIALS_FILE"); p != "" {
		return []string{p}
	}
	return []string{config.DefaultSharedCredentialsFilename()}
}

// readProfiles reads one INI file bounded (files.Config). In the config
// file sections are [default] and [profile NAME]; in the credentials file
// [NAME]. [sso-session X] and [services X] are not profiles.
func readProfiles(path string, isConfig bool, byName map[string]*Profile) error {
	data, err := files.ReadFile(path, files.Config)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var cur *Profile
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' || line[0] == ';' {
			continue
		}
		if line[0] == '[' {
			cur = nil
			name, ok := sectionProfile(strings.Trim(line, "[] \t"), isConfig)
			if ok {
				if byName[name] == nil {
					byName[name] = &Profile{Name: name}
				}
				cur = byName[name]
			}
			continue
		}
		if cur == nil {
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
		// Only these keys are looked at; secrets are never copied.
		switch key {
		case "region":
			cur.Region = value
		case "sso_session", "sso_start_url":
			cur.Kind = "sso"
		case "role_arn":
			if cur.Kind == "" {
				cur.Kind = "role"
			}
		case "credential_process":
			cur.Kind = "process"
		case "aws_access_key_id":
			if cur.Kind == "" {
				cur.Kind = "keys"
			}
		}
	}
	return sc.Err()
}

func sectionProfile(section string, isConfig bool) (string, bool) {
	fields := strings.Fields(section)
	switch {
	case len(fields) == 1 && (!isConfig || fields[0] == "default"):
		return fields[0], true
	case len(fields) == 2 && isConfig && fields[0] == "profile":
		return fields[1], true
	}
	return "", false
}
