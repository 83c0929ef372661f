package endpoint

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

type createMachineIn struct {
	Name                 string          `json:"name"`
	Definition           string          `json:"definition"`
	RoleArn              string          `json:"roleArn"`
	Type                 string          `json:"type"`
	LoggingConfiguration json.RawMessage `json:"loggingConfiguration"`
	TracingConfiguration json.RawMessage `json:"tracingConfiguration"`
	Tags                 []tag           `json:"tags"`
	Publish              bool            `json:"publish"`
	VersionDescription   string          `json:"versionDescription"`
}

func createStateMachine(s *Server, r *request) (any, error) {
	var in createMachineIn
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	if in.VersionDescription != "" && !in.Publish {
		return nil, errf(errValidation, "Version description can only be set when publish is true")
	}
	if in.Type == "" {
		in.Type = "STANDARD"
	}
	if in.Type != "STANDARD" && in.Type != "EXPRESS" {
		return nil, errf(errValidation, "1 validation error detected: Value '%s' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]", in.Type)
	}
	if !validName(in.Name) {
		return nil, errf(errInvalidName, "Invalid Name: '%s'", in.Name)
	}
	if err := checkRoleArn(in.RoleArn); err != nil {
		return nil, err
	}
	logging, err := checkLogging(in.LoggingConfiguration, in.Type)
	if err != nil {
		return nil, err
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	m, err := compileDefinition(in.Name, in.Definition, in.Type == "EXPRESS")
	if err != nil {
		return nil, err
	}
	arn := arnPrefix(r.region) + "stateMachine:" + in.Name
	// No revisionId until the first update that changes something, as AWS.
	rev := revision{Definition: in.Definition, RoleArn: in.RoleArn, Logging: logging,
		Tracing: tracingOrDefault(in.TracingConfiguration), machine: m}

	s.mu.Lock()
	defer s.mu.Unlock()
	if old, ok := s.machines[arn]; ok {
		// AWS answers a repeated create with the same definition, type,
		// logging and tracing with the machine it has (a different role or
		// tags are ignored, not applied): scripts may create idempotently.
		if old.Current.Definition == in.Definition && old.Type == in.Type &&
			sameJSON(old.Current.Logging, logging) && sameJSON(old.Current.Tracing, tracingOrDefault(in.TracingConfiguration)) {
			out := map[string]any{"stateMachineArn": old.Arn, "creationDate": epoch(old.Created)}
			if in.Publish && len(old.Versions) > 0 {
				out["stateMachineVersionArn"] = versionArn(old.Arn, old.Versions[len(old.Versions)-1])
			}
			return out, nil
		}
		return nil, errf(errSMAlreadyExists, "State Machine Already Exists: '%s'", arn)
	}
	sm := &stateMachine{Arn: arn, Name: in.Name, Type: in.Type, Created: s.now(), Current: rev, region: r.region}
	s.machines[arn] = sm
	if len(in.Tags) > 0 {
		s.tags[arn] = mergeTags(nil, in.Tags)
	}
	out := map[string]any{"stateMachineArn": arn, "creationDate": epoch(sm.Created)}
	if in.Publish {
		v := s.publishLocked(sm, in.VersionDescription)
		out["stateMachineVersionArn"] = v.Arn
	}
	s.saveControlLocked()
	return out, nil
}

// awsOwnedKey is the encryption every state machine and activity has
// unless told otherwise, as AWS describes it.
var awsOwnedKey = map[string]string{"type": "AWS_OWNED_KEY"}

func checkRoleArn(role string) error {
	if role == "" {
		return errf(errValidation, "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null")
	}
	p := bytes.Split([]byte(role), []byte(":"))
	if len(p) < 6 || string(p[0]) != "arn" || string(p[2]) != "iam" {
		return invalidArn(role)
	}
	return nil
}

// checkLogging checks a loggingConfiguration and gives AWS's default
// (level OFF) when none was sent.
func checkLogging(raw json.RawMessage, typ string) (json.RawMessage, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return json.RawMessage(`{"level":"OFF","includeExecutionData":false}`), nil
	}
	var lc struct {
		Level                string             `json:"level"`
		IncludeExecutionData bool               `json:"includeExecutionData"`
		Destinations         *[]json.RawMessage `json:"destinations"`
	}
	if err := json.Unmarshal(raw, &lc); err != nil {
		return nil, errf(errSerialization, "loggingConfiguration: %v", err)
	}
	if lc.Level == "" {
		lc.Level = "OFF"
	}
	switch lc.Level {
	case "ALL", "ERROR", "FATAL", "OFF":
	default:
		return nil, errf(errValidation, "1 validation error detected: Value '%s' at 'loggingConfiguration.level' failed to satisfy constraint: Member must satisfy enum value set: [ALL, ERROR, FATAL, OFF]", lc.Level)
	}
	n := 0
	if lc.Destinations != nil {
		n = len(*lc.Destinations)
	}
	if n > 1 || lc.Level != "OFF" && n == 0 {
		return nil, errf(errInvalidLogging, "Invalid Logging Configuration: Must specify exactly one Log Destination.")
	}
	out := map[string]any{"level": lc.Level, "includeExecutionData": lc.IncludeExecutionData}
	if lc.Destinations != nil { // kept as sent, [] included (AWS does)
		out["destinations"] = *lc.Destinations
	}
	b, _ := json.Marshal(out)
	return b, nil
}

func tracingOrDefault(raw json.RawMessage) json.RawMessage {
	if len(raw) == 0 || string(raw) == "null" {
		return json.RawMessage(`{"enabled":false}`)
	}
	return raw
}

func sameJSON(a, b json.RawMessage) bool {
	var x, y any
	_ = json.Unmarshal(a, &x)
	_ = json.Unmarshal(b, &y)
	ax, _ := json.Marshal(x)
	by, _ := json.Marshal(y)
	return bytes.Equal(ax, by)
}

type arnIn struct {
	StateMachineArn string `json:"stateMachineArn"`
	IncludedData    string `json:"includedData"`
}

// machineFor finds the machine (and version) an ARN names; aliases are
// resolved by the caller. Callers hold s.mu.
func (s *Server) lookupMachine(arn string) (*stateMachine, *version, error) {
	ref, _, ok := parseMachineArn(arn)
	if !ok {
		return nil, nil, invalidArn(arn)
	}
	sm := s.machines[ref.base]
	if sm == nil {
		return nil, nil, machineMissing(arn)
	}
	if ref.version > 0 {
		v := s.versions[versionArn(ref.base, ref.version)]
		if v == nil {
			return nil, nil, machineMissing(arn)
		}
		return sm, v, nil
	}
	return sm, nil, nil
}

// kindOf is the resource type part of an ARN, for InvalidArn messages.
func kindOf(arn string) string {
	if p, ok := parseArn(arn); ok {
		return p.kind
	}
	return arn
}

func describeStateMachine(s *Server, r *request) (any, error) {
	var in arnIn
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	if ref, _, ok := parseMachineArn(in.StateMachineArn); ok && ref.alias != "" {
		return nil, errf(errInvalidArn, "Invalid Arn: 'Resource type not valid in this context: alias'")
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	sm, v, err := s.lookupMachine(in.StateMachineArn)
	if err != nil {
		return nil, err
	}
	return describeOut(sm, v), nil
}

func describeOut(sm *stateMachine, v *version) map[string]any {
	rev, arn, created := sm.Current, sm.Arn, sm.Created
	if v != nil {
		rev, arn, created = v.Rev, v.Arn, v.Created
	}
	out := map[string]any{
		"stateMachineArn": arn, "name": sm.Name, "status": "ACTIVE",
		"definition": rev.Definition, "roleArn": rev.RoleArn, "type": sm.Type,
		"creationDate": epoch(created), "loggingConfiguration": rev.Logging,
		"tracingConfiguration": rev.Tracing,
	}
	if v != nil && v.Description != "" {
		out["description"] = v.Description
	}
	if rev.RevisionID != "" {
		out["revisionId"] = rev.RevisionID
	}
	out["encryptionConfiguration"] = awsOwnedKey
	if refs := variableReferences(rev.Definition); refs != nil {
		out["variableReferences"] = refs
	}
	return out
}

type updateMachineIn struct {
	StateMachineArn      string          `json:"stateMachineArn"`
	Definition           *string         `json:"definition"`
	RoleArn              *string         `json:"roleArn"`
	LoggingConfiguration json.RawMessage `json:"loggingConfiguration"`
	TracingConfiguration json.RawMessage `json:"tracingConfiguration"`
	Publish              bool            `json:"publish"`
	VersionDescription   string          `json:"versionDescription"`
}

func updateStateMachine(s *Server, r *request) (any, error) {
	var in updateMachineIn
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	ref, _, ok := parseMachineArn(in.StateMachineArn)
	if !ok {
		return nil, invalidArn(in.StateMachineArn)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sm := s.machines[ref.base]
	if sm == nil || ref.version > 0 || ref.alias != "" { // AWS: a version or alias is no machine to update
		return nil, machineMissing(in.StateMachineArn)
	}
	if in.Definition == nil && in.RoleArn == nil && len(in.LoggingConfiguration) == 0 && len(in.TracingConfiguration) == 0 {
		return nil, errf("MissingRequiredParameter", "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified")
	}
	if in.VersionDescription != "" && !in.Publish {
		return nil, errf(errValidation, "Version description can only be set when publish is true")
	}
	rev := sm.Current
	changed := false
	if in.Definition != nil && *in.Definition != rev.Definition {
		m, err := compileDefinition(sm.Name, *in.Definition, sm.Type == "EXPRESS")
		if err != nil {
			return nil, err
		}
		rev.Definition, rev.machine, changed = *in.Definition, m, true
	}
	if in.RoleArn != nil && *in.RoleArn != rev.RoleArn {
		if err := checkRoleArn(*in.RoleArn); err != nil {
			return nil, err
		}
		rev.RoleArn, changed = *in.RoleArn, true
	}
	if len(in.LoggingConfiguration) > 0 {
		l, err := checkLogging(in.LoggingConfiguration, sm.Type)
		if err != nil {
			return nil, err
		}
		if !sameJSON(l, rev.Logging) {
			rev.Logging, changed = l, true
		}
	}
	if len(in.TracingConfiguration) > 0 && !sameJSON(in.TracingConfiguration, rev.Tracing) {
		rev.Tracing, changed = in.TracingConfiguration, true
	}
	if changed {
		rev.RevisionID = uuid.NewString()
		sm.Current = rev
	}
	sm.Updated = s.now()
	out := map[string]any{"updateDate": epoch(sm.Updated)}
	// An update that changes nothing answers the current revision, and
	// none while the machine has never changed (AWS's recorded answers).
	if sm.Current.RevisionID != "" {
		out["revisionId"] = sm.Current.RevisionID
	}
	if in.Publish {
		v := s.publishLocked(sm, in.VersionDescription)
		out["stateMachineVersionArn"] = v.Arn
	}
	s.saveControlLocked()
	return out, nil
}

func deleteStateMachine(s *Server, r *request) (any, error) {
	var in arnIn
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	ref, _, ok := parseMachineArn(in.StateMachineArn)
	if !ok || ref.alias != "" {
		return nil, invalidArn(in.StateMachineArn)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if ref.version > 0 {
		s.deleteVersionLocked(ref.base, ref.version)
		return struct{}{}, nil
	}
	sm := s.machines[ref.base]
	if sm == nil {
		return struct{}{}, nil // AWS: deleting what is gone succeeds
	}
	for _, n := range slices.Clone(sm.Versions) {
		s.deleteVersionLocked(sm.Arn, n)
	}
	for a, al := range s.aliases {
		if al.Machine == sm.Arn {
			delete(s.aliases, a)
			delete(s.tags, a)
		}
	}
	delete(s.machines, sm.Arn)
	delete(s.tags, sm.Arn)
	s.saveControlLocked()
	return struct{}{}, nil
}

type listIn struct {
	MaxResults int    `json:"maxResults"`
	NextToken  string `json:"nextToken"`
}

func listStateMachines(s *Server, r *request) (any, error) {
	var in listIn
	if err := r.decode(&in); err != nil {
		return nil, err
	}
	s.mu.RLock()
	all := inRegion(s.machines, r.region, func(sm *stateMachine) (string, time.Time) { return sm.Arn, sm.Created })
	s.mu.RUnlock()
	items := make([]any, 0, len(all))
	for _, sm := range all {
		items = append(items, map[string]any{"stateMachineArn": sm.Arn, "name": sm.Name, "type": sm.Type, "creationDate": epoch(sm.Created)})
	}
	return listPage("stateMachines", items, in.MaxResults, in.NextToken, 1024)
}

// inRegion is the values of m whose ARN is in region, oldest first (then
// by ARN), as AWS's List calls give them. The caller holds the lock.
func inRegion[T any](m map[string]*T, region string, of func(*T) (arn string, created time.Time)) []*T {
	prefix := arnPrefix(region)
	var all []*T
	for _, v := range m {
		if arn, _ := of(v); len(arn) > len(prefix) && strings.HasPrefix(arn, prefix) {
			all = append(all, v)
		}
	}
	slices.SortFunc(all, func(a, b *T) int {
		arnA, createdA := of(a)
		arnB, createdB := of(b)
		if c := createdA.Compare(createdB); c != 0 {
			return c
		}
		return compareStr(arnA, arnB)
	})
	return all
}

func compareStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
