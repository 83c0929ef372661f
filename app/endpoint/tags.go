package endpoint

// maxTags is AWS's limit of tags on one resource.
const maxTags = 50

func checkTags(ts []tag) error {
	if len(ts) > maxTags {
		return &apiError{Type: errTooManyTags, Message: "Too many tags.", Status: 400}
	}
	for _, t := range ts {
		if t.Key == "" || len(t.Key) > 128 {
			return errf(errValidation, "1 validation error detected: Value '%s' at 'tags.member.key' failed to satisfy constraint: Member must have length between 1 and 128", t.Key)
		}
		if len(t.Value) > 256 {
			return errf(errValidation, "1 validation error detected: Value '%s' at 'tags.member.value' failed to satisfy constraint: Member must have length less than or equal to 256", t.Value)
		}
	}
	return nil
}

// mergeTags adds or replaces tags by key, keeping the first order.
func mergeTags(old, add []tag) []tag {
	out := append([]tag(nil), old...)
next:
	for _, t := range add {
		for i := range out {
			if out[i].Key == t.Key {
				out[i].Value = t.Value
				continue next
			}
		}
		out = append(out, t)
	}
	return out
}
