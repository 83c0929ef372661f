package handbook

import (
	"slices"
	"strconv"
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// said is what the handbook says of one state.
type said struct {
	says  []Phrase
	rules []Phrase
	uses  []use
	human bool
}

// describe generates the sentences of s, a state in a machine whose
// query language is lang; within is "" at the top level, "branch" inside
// a Parallel and "item" inside a Map: an End there ends the branch or the
// item, not the workflow.
func describe(s *asl.State, lang string, within string) said {
	nested := within != ""
	var out said
	add := func(p Phrase) {
		if len(p) > 0 {
			out.says = append(out.says, sentence(p))
		}
	}
	switch s.Type {
	case asl.TypeTask:
		c := taskCall(s)
		add(c.says)
		out.uses, out.human = c.uses, c.human
		add(timeouts(s))
	case asl.TypePass:
		add(pass(s, lang))
	case asl.TypeChoice:
		add(words("decides where to go next"))
		out.rules = choiceRules(s)
	case asl.TypeWait:
		add(wait(s))
	case asl.TypeSucceed:
		if within == "item" {
			add(words("ends this item successfully"))
		} else if nested {
			add(words("ends this branch successfully"))
		} else {
			add(words("ends the workflow successfully"))
		}
	case asl.TypeFail:
		add(fail(s, within))
	case asl.TypeParallel:
		add(parallel(s))
	case asl.TypeMap:
		p, uses := mapState(s)
		add(p)
		out.uses = uses
	case "":
		add(words("has no type, so it does nothing yet"))
	default:
		add(Phrase{{Words, "is a state of unknown type "}, {Code, s.Type}})
	}
	for _, r := range s.Retry {
		add(retry(r))
	}
	for _, c := range s.Catch {
		add(catch(c))
	}
	add(assign(s.Assign))
	add(next(s, within))
	return out
}

// pass says what a Pass state hands on.
func pass(s *asl.State, lang string) Phrase {
	switch {
	case lang == asl.JSONata && s.Output != nil:
		return Phrase{{Words, "passes on new data computed from its input ("}, {Code, "Output"}, {Words, ")"}}
	case s.Result != nil:
		return words("passes on a fixed result written in the definition")
	case s.Parameters != nil:
		return Phrase{{Words, "reshapes its input ("}, {Code, "Parameters"}, {Words, ") and passes it on"}}
	}
	return words("passes its input on unchanged")
}

func wait(s *asl.State) Phrase {
	var b phraser
	switch {
	case s.Seconds != nil:
		return b.w("waits " + duration(*s.Seconds)).phrase()
	case s.SecondsPath != "":
		return b.w("waits as many seconds as ").add(pathWords(s.SecondsPath)).w(" says").phrase()
	case s.Timestamp != "":
		if e, ok := expression(s.Timestamp); ok {
			return b.w("waits until a time decided at run time (").c(e).w(")").phrase()
		}
		return b.w("waits until ").c(s.Timestamp).phrase()
	case s.TimestampPath != "":
		return b.w("waits until the time in ").add(pathWords(s.TimestampPath)).phrase()
	}
	if v := s.Field("Seconds"); v.Is(asl.KindString) {
		e, ok := expression(v.Str)
		if !ok {
			e = v.Str
		}
		return b.w("waits for a number of seconds decided at run time (").c(e).w(")").phrase()
	}
	return words("waits (for how long is not given)")
}

func fail(s *asl.State, within string) Phrase {
	var b phraser
	switch within {
	case "item":
		b.w("stops this item as failed")
	case "branch":
		b.w("stops this branch as failed")
	default:
		b.w("stops the workflow as failed")
	}
	switch {
	case s.ErrorPath != "":
		b.w(" with the error found in ").c(s.ErrorPath)
	case s.Error != "":
		if e, ok := expression(s.Error); ok {
			b.w(" with an error decided at run time (").c(e).w(")")
		} else {
			b.w(" with the error ").c(s.Error)
		}
	}
	switch {
	case s.CausePath != "":
		b.w(", cause found in ").c(s.CausePath)
	case s.Cause != "":
		if e, ok := expression(s.Cause); ok {
			b.w(", cause decided at run time (").c(e).w(")")
		} else {
			b.w(", cause: “" + s.Cause + "”")
		}
	}
	return b.phrase()
}

func parallel(s *asl.State) Phrase {
	var b phraser
	n := len(s.Branches)
	if n == 0 {
		return words("runs branches at the same time, but has none")
	}
	starts := make([]Phrase, 0, n)
	for _, br := range s.Branches {
		if br.StartAt != "" {
			starts = append(starts, Phrase{{StepRef, br.StartAt}})
		}
	}
	b.w("runs " + plural(int64(n), "branch") + " at the same time")
	if n == 1 {
		b.p[0].Text = "runs 1 branch"
	}
	if len(starts) > 0 {
		b.w(" (starting with ").add(joinPhrases(starts, "and")).w(")")
	}
	return b.w(" and waits until all of them finish; if one fails, the others are stopped").phrase()
}

func timeouts(s *asl.State) Phrase {
	var b phraser
	if n, v := numberField(s, "TimeoutSeconds", s.TimeoutSeconds, s.TimeoutSecondsPath); v.Present {
		if v.Runtime {
			b.w("it gives up after a time decided at run time (").c(v.Text).w(")")
		} else {
			b.w("it gives up after " + duration(n))
		}
	}
	if n, v := numberField(s, "HeartbeatSeconds", s.HeartbeatSeconds, s.HeartbeatSecondsPath); v.Present {
		if len(b.p) > 0 {
			b.w(", and ")
		} else {
			b.w("it ")
		}
		if v.Runtime {
			b.w("expects a sign of life (heartbeat) at intervals decided at run time (").c(v.Text).w(")")
		} else {
			b.w("expects a sign of life (heartbeat) at least every " + duration(n))
		}
	}
	return b.phrase()
}

// retry is "retries 3 times on X, 2 seconds apart, doubling each time, at
// most 30 seconds apart"; the ASL defaults (1 second, 3 attempts, rate 2)
// apply to what the rule leaves out.
func retry(r *asl.Retrier) Phrase {
	attempts, interval, rate := int64(3), int64(1), 2.0
	if r.MaxAttempts != nil {
		attempts = *r.MaxAttempts
	}
	if r.IntervalSeconds != nil {
		interval = *r.IntervalSeconds
	}
	if r.BackoffRate != nil {
		rate = *r.BackoffRate
	}
	var b phraser
	if attempts <= 0 {
		return b.w("does not retry on ").add(errorList(r.ErrorEquals)).phrase()
	}
	b.w("on ").add(errorList(r.ErrorEquals)).w(" it retries " + times(attempts))
	if attempts == 1 {
		return b.w(" after " + duration(interval)).add(jitter(r)).phrase()
	}
	b.w(", " + duration(interval) + " apart")
	switch {
	case rate == 1:
		b.w(", always the same wait")
	case rate == 2:
		b.w(", doubling the wait each time")
	default:
		b.w(", the wait growing " + number(rate) + " times each time")
	}
	if r.MaxDelaySeconds != nil && rate != 1 {
		b.w(", at most " + duration(*r.MaxDelaySeconds) + " apart")
	}
	return b.add(jitter(r)).phrase()
}

func jitter(r *asl.Retrier) Phrase {
	if r.JitterStrategy == "FULL" {
		return words(" (each wait shortened at random, so retries spread out)")
	}
	return nil
}

// catch is "if X happens, goes to Y".
func catch(c *asl.Catcher) Phrase {
	var b phraser
	b.w("if ").add(errorList(c.ErrorEquals)).w(" happens (after any retries), it goes to ")
	if c.Next == "" {
		return b.w("(no step given)").phrase()
	}
	return b.s(c.Next).phrase()
}

// assign names the variables a state sets.
func assign(n *asl.Node) Phrase {
	if !n.Is(asl.KindObject) || len(n.Fields) == 0 {
		return nil
	}
	var names []string
	for _, f := range n.Fields {
		if k := strings.TrimSuffix(f.Key, ".$"); !slices.Contains(names, k) {
			names = append(names, k)
		}
	}
	noun := "variable"
	if len(names) > 1 {
		noun = "variables"
	}
	return Phrase{{Words, "it sets the " + noun + " "}}.with(codeList(names, "and"))
}

func (p Phrase) with(q Phrase) Phrase { return append(p, q...) }

// next says where the state goes when it is done.
func next(s *asl.State, within string) Phrase {
	switch {
	case s.Type == asl.TypeChoice || s.Type == asl.TypeSucceed || s.Type == asl.TypeFail:
		return nil
	case s.Next != "":
		return Phrase{{Words, "then it goes to "}, {StepRef, s.Next}}
	case s.End && within == "item":
		return words("then this item is done")
	case s.End && within != "":
		return words("then this branch ends")
	case s.End:
		return words("then the workflow ends")
	}
	return words("it has no next step yet")
}

// mapState says where a Map's items come from and how they are run.
func mapState(s *asl.State) (Phrase, []use) {
	var b phraser
	var uses []use
	b.w("for each item ")
	switch {
	case s.ItemReader != nil:
		r := s.ItemReader
		kind := "objects"
		if r.ReaderConfig != nil && r.ReaderConfig.InputType != "" {
			kind = "a " + r.ReaderConfig.InputType + " file"
		} else if r.Integration.Action == "getObject" {
			kind = "a JSON file"
		}
		bucket := field(r.Parameters, "Bucket")
		if !bucket.Present {
			bucket = field(r.Arguments, "Bucket")
		}
		b.w("read from " + kind + " in ").add(target(services["s3"], bucket))
		uses = append(uses, use{"S3 buckets", "S3 bucket", presentOr(bucket)})
	case s.ItemsPath != nil && s.ItemsPath.Path != "" && s.ItemsPath.Path != "$":
		b.w("in ").add(pathWords(s.ItemsPath.Path))
	case s.Items != nil && s.Items.Is(asl.KindString):
		e, ok := expression(s.Items.Str)
		if !ok {
			e = s.Items.Str
		}
		b.w("of ").c(e)
	case s.Items != nil && s.Items.Is(asl.KindArray):
		b.w("of the " + plural(int64(len(s.Items.Items)), "item") + " listed in the definition")
	default:
		b.w("in its input")
	}
	b.w(", it runs the steps below")
	if s.ItemProcessor != nil && s.ItemProcessor.StartAt != "" {
		b.w(" (starting with ").s(s.ItemProcessor.StartAt).w(")")
	}
	if s.Distributed() {
		typ := s.ItemProcessor.ProcessorConfig.ExecutionType
		if typ == "" {
			typ = "STANDARD"
		}
		b.w(" as separate child workflows (Distributed Map, " + typ + ")")
	}
	if n, v := numberField(s, "MaxConcurrency", s.MaxConcurrency, s.MaxConcurrencyPath); v.Present {
		switch {
		case v.Runtime:
			b.w(", as many at a time as decided at run time (").c(v.Text).w(")")
		case n == 0:
			b.w(", as many at a time as possible")
		case n == 1:
			b.w(", one at a time")
		default:
			b.w(", up to " + strconv.FormatInt(n, 10) + " at a time")
		}
	} else {
		b.w(", as many at a time as possible")
	}
	if bt := s.ItemBatcher; bt != nil && bt.MaxItemsPerBatch != nil {
		b.w(", in batches of up to " + plural(*bt.MaxItemsPerBatch, "item"))
	}
	if n, v := numberField(s, "ToleratedFailureCount", s.ToleratedFailureCount, s.ToleratedFailureCountPath); v.Present {
		if v.Runtime {
			b.w("; it tolerates a number of failed items decided at run time (").c(v.Text).w(")")
		} else {
			b.w("; it tolerates up to " + plural(n, "failed item"))
		}
	}
	if s.ToleratedFailurePercentage != nil {
		b.w("; it tolerates up to " + number(*s.ToleratedFailurePercentage) + "% failed items")
	} else if s.ToleratedFailurePercentagePath != "" {
		b.w("; it tolerates a share of failed items given by ").add(pathWords(s.ToleratedFailurePercentagePath))
	}
	if w := s.ResultWriter; w != nil {
		bucket := field(w.Parameters, "Bucket")
		if !bucket.Present {
			bucket = field(w.Arguments, "Bucket")
		}
		b.w("; it writes the results to ").add(target(services["s3"], bucket))
		uses = append(uses, use{"S3 buckets", "S3 bucket", presentOr(bucket)})
	}
	return b.phrase(), uses
}

func presentOr(v value) value {
	if v.Present {
		return v
	}
	return value{Text: "not named in the definition", Runtime: true}
}
