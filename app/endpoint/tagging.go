package endpoint

// resourceExists reports whether arn names a state machine, version,
// alias or activity the server has (tags hang on those). Callers hold s.mu.
// Versions cannot be tagged in AWS (ResourceNotFound).
func (s *Server) resourceExists(arn string) bool {
	if s.machines[arn] != nil || s.aliases[arn] != nil || s.activities[arn] != nil {
		return true
	}
	return false
}

func (s *Server) checkTaggable(arn string) error {
	p, ok := parseArn(arn)
	if !ok || (p.kind != "stateMachine" && p.kind != "activity") {
		return invalidArn(arn)
	}
	if !s.resourceExists(arn) {
		return errf(errResourceNotFound, "Resource not found: '%s'", arn)
	}
	return nil
}

func tagResource(s *Server, r *request) (any, error) {
	var in struct {
		ResourceArn string `json:"resourceArn"`
		Tags        []tag  `json:"tags"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkTaggable(in.ResourceArn); err != nil {
		return nil, err
	}
	merged := mergeTags(s.tags[in.ResourceArn], in.Tags)
	if len(merged) > maxTags {
		return nil, &apiError{Type: errTooManyTags, Message: "Too many tags.", Status: 400}
	}
	s.tags[in.ResourceArn] = merged
	s.saveControlLocked()
	return struct{}{}, nil
}

func untagResource(s *Server, r *request) (any, error) {
	var in struct {
		ResourceArn string   `json:"resourceArn"`
		TagKeys     []string `json:"tagKeys"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkTaggable(in.ResourceArn); err != nil {
		return nil, err
	}
	drop := map[string]bool{}
	for _, k := range in.TagKeys {
		drop[k] = true
	}
	var kept []tag
	for _, t := range s.tags[in.ResourceArn] {
		if !drop[t.Key] {
			kept = append(kept, t)
		}
	}
	s.tags[in.ResourceArn] = kept
	s.saveControlLocked()
	return struct{}{}, nil
}

func listTagsForResource(s *Server, r *request) (any, error) {
	var in struct {
		ResourceArn string `json:"resourceArn"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.checkTaggable(in.ResourceArn); err != nil {
		return nil, err
	}
	tags := s.tags[in.ResourceArn]
	if tags == nil {
		tags = []tag{}
	}
	return map[string]any{"tags": tags}, nil
}
