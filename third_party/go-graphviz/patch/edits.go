package main

import (
	"fmt"
	"strings"
)

// An edit replaces old, which must occur exactly once in file, with new.
type edit struct {
	file, old, new string
}

// edits are the hand-made changes outside the generated code; STEPSTUDIO.md
// says why each is there.
var edits = []edit{
	// cgraph: the graph descriptors are made on first use, not in init.
	// The variables hold non-nil placeholders from the start, filled in
	// place, so that copies taken before the first use (graphviz.Directed
	// is set in graphviz's init; WithDirectedType(...) may be evaluated
	// before New) are the same descriptors.
	{"cgraph/init.go", "import (\n\t\"context\"\n\n", "import (\n\t\"context\"\n\t\"sync\"\n\n"},
	{"cgraph/init.go", `var (
	Directed         *Desc
	StrictDirected   *Desc
	UnDirected       *Desc
	StrictUnDirected *Desc
)
`, `// Stepstudio patch: never nil (upstream set them in init); Init fills
// them in on first use.
var (
	Directed         = &Desc{}
	StrictDirected   = &Desc{}
	UnDirected       = &Desc{}
	StrictUnDirected = &Desc{}
)
`},
	{"cgraph/init.go", `func init() {
	if err := setGlobalVars(context.Background()); err != nil {
		panic(err)
	}
}
`, `var globalsOnce sync.Once

// Init does, once, what upstream did in this package's init: it quiets
// Graphviz's error printing and fills in the graph descriptors above.
// Stepstudio patch: init instantiated the WASM module in every process;
// the graph constructors (ParseBytes, Open) and graphviz.New and
// NewWithPlugins call Init instead.
func Init() {
	globalsOnce.Do(func() {
		if err := setGlobalVars(context.Background()); err != nil {
			panic(err)
		}
	})
}
`},
	{"cgraph/init.go", `	Directed = toDesc(directed)
	StrictDirected = toDesc(strictDirected)
	UnDirected = toDesc(undirected)
	StrictUnDirected = toDesc(strictUndirected)
`, `	Directed.wasm = directed
	StrictDirected.wasm = strictDirected
	UnDirected.wasm = undirected
	StrictUnDirected.wasm = strictUndirected
`},
	{"cgraph/cgraph.go", "func ParseBytes(bytes []byte) (*Graph, error) {\n", "func ParseBytes(bytes []byte) (*Graph, error) {\n\tInit()\n"},
	{"cgraph/cgraph.go", "func Open(name string, desc *Desc, disc *Disc) (*Graph, error) {\n", "func Open(name string, desc *Desc, disc *Disc) (*Graph, error) {\n\tInit()\n"},

	// graphviz: as upstream, Graphviz's error printing is quiet before the
	// first context is made.
	{"graphviz.go", "func New(ctx context.Context) (*Graphviz, error) {\n", "func New(ctx context.Context) (*Graphviz, error) {\n\tcgraph.Init()\n"},
	{"graphviz.go", "func NewWithPlugins(ctx context.Context, plugins ...Plugin) (*Graphviz, error) {\n", "func NewWithPlugins(ctx context.Context, plugins ...Plugin) (*Graphviz, error) {\n\tcgraph.Init()\n"},
}

func applyEdits(files map[string][]byte) error {
	for _, e := range edits {
		src, ok := files[e.file]
		if !ok {
			return fmt.Errorf("%s: no such file upstream", e.file)
		}
		if n := strings.Count(string(src), e.old); n != 1 {
			return fmt.Errorf("%s: the text to replace occurs %d times, not once:\n%s", e.file, n, e.old)
		}
		files[e.file] = []byte(strings.Replace(string(src), e.old, e.new, 1))
	}
	return nil
}
