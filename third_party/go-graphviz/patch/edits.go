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
	{"cgraph/init.go", "import (\n\t\"context\"\n\n", "import (\n\t\"context\"\n\t\"sync\"\n\n"},
	{"cgraph/init.go", `func init() {
	if err := setGlobalVars(context.Background()); err != nil {
		panic(err)
	}
}
`, `var globalsOnce sync.Once

// Init sets the graph descriptors above. Stepstudio patch: upstream did this
// in init, which instantiated the WASM module in every process; the graph
// constructors (ParseBytes, Open) and graphviz.New call it instead.
func Init() {
	globalsOnce.Do(func() {
		if err := setGlobalVars(context.Background()); err != nil {
			panic(err)
		}
	})
}
`},
	{"cgraph/cgraph.go", "func ParseBytes(bytes []byte) (*Graph, error) {\n", "func ParseBytes(bytes []byte) (*Graph, error) {\n\tInit()\n"},
	{"cgraph/cgraph.go", "func Open(name string, desc *Desc, disc *Disc) (*Graph, error) {\n", "func Open(name string, desc *Desc, disc *Disc) (*Graph, error) {\n\tInit()\n"},

	// graphviz: its copies of the descriptors are set by New.
	{"alias.go", "import (\n\t\"github.com/goccy/go-graphviz/cdt\"\n", "import (\n\t\"sync\"\n\n\t\"github.com/goccy/go-graphviz/cdt\"\n"},
	{"alias.go", `// variables from cgraph package.
var (
	Directed         = cgraph.Directed
	StrictDirected   = cgraph.StrictDirected
	UnDirected       = cgraph.UnDirected
	StrictUnDirected = cgraph.StrictUnDirected
)
`, `// variables from cgraph package. Stepstudio patch: set by New and
// NewWithPlugins (cgraph creates them on first use, no longer in its init).
var (
	Directed         *GraphDescriptor
	StrictDirected   *GraphDescriptor
	UnDirected       *GraphDescriptor
	StrictUnDirected *GraphDescriptor
)

var descriptorsOnce sync.Once

func initDescriptors() {
	descriptorsOnce.Do(func() {
		cgraph.Init()
		Directed = cgraph.Directed
		StrictDirected = cgraph.StrictDirected
		UnDirected = cgraph.UnDirected
		StrictUnDirected = cgraph.StrictUnDirected
	})
}
`},
	{"graphviz.go", "func New(ctx context.Context) (*Graphviz, error) {\n", "func New(ctx context.Context) (*Graphviz, error) {\n\tinitDescriptors()\n"},
	{"graphviz.go", "func NewWithPlugins(ctx context.Context, plugins ...Plugin) (*Graphviz, error) {\n", "func NewWithPlugins(ctx context.Context, plugins ...Plugin) (*Graphviz, error) {\n\tinitDescriptors()\n"},
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
