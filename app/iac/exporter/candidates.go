package exporter

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// Substitution is a value of the definition written as ${Name} instead,
// with Value given by the template.
type Substitution struct {
	Name  string `json:"name"`
	Value string `json:"value"` // "" when the definition already had ${Name}: the template must supply it
	Kind  string `json:"kind"`  // arn, queue-url, table-name, bucket-name, function-name, account, region, placeholder
	// Uses are the JSON pointers of the definition's values it replaces.
	Uses []string `json:"uses"`
}

var (
	arnRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^arn:(aws|aws-cn|aws-us-gov):([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:(.+)$`)
	})
	queueURLRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^https://sqs\.([a-z0-9-]+)\.amazonaws\.com/(\d{12})/([A-Za-z0-9_.-]+)$`)
	})
	regionRE   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(us|eu|ap|sa|ca|me|af|il|mx)-(gov-)?[a-z]+-\d$`) })
	accountRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{12}$`) })
	nameRE     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\$\{([A-Za-z][A-Za-z0-9]*)\}`) })
	anyPlaceRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$\{([A-Za-z][A-Za-z0-9]*)\}`) })
)

// Candidates lists the hard-coded values of a definition worth making
// substitutions, named after what they point to, plus the ${Name}
// placeholders it already has (Kind "placeholder", no Value).
func Candidates(doc *asl.Document) []Substitution {
	byValue := map[string]*Substitution{}
	var order []string
	placeholders := map[string]*Substitution{}
	var porder []string
	placeholder := func(ptr, v string) {
		for _, m := range anyPlaceRE().FindAllStringSubmatch(v, -1) {
			if p := placeholders[m[1]]; p != nil {
				p.Uses = append(p.Uses, ptr)
			} else {
				placeholders[m[1]] = &Substitution{Name: m[1], Kind: "placeholder", Uses: []string{ptr}}
				porder = append(porder, m[1])
			}
		}
	}
	walkKeys(doc.Root, "", placeholder) // a substituted key: "${FieldName}": …
	walkStrings(doc.Root, "", "", func(ptr, key, v string) {
		placeholder(ptr, v)
		kind, name := classify(key, v)
		if kind == "" {
			return
		}
		if s := byValue[v]; s != nil {
			s.Uses = append(s.Uses, ptr)
			return
		}
		byValue[v] = &Substitution{Name: name, Value: v, Kind: kind, Uses: []string{ptr}}
		order = append(order, v)
	})
	taken := map[string]bool{}
	for _, n := range porder {
		taken[n] = true
	}
	out := make([]Substitution, 0, len(order)+len(porder))
	for _, v := range order {
		s := byValue[v]
		s.Name = unique(s.Name, taken)
		out = append(out, *s)
	}
	for _, n := range porder {
		out = append(out, *placeholders[n])
	}
	return out
}

func unique(name string, taken map[string]bool) string {
	if name == "" {
		name = "Value"
	}
	n := name
	for i := 2; taken[n]; i++ {
		n = fmt.Sprintf("%s%d", name, i)
	}
	taken[n] = true
	return n
}

// classify says whether a string value is a hard-coded resource and names it.
func classify(key, v string) (kind, name string) {
	if strings.Contains(v, "${") || strings.HasSuffix(key, ".$") {
		return "", ""
	}
	if m := arnRE().FindStringSubmatch(v); m != nil {
		service, region, account, res := m[2], m[3], m[4], m[5]
		if service == "states" && region == "" && account == "" {
			return "", "" // a service integration, not a resource
		}
		return "arn", arnName(service, res)
	}
	if m := queueURLRE().FindStringSubmatch(v); m != nil {
		return "queue-url", pascal(m[3]) + "QueueUrl"
	}
	switch {
	case regionRE().MatchString(v):
		return "region", "Region"
	case accountRE().MatchString(v):
		return "account", "AccountId"
	}
	switch key {
	case "TableName":
		return "table-name", pascal(v) + "TableName"
	case "Bucket":
		return "bucket-name", pascal(v) + "BucketName"
	case "FunctionName":
		return "function-name", pascal(v) + "FunctionName"
	}
	return "", ""
}

// arnName names an ARN after its resource: OrderTableArn, ProcessFunctionArn.
func arnName(service, res string) string {
	typ, id := "", res
	if i := strings.IndexAny(res, ":/"); i >= 0 {
		typ, id = res[:i], res[i+1:]
	}
	if i := strings.IndexAny(id, ":/"); i >= 0 && typ != "" {
		id = id[:i] // drop a qualifier or sub-path
	}
	suffix := map[string]string{
		"lambda": "Function", "dynamodb": "Table", "sns": "Topic", "sqs": "Queue", "s3": "Bucket",
		"events": "EventBus", "glue": "Job", "ecs": "Task", "batch": "JobQueue", "secretsmanager": "Secret",
	}[service]
	switch {
	case service == "states" && typ == "stateMachine":
		suffix = "StateMachine"
	case service == "states" && typ == "activity":
		suffix = "Activity"
	case service == "ecs" && typ == "task-definition":
		suffix = "TaskDefinition"
	case service == "ecs" && typ == "cluster":
		suffix = "Cluster"
	case service == "batch" && typ == "job-definition":
		suffix = "JobDefinition"
	case suffix == "":
		suffix = pascal(service)
	}
	base := pascal(id)
	if service == "sns" || service == "sqs" || (service == "s3" && typ == "") {
		base = pascal(res)
	}
	if strings.HasSuffix(base, suffix) {
		suffix = ""
	}
	return base + suffix + "Arn"
}

// walkStrings calls f for every string value with its JSON pointer and key.
func walkStrings(n *asl.Node, ptr, key string, f func(ptr, key, v string)) {
	switch {
	case n.Is(asl.KindString):
		f(ptr, key, n.Str)
	case n.Is(asl.KindObject):
		for _, fl := range n.Fields {
			walkStrings(fl.Value, ptr+"/"+escapePointer(fl.Key), fl.Key, f)
		}
	case n.Is(asl.KindArray):
		for i, it := range n.Items {
			walkStrings(it, fmt.Sprintf("%s/%d", ptr, i), key, f)
		}
	}
}

// walkKeys calls f for every object key with its JSON pointer.
func walkKeys(n *asl.Node, ptr string, f func(ptr, key string)) {
	switch {
	case n.Is(asl.KindObject):
		for _, fl := range n.Fields {
			p := ptr + "/" + escapePointer(fl.Key)
			f(p, fl.Key)
			walkKeys(fl.Value, p, f)
		}
	case n.Is(asl.KindArray):
		for i, it := range n.Items {
			walkKeys(it, fmt.Sprintf("%s/%d", ptr, i), f)
		}
	}
}

func escapePointer(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// Apply writes ${Name} in place of each substituted value of text, as a
// minimal text edit (the rest of the text is unchanged). A substitution
// with an empty name, or an existing placeholder, is left alone.
func Apply(doc *asl.Document, src []byte, subs []Substitution) ([]byte, error) {
	byValue := map[string]string{}
	seen := map[string]bool{}
	for _, s := range subs {
		if s.Kind == "placeholder" || s.Name == "" {
			continue
		}
		if !validName(s.Name) {
			return nil, fmt.Errorf("substitution name %q: use letters and digits, starting with a letter", s.Name)
		}
		if seen[s.Name] {
			return nil, fmt.Errorf("substitution name %q is used twice", s.Name)
		}
		seen[s.Name] = true
		byValue[s.Value] = s.Name
	}
	type edit struct {
		from, to int
		text     string
	}
	var edits []edit
	var visit func(n *asl.Node, key string)
	visit = func(n *asl.Node, key string) {
		switch {
		case n.Is(asl.KindString):
			if name, ok := byValue[n.Str]; ok && !strings.HasSuffix(key, ".$") {
				edits = append(edits, edit{n.Range.Start.Offset, n.Range.End.Offset, `"${` + name + `}"`})
			}
		case n.Is(asl.KindObject):
			for _, f := range n.Fields {
				visit(f.Value, f.Key)
			}
		case n.Is(asl.KindArray):
			for _, it := range n.Items {
				visit(it, key)
			}
		}
	}
	visit(doc.Root, "")
	sort.Slice(edits, func(i, j int) bool { return edits[i].from > edits[j].from })
	out := append([]byte(nil), src...)
	for _, e := range edits {
		if e.from < 0 || e.to > len(out) || e.from >= e.to {
			return nil, fmt.Errorf("cannot locate a value to substitute")
		}
		out = append(out[:e.from], append([]byte(e.text), out[e.to:]...)...)
	}
	return out, nil
}
