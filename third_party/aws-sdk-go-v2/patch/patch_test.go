package main

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/signin"
	"github.com/aws/aws-sdk-go-v2/service/sso"
	"github.com/aws/aws-sdk-go-v2/service/ssooidc"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// The patched modules still resolve endpoints from their tables, now
// built on first use: a region of the aws partition, of the China one and
// of GovCloud (each matched by one of the table's regexps).
func TestPatchedTablesResolve(t *testing.T) {
	resolve := map[string]func(region string) (string, error){
		"sfn": func(r string) (string, error) {
			e, err := sfn.NewDefaultEndpointResolver().ResolveEndpoint(r, sfn.EndpointResolverOptions{})
			return e.URL, err
		},
		"sts": func(r string) (string, error) {
			e, err := sts.NewDefaultEndpointResolver().ResolveEndpoint(r, sts.EndpointResolverOptions{})
			return e.URL, err
		},
		"sso": func(r string) (string, error) {
			e, err := sso.NewDefaultEndpointResolver().ResolveEndpoint(r, sso.EndpointResolverOptions{})
			return e.URL, err
		},
		"ssooidc": func(r string) (string, error) {
			e, err := ssooidc.NewDefaultEndpointResolver().ResolveEndpoint(r, ssooidc.EndpointResolverOptions{})
			return e.URL, err
		},
		"signin": func(r string) (string, error) {
			e, err := signin.NewDefaultEndpointResolver().ResolveEndpoint(r, signin.EndpointResolverOptions{})
			return e.URL, err
		},
	}
	for name, f := range resolve {
		for region, suffix := range map[string]string{"eu-west-1": "eu-west-1.amazonaws.com", "cn-north-1": "cn-north-1.amazonaws.com.cn", "us-gov-west-1": "us-gov-west-1.amazonaws.com"} {
			url, err := f(region)
			if err != nil || !strings.HasPrefix(url, "https://") || !strings.HasSuffix(url, suffix) {
				t.Errorf("%s in %s: %q, %v (want https://….%s)", name, region, url, err, suffix)
			}
		}
	}
}

// An SDK version whose generated file no longer has what the edits
// expect stops the patch with an error naming the missing text.
func TestPatchRefusesAnUnexpectedFile(t *testing.T) {
	_, err := lazyPartitions([]byte("package endpoints\n\nvar defaultPartitions = endpoints.Partitions{\n}\n"))
	if err == nil || !strings.Contains(err.Error(), "occurs 0 times") {
		t.Fatalf("err = %v", err)
	}
}
