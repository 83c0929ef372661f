package asl

// ErrorAll is the wildcard error name matching every error.
const ErrorAll = "States.ALL"

// Retrier is one Retry rule.
type Retrier struct {
	Node            *Node
	Comment         string
	ErrorEquals     []string
	IntervalSeconds *int64   // default 1
	MaxAttempts     *int64   // default 3; 0 means never retry
	BackoffRate     *float64 // default 2.0
	MaxDelaySeconds *int64
	JitterStrategy  string // "FULL" or "NONE" (default)
}

// Catcher is one Catch rule.
type Catcher struct {
	Node        *Node
	Comment     string
	ErrorEquals []string
	Next        string
	ResultPath  *PathValue // JSONPath
	Output      *Node      // JSONata
	Assign      *Node
}

func decodeRetry(n *Node) []*Retrier {
	if !n.Is(KindArray) {
		return nil
	}
	out := make([]*Retrier, 0, len(n.Items))
	for _, r := range n.Items {
		out = append(out, &Retrier{
			Node: r, Comment: str(r, "Comment"), ErrorEquals: strList(r, "ErrorEquals"),
			IntervalSeconds: intPtr(r, "IntervalSeconds"), MaxAttempts: intPtr(r, "MaxAttempts"),
			BackoffRate: floatPtr(r, "BackoffRate"), MaxDelaySeconds: intPtr(r, "MaxDelaySeconds"),
			JitterStrategy: str(r, "JitterStrategy"),
		})
	}
	return out
}

func decodeCatch(n *Node) []*Catcher {
	if !n.Is(KindArray) {
		return nil
	}
	out := make([]*Catcher, 0, len(n.Items))
	for _, c := range n.Items {
		out = append(out, &Catcher{
			Node: c, Comment: str(c, "Comment"), ErrorEquals: strList(c, "ErrorEquals"), Next: str(c, "Next"),
			ResultPath: pathPtr(c, "ResultPath"), Output: c.Get("Output"), Assign: c.Get("Assign"),
		})
	}
	return out
}
