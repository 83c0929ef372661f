package schema

import (
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

func (c *checker) taskWarnings(s *asl.State, ptr, ql string) {
	if !s.Node.Has("TimeoutSeconds") && !s.Node.Has("TimeoutSecondsPath") {
		c.warnAt(asl.Append(ptr, "Type"), s.Field("Type"), CodeNoTimeout,
			"Task state %q has no TimeoutSeconds, so it waits up to 99999999 seconds (over three years) if the task never answers. Set TimeoutSeconds.", s.Name)
	}
	if s.Integration.Pattern == asl.WaitForTaskToken {
		payload := s.Parameters
		token := "$$.Task.Token"
		if ql == asl.JSONata {
			payload, token = s.Arguments, "$states.context.Task.Token"
		}
		if !payload.Mentions("Task.Token", true) {
			c.warnAt(asl.Append(ptr, "Resource"), s.Field("Resource"), CodeTaskTokenMissing,
				"Task state %q waits for a task token (.waitForTaskToken) but never passes %s to the service, so nothing can call back and the task waits until it times out. Pass the token in the request.", s.Name, token)
		}
	}
}

func (c *checker) passWarnings(s *asl.State, ptr, ql string) {
	if ql != asl.JSONPath || s.Result == nil {
		return
	}
	c.staticResult(s, asl.Append(ptr, "Result"), s.Result)
}

// staticResult warns where a Pass Result looks dynamic: Result is used as
// written, paths are not evaluated (PASS_RESULT_IS_STATIC).
func (c *checker) staticResult(s *asl.State, ptr string, n *asl.Node) {
	switch n.Kind {
	case asl.KindObject:
		for _, f := range n.Fields {
			fp := asl.Append(ptr, f.Key)
			if strings.HasSuffix(f.Key, ".$") || f.Value.Is(asl.KindString) && looksLikePath(f.Value.Str) {
				c.warnAt(fp, f.Value, CodePassResultStatic,
					"Pass state %q: Result is static, so %q is not evaluated as a path. To build the output from the input, use Parameters instead of Result.", s.Name, f.Key)
				continue
			}
			c.staticResult(s, fp, f.Value)
		}
	case asl.KindArray:
		for i, it := range n.Items {
			c.staticResult(s, asl.AppendIndex(ptr, i), it)
		}
	}
}

func (c *checker) failWarnings(s *asl.State, ptr, ql string) {
	if ql != asl.JSONPath {
		return
	}
	for _, f := range []string{"Error", "Cause"} {
		if v := s.Field(f); v.Is(asl.KindString) && looksLikePath(v.Str) {
			c.warnAt(asl.Append(ptr, f), v, CodeNoPath,
				"Fail state %q: %s holds %q, which looks like a path, but the field name does not end in \"Path\", so it is used as plain text. Use %sPath to read it from the input.", s.Name, f, v.Str, f)
		}
	}
}
