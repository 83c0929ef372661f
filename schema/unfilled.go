package schema

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// The words the studio's palette puts in a new step for people to replace
// (arn:aws:sns:REGION:ACCOUNT_ID:TOPIC_NAME), with what belongs there.
// The file is generated from the palette's templates by
// frontend/src/palette/blanks.test.ts, which fails when it drifts.
//
//go:embed palette_placeholders.json
var paletteJSON []byte

// PaletteBlank is one word of the palette's templates left for people to fill in.
type PaletteBlank struct {
	Word    string `json:"word"`
	Meaning string `json:"meaning"`
}

// PaletteBlanks lists the palette's blanks, in the palette's order. The
// embedded file is decoded on first use, not at start-up: a CLI command
// that validates nothing should not pay for it.
var PaletteBlanks = sync.OnceValue(func() []PaletteBlank { return loadPaletteBlanks(paletteJSON) })

var blankMeaning = sync.OnceValue(func() map[string]string {
	blanks := PaletteBlanks()
	m := make(map[string]string, len(blanks))
	for _, b := range blanks {
		m[b.Word] = b.Meaning
	}
	return m
})

func loadPaletteBlanks(data []byte) []PaletteBlank {
	var f struct {
		Placeholders []PaletteBlank `json:"placeholders"`
	}
	if err := json.Unmarshal(data, &f); err != nil || len(f.Placeholders) == 0 {
		// Embedded at build time and checked by the tests: a broken file
		// is a build mistake, not an input error.
		panic(fmt.Sprintf("schema: palette_placeholders.json: %v", err))
	}
	return f.Placeholders
}

// unfilledFields are the state fields that name what a step calls, where
// the palette's templates put their blanks. Comments, paths and names of
// other states are left alone.
var unfilledFields = []string{"Resource", "Parameters", "Arguments", "Credentials", "ItemReader", "ResultWriter"}

// unfilled warns about each value that still holds a palette blank
// (PLACEHOLDER_NOT_FILLED). A blank is a whole word: MY_TABLE_NAME is a
// name someone chose. Inside an IaC substitution (${TOPIC_NAME}) it is the
// substitution's name, filled in at deploy time, so it is not reported;
// nor are "Key.$" paths and JSONata expressions, which read data.
func (c *checker) unfilled(s *asl.State, ptr string) {
	for _, f := range unfilledFields {
		if v := s.Field(f); v != nil {
			c.unfilledValue(s, asl.Append(ptr, f), v)
		}
	}
}

func (c *checker) unfilledValue(s *asl.State, ptr string, n *asl.Node) {
	switch n.Kind {
	case asl.KindString:
		if found := blanksIn(n.Str); len(found) > 0 {
			c.warnAt(ptr, n, CodePlaceholder, "%s still holds %s from the palette: %s. Replace %s with your own values.",
				subjectWithField(subjectOf(ptr)), plural(len(found), "a placeholder", "placeholders"), describeBlanks(found), plural(len(found), "it", "them"))
		}
	case asl.KindArray:
		for i, it := range n.Items {
			c.unfilledValue(s, asl.AppendIndex(ptr, i), it)
		}
	case asl.KindObject:
		for _, f := range n.Fields {
			if strings.HasSuffix(f.Key, ".$") {
				continue
			}
			c.unfilledValue(s, asl.Append(ptr, f.Key), f.Value)
		}
	}
}

// blanksIn gives the palette blanks s holds, each once, in order of
// appearance. It runs on every string of every step at each keystroke, so
// it scans by hand rather than with a regexp.
func blanksIn(s string) []string {
	if isJSONata(strings.TrimSpace(s)) {
		return nil
	}
	if strings.Contains(s, "${") {
		s = placeholderRE().ReplaceAllString(s, " ")
	}
	var found []string
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		if w := s[i:j]; s[i] >= 'A' && s[i] <= 'Z' && blankMeaning()[w] != "" && !contains(found, w) {
			found = append(found, w)
		}
		i = j
	}
	return found
}

// isWordByte: letters, digits and underscores make a word (REGION,
// ACCOUNT_ID); anything else (":", "/", ".", "-") separates words.
func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// describeBlanks: "REGION (your AWS Region…), ACCOUNT_ID (…) and TOPIC_NAME (…)".
func describeBlanks(words []string) string {
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = w + " (" + blankMeaning()[w] + ")"
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
