package schema

import (
	"strconv"
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// subject names what a pointer designates, for messages: the innermost
// state and the field path inside it, e.g. state "Run" and "Retry[0].BackoffRate".
type subject struct {
	state string // "" at machine level
	field string // "" for the state (or the machine) itself
}

func subjectOf(ptr string) subject {
	var s subject
	var field []string
	atMachine := true
	segs := asl.SplitPointer(ptr)
	for i := 0; i < len(segs); i++ {
		seg := segs[i]
		switch {
		case atMachine && seg == "States" && i+1 < len(segs):
			s.state, field, atMachine = segs[i+1], nil, false
			i++
			continue
		case !atMachine && (seg == "ItemProcessor" || seg == "Iterator") && i+1 < len(segs) && segs[i+1] == "States":
			atMachine = true
		case !atMachine && seg == "Branches" && i+2 < len(segs) && segs[i+2] == "States":
			atMachine = true
			i++
			continue
		}
		if _, err := strconv.Atoi(seg); err == nil && len(field) > 0 {
			field[len(field)-1] += "[" + seg + "]"
			continue
		}
		field = append(field, seg)
	}
	s.field = strings.Join(field, ".")
	return s
}

// String renders the subject as the start of a sentence.
func (s subject) String() string {
	switch {
	case s.state == "" && s.field == "":
		return "The definition"
	case s.state == "":
		return "Top-level field " + strconv.Quote(s.field)
	case s.field == "":
		return "State " + strconv.Quote(s.state)
	}
	return "State " + strconv.Quote(s.state) + ", field " + strconv.Quote(s.field) + ","
}

// fieldName is the last named segment of ptr ("BackoffRate" for
// /States/A/Retry/0/BackoffRate).
func fieldName(ptr string) string {
	segs := asl.SplitPointer(ptr)
	for i := len(segs) - 1; i >= 0; i-- {
		if _, err := strconv.Atoi(segs[i]); err != nil {
			return segs[i]
		}
	}
	return ""
}

func article(k asl.Kind) string {
	switch k {
	case asl.KindArray, asl.KindObject:
		return "an " + k.String()
	case asl.KindNull:
		return "null"
	}
	return "a " + k.String()
}
