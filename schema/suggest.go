package schema

import "github.com/stepstudio/stepstudio/internal/suggest"

// didYouMean renders a suggestion as the end of a message, or "".
func didYouMean(word string, candidates []string) string {
	if c := suggest.Closest(word, candidates); c != "" {
		return ` Did you mean "` + c + `"?`
	}
	return ""
}
