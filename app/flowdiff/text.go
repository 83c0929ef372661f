package flowdiff

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// summary is the one sentence a reviewer reads first, in plain words:
// "steps" are states, "connections" transitions.
func summary(c Counts) string {
	var steps []string
	add := func(n int, what string) {
		if n > 0 {
			steps = append(steps, strconv.Itoa(n)+" "+what)
		}
	}
	add(c.Changed, "changed")
	add(c.Added, "added")
	add(c.Removed, "removed")
	add(c.Renamed, "renamed")
	add(c.Moved, "moved on the diagram only")
	var parts []string
	if len(steps) > 0 {
		// "3 steps changed, 1 added": the noun goes with the first number.
		first := steps[0]
		n, rest, _ := strings.Cut(first, " ")
		noun := "steps"
		if n == "1" {
			noun = "step"
		}
		steps[0] = n + " " + noun + " " + rest
		parts = append(parts, strings.Join(steps, ", "))
	}
	var conns []string
	if c.TransitionsAdded > 0 {
		conns = append(conns, strconv.Itoa(c.TransitionsAdded)+" added")
	}
	if c.TransitionsRemoved > 0 {
		conns = append(conns, strconv.Itoa(c.TransitionsRemoved)+" removed")
	}
	if len(conns) > 0 {
		n, rest, _ := strings.Cut(conns[0], " ")
		noun := "connections"
		if n == "1" {
			noun = "connection"
		}
		conns[0] = n + " " + noun + " " + rest
		parts = append(parts, strings.Join(conns, ", "))
	}
	if c.MachineChanges > 0 {
		parts = append(parts, "workflow settings changed ("+strconv.Itoa(c.MachineChanges)+")")
	}
	if len(parts) == 0 {
		return "No differences."
	}
	return strings.Join(parts, "; ") + "."
}

// statusWord is how the text format marks each state.
var statusWord = map[Status]string{
	Added: "+ added", Removed: "- removed", Changed: "~ changed", Renamed: "> renamed", Moved: "· moved",
}

// WriteText prints r for a pull-request comment or a terminal: the summary,
// then each state with its field changes, then the connections.
func WriteText(w io.Writer, r *Result) error {
	var b strings.Builder
	b.WriteString(r.Summary + "\n")
	if r.LayoutOnly {
		b.WriteString("Only pinned positions differ; the workflow itself is the same.\n")
	}
	if len(r.Machine) > 0 {
		b.WriteString("\nWorkflow:\n")
		for _, c := range r.Machine {
			b.WriteString("    " + changeLine(c) + "\n")
		}
	}
	if len(r.States) > 0 {
		b.WriteString("\nSteps:\n")
	}
	for _, s := range r.States {
		fmt.Fprintf(&b, "  %-10s %s (%s)", statusWord[s.Status], s.Name, typeOr(s.Type))
		switch {
		case s.Status == Renamed && s.Edited:
			fmt.Fprintf(&b, ", was %s, also edited", s.OldName)
		case s.Status == Renamed:
			fmt.Fprintf(&b, ", was %s", s.OldName)
		}
		if s.Parent != "" {
			fmt.Fprintf(&b, " in %s", s.ParentName)
		}
		b.WriteString("\n")
		for _, c := range s.Changes {
			b.WriteString("      " + changeLine(c) + "\n")
		}
		if s.PositionMoved {
			fmt.Fprintf(&b, "      position: %s → %s\n", pointText(s.From), pointText(s.To))
		}
	}
	if len(r.Transitions) > 0 {
		b.WriteString("\nConnections:\n")
	}
	for _, t := range r.Transitions {
		mark := "+"
		if t.Op == OpRemoved {
			mark = "-"
		}
		from := t.From
		if from == "" {
			from = "(start)"
		}
		fmt.Fprintf(&b, "  %s %s → %s  [%s]\n", mark, from, t.To, via(t))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// changeLine is "Path: old → new", "+ Path: new" or "- Path: old".
func changeLine(c Change) string {
	switch c.Op {
	case OpAdded:
		return "+ " + c.Path + ": " + oneLine(c.New)
	case OpRemoved:
		return "- " + c.Path + ": " + oneLine(c.Old)
	}
	return "~ " + c.Path + ": " + oneLine(c.Old) + " → " + oneLine(c.New)
}

// oneLine keeps a multi-line JSONata expression on its line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

func pointText(p *Point) string {
	if p == nil {
		return "not pinned"
	}
	return "(" + strconv.FormatFloat(p.X, 'f', -1, 64) + ", " + strconv.FormatFloat(p.Y, 'f', -1, 64) + ")"
}

func typeOr(t string) string {
	if t == "" {
		return "no Type"
	}
	return t
}

// via names the field a connection comes from: "Next", "Default",
// "Choices 2", "Catch 1 (States.ALL)", "StartAt Branches 2".
func via(t TransitionDiff) string {
	switch {
	case t.Label == "":
		return t.Kind
	case t.Kind == "Choice" || t.Kind == "Catch":
		return t.Label
	}
	return t.Kind + " " + t.Label
}
