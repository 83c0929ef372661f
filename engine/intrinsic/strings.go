package intrinsic

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"hash"
	"strings"
	"unicode/utf8"
)

// maxEncodeLen is the longest input AWS accepts for the Base64 and Hash
// functions, in characters.
const maxEncodeLen = 10000

// stringSplit is States.StringSplit: every character of the second argument
// is a delimiter, and empty pieces are dropped, as AWS records.
func stringSplit(in *invocation) (any, error) {
	s, err := in.str(0)
	if err != nil {
		return nil, err
	}
	delims, err := in.str(1)
	if err != nil {
		return nil, err
	}
	out := []any{}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(delims, r) }) {
		out = append(out, f)
	}
	return out, nil
}

func (in *invocation) limitedStr(i int) (string, error) {
	s, err := in.str(i)
	if err != nil {
		return "", err
	}
	if n := utf8.RuneCountInString(s); n > maxEncodeLen {
		return "", in.fail("the input has %d characters; the maximum is %d", n, maxEncodeLen)
	}
	return s, nil
}

func base64Encode(in *invocation) (any, error) {
	s, err := in.limitedStr(0)
	if err != nil {
		return nil, err
	}
	return base64.StdEncoding.EncodeToString([]byte(s)), nil
}

func base64Decode(in *invocation) (any, error) {
	s, err := in.limitedStr(0)
	if err != nil {
		return nil, err
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, in.fail("the input is not valid Base64: %v", err)
	}
	return string(b), nil
}

var hashes = map[string]func() hash.Hash{
	"MD5":     md5.New,
	"SHA-1":   sha1.New,
	"SHA-256": sha256.New,
	"SHA-384": sha512.New384,
	"SHA-512": sha512.New,
}

func hashFn(in *invocation) (any, error) {
	data, err := in.limitedStr(0)
	if err != nil {
		return nil, err
	}
	alg, err := in.str(1)
	if err != nil {
		return nil, err
	}
	h, ok := hashes[alg]
	if !ok {
		return nil, in.fail("unsupported algorithm %q; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512", alg)
	}
	sum := h()
	sum.Write([]byte(data))
	return hex.EncodeToString(sum.Sum(nil)), nil
}

func uuidFn(in *invocation) (any, error) {
	return in.source().UUID(), nil
}
