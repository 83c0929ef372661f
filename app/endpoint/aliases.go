package endpoint

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

func publishStateMachineVersion(s *Server, r *request) (any, error) {
	var in struct {
		StateMachineArn string `json:"stateMachineArn"`
		RevisionID      string `json:"revisionId"`
		Description     string `json:"description"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	ref, _, ok := parseMachineArn(in.StateMachineArn)
	if !ok || ref.version > 0 || ref.alias != "" {
		return nil, invalidArn(in.StateMachineArn)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sm := s.machines[ref.base]
	if sm == nil {
		return nil, machineMissing(in.StateMachineArn)
	}
	if in.RevisionID != "" && in.RevisionID != sm.Current.RevisionID {
		return nil, errf(errConflict, "Failed to publish the State Machine version for revision %s. The current State Machine revision is %s.", in.RevisionID, sm.Current.RevisionID)
	}
	v := s.publishLocked(sm, in.Description)
	s.saveControlLocked()
	return map[string]any{"stateMachineVersionArn": v.Arn, "creationDate": epoch(v.Created)}, nil
}

func listStateMachineVersions(s *Server, r *request) (any, error) {
	var in struct {
		StateMachineArn string `json:"stateMachineArn"`
		MaxResults      int    `json:"maxResults"`
		NextToken       string `json:"nextToken"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	ref, _, ok := parseMachineArn(in.StateMachineArn)
	if !ok || ref.version > 0 || ref.alias != "" {
		return nil, invalidArn(in.StateMachineArn)
	}
	s.mu.RLock()
	sm := s.machines[ref.base]
	if sm == nil {
		s.mu.RUnlock()
		return nil, machineMissing(in.StateMachineArn)
	}
	items := make([]any, 0, len(sm.Versions))
	for i := len(sm.Versions) - 1; i >= 0; i-- { // newest first
		if v := s.versions[versionArn(sm.Arn, sm.Versions[i])]; v != nil {
			items = append(items, map[string]any{"stateMachineVersionArn": v.Arn, "creationDate": epoch(v.Created)})
		}
	}
	s.mu.RUnlock()
	return listPage("stateMachineVersions", items, in.MaxResults, in.NextToken, 1024)
}

func deleteStateMachineVersion(s *Server, r *request) (any, error) {
	var in struct {
		StateMachineVersionArn string `json:"stateMachineVersionArn"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	ref, _, ok := parseMachineArn(in.StateMachineVersionArn)
	if !ok || ref.version == 0 {
		return nil, invalidArn(in.StateMachineVersionArn)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var names []string
	for _, al := range s.aliases {
		for _, rt := range al.Routing {
			if rt.StateMachineVersionArn == in.StateMachineVersionArn {
				names = append(names, al.Name)
			}
		}
	}
	if len(names) > 0 {
		slices.Sort(names)
		return nil, errf(errConflict, "Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [%s]", strings.Join(names, ", "))
	}
	s.deleteVersionLocked(ref.base, ref.version)
	if sm := s.machines[ref.base]; sm != nil {
		s.saveControlLocked()
	}
	return struct{}{}, nil
}

// checkRouting checks an alias's routing as AWS does, in its order and
// words: one or two entries, weights 0..100, version ARNs of one machine,
// distinct, summing to 100, that exist. Callers hold s.mu.
func (s *Server) checkRouting(rs []routingEntry) (string, error) {
	if len(rs) > 2 {
		items := make([]string, len(rs))
		for i, rt := range rs {
			items[i] = fmt.Sprintf("RoutingConfigurationListItem(stateMachineVersionArn=%s, weight=%d)", rt.StateMachineVersionArn, rt.Weight)
		}
		return "", errf(errValidation, "1 validation error detected: Value '[%s]' at 'routingConfiguration' failed to satisfy constraint: Member must have length less than or equal to 2", strings.Join(items, ", "))
	}
	if len(rs) == 0 {
		return "", errf(errValidation, "1 validation error detected: Value '[]' at 'routingConfiguration' failed to satisfy constraint: Member must have length greater than or equal to 1")
	}
	arns := make([]string, len(rs))
	weights := make([]string, len(rs))
	for i, rt := range rs {
		if rt.Weight > 100 || rt.Weight < 0 {
			return "", errf(errValidation, "1 validation error detected: Value '%d' at 'routingConfiguration.%d.member.weight' failed to satisfy constraint: Member must have value less than or equal to 100", rt.Weight, i+1)
		}
		arns[i], weights[i] = rt.StateMachineVersionArn, strconv.Itoa(rt.Weight)
	}
	base := ""
	for _, rt := range rs {
		ref, _, ok := parseMachineArn(rt.StateMachineVersionArn)
		if !ok || ref.version == 0 {
			return "", errf(errValidation, "Routing configuration must contain state machine version ARNs. Received: [%s]", strings.Join(arns, ", "))
		}
		if base != "" && ref.base != base {
			return "", errf(errValidation, "Routing configuration must contain versions of the same state machine. Received: [%s]", strings.Join(arns, ", "))
		}
		base = ref.base
	}
	if len(rs) == 2 && rs[0].StateMachineVersionArn == rs[1].StateMachineVersionArn {
		return "", errf(errValidation, "Routing configuration must contain distinct state machine version ARNs. Received: [%s]", strings.Join(arns, ", "))
	}
	sum := 0
	for _, rt := range rs {
		sum += rt.Weight
	}
	if sum != 100 {
		return "", errf(errValidation, "Sum of routing configuration weights must equal 100. Received: [%s]", strings.Join(weights, ", "))
	}
	for _, rt := range rs {
		if s.versions[rt.StateMachineVersionArn] == nil {
			return "", errf(errResourceNotFound, "Resource not found: '%s'", rt.StateMachineVersionArn)
		}
	}
	return base, nil
}

func createStateMachineAlias(s *Server, r *request) (any, error) {
	var in struct {
		Name                 string         `json:"name"`
		Description          string         `json:"description"`
		RoutingConfiguration []routingEntry `json:"routingConfiguration"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	if err := checkAliasName(in.Name); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	base, err := s.checkRouting(in.RoutingConfiguration)
	if err != nil {
		return nil, err
	}
	arn := base + ":" + in.Name
	if old := s.aliases[arn]; old != nil {
		if old.Description == in.Description && slices.Equal(old.Routing, in.RoutingConfiguration) {
			return map[string]any{"stateMachineAliasArn": old.Arn, "creationDate": epoch(old.Created)}, nil
		}
		return nil, errf(errConflict, "Failed to create alias because an alias with the same name and a different routing configuration already exists.")
	}
	al := &alias{Arn: arn, Machine: base, Name: in.Name, Description: in.Description, Routing: in.RoutingConfiguration, Created: s.now()}
	s.aliases[arn] = al
	s.saveControlLocked()
	return map[string]any{"stateMachineAliasArn": arn, "creationDate": epoch(al.Created)}, nil
}

// checkAliasName applies AWS's alias name rules: 1 to 80 of letters,
// digits, "_", "-" and ".", not digits only (a version number).
func checkAliasName(name string) error {
	if len(name) > 80 {
		return errf(errValidation, "1 validation error detected: Value '%s' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80", name)
	}
	ok := name != "" && strings.Trim(name, "0123456789") != ""
	for _, c := range []byte(name) {
		if !isWord(c) && c != '-' && c != '.' {
			ok = false
		}
	}
	if !ok {
		return errf(errValidation, "1 validation error detected: Value '%s' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$", name)
	}
	return nil
}

type aliasArnIn struct {
	StateMachineAliasArn string         `json:"stateMachineAliasArn"`
	Description          *string        `json:"description"`
	RoutingConfiguration []routingEntry `json:"routingConfiguration"`
}

func (s *Server) lookupAlias(arn string) (*alias, error) {
	ref, _, ok := parseMachineArn(arn)
	if !ok || ref.alias == "" {
		return nil, invalidArn(arn)
	}
	al := s.aliases[arn]
	if al == nil {
		return nil, errf(errResourceNotFound, "Request references a resource that does not exist.")
	}
	return al, nil
}

func describeStateMachineAlias(s *Server, r *request) (any, error) {
	var in aliasArnIn
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	al, err := s.lookupAlias(in.StateMachineAliasArn)
	if err != nil {
		return nil, err
	}
	out := map[string]any{"stateMachineAliasArn": al.Arn, "name": al.Name, "routingConfiguration": al.Routing,
		"creationDate": epoch(al.Created)}
	if al.Description != "" {
		out["description"] = al.Description
	}
	if !al.Updated.IsZero() {
		out["updateDate"] = epoch(al.Updated)
	}
	return out, nil
}

func updateStateMachineAlias(s *Server, r *request) (any, error) {
	var in aliasArnIn
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	if in.Description == nil && in.RoutingConfiguration == nil {
		return nil, errf(errValidation, "Either the description or routing configuration must be specified")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	al, err := s.lookupAlias(in.StateMachineAliasArn)
	if err != nil {
		return nil, err
	}
	if in.RoutingConfiguration != nil {
		base, err := s.checkRouting(in.RoutingConfiguration)
		if err != nil {
			return nil, err
		}
		if base != al.Machine {
			return nil, errf(errValidation, "Routing configuration must contain versions of the same state machine.")
		}
		al.Routing = in.RoutingConfiguration
	}
	if in.Description != nil {
		al.Description = *in.Description
	}
	al.Updated = s.now()
	s.saveControlLocked()
	return map[string]any{"updateDate": epoch(al.Updated)}, nil
}

func deleteStateMachineAlias(s *Server, r *request) (any, error) {
	var in aliasArnIn
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	ref, _, ok := parseMachineArn(in.StateMachineAliasArn)
	if !ok || ref.alias == "" {
		return nil, invalidArn(in.StateMachineAliasArn)
	}
	s.mu.Lock()
	delete(s.aliases, in.StateMachineAliasArn)
	delete(s.tags, in.StateMachineAliasArn)
	s.saveControlLocked()
	s.mu.Unlock()
	return struct{}{}, nil
}

func listStateMachineAliases(s *Server, r *request) (any, error) {
	var in struct {
		StateMachineArn string `json:"stateMachineArn"`
		MaxResults      int    `json:"maxResults"`
		NextToken       string `json:"nextToken"`
	}
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	ref, _, ok := parseMachineArn(in.StateMachineArn)
	if !ok || ref.alias != "" {
		return nil, invalidArn(in.StateMachineArn)
	}
	s.mu.RLock()
	if s.machines[ref.base] == nil {
		s.mu.RUnlock()
		return nil, machineMissing(in.StateMachineArn)
	}
	var list []*alias
	for _, al := range s.aliases {
		if al.Machine != ref.base {
			continue
		}
		if ref.version > 0 && !slices.ContainsFunc(al.Routing, func(rt routingEntry) bool { return rt.StateMachineVersionArn == in.StateMachineArn }) {
			continue
		}
		list = append(list, al)
	}
	s.mu.RUnlock()
	slices.SortFunc(list, func(a, b *alias) int { return a.Created.Compare(b.Created) })
	items := make([]any, 0, len(list))
	for _, al := range list {
		items = append(items, map[string]any{"stateMachineAliasArn": al.Arn, "creationDate": epoch(al.Created)})
	}
	return listPage("stateMachineAliases", items, in.MaxResults, in.NextToken, 1024)
}
