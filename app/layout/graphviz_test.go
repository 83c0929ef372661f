package layout_test

// go-graphviz's values that upstream computes from its WASM module, and a
// PNG render, must be what pristine upstream gives. Stepstudio's copy
// (third_party/go-graphviz) starts the module on first use, not in init, and
// once froze package-level copies of these values before the module ran:
// cgraph.EDGE was 4, gvc.DeviceDoesPages 0, gvc.RenderYGoesDown 0, and
// graphviz.PNG rendered a blank image.

import (
	"bytes"
	"context"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"github.com/goccy/go-graphviz"
	"github.com/goccy/go-graphviz/cgraph"
	"github.com/goccy/go-graphviz/gvc"

	"github.com/stepstudio/stepstudio/app/layout"
)

type graphvizValue struct {
	name  string
	value int64
}

// upstreamValues are what pristine go-graphviz v0.2.9 gives, whose init
// instantiates the module and sets them: printed by a throwaway program
// built against the module from the module cache (go mod download
// github.com/goccy/go-graphviz@v0.2.9; wazero v1.12.0 as this repository's
// go.mod selects, since v1.8.1's compiler crashes under Go 1.26), reading
// each of these variables after its init.
var upstreamValues = []graphvizValue{
	{"cgraph.GRAPH", 0},
	{"cgraph.NODE", 1},
	{"cgraph.OUTEDGE", 2},
	{"cgraph.INEDGE", 3},
	{"cgraph.EDGE", 2},
	{"gvc.DeviceDoesPages", 32},
	{"gvc.DeviceDoesLayers", 64},
	{"gvc.DeviceEvents", 128},
	{"gvc.DeviceDoesTrueColor", 256},
	{"gvc.DeviceBinaryFormat", 512},
	{"gvc.DeviceCompressedFormat", 1024},
	{"gvc.DeviceNoWriter", 2048},
	{"gvc.RenderYGoesDown", 4096},
	{"gvc.RenderDoesTransform", 8192},
	{"gvc.RenderDoesLabels", 32768},
	{"gvc.RenderDoesMaps", 65536},
	{"gvc.RenderDoesMapRectangle", 131072},
	{"gvc.RenderDoesMapCircle", 262144},
	{"gvc.RenderDoesMapPolygon", 524288},
	{"gvc.RenderDoesMapEllipse", 1048576},
	{"gvc.RenderDoesMapBspline", 2097152},
	{"gvc.RenderDoesTooltips", 4194304},
	{"gvc.RenderDoesTargets", 8388608},
	{"gvc.RenderDoesZ", 16777216},
	{"gvc.RenderNoWhiteBg", 33554432},
	{"gvc.HSVADouble", 0},
	{"gvc.RGBAByte", 1},
	{"gvc.RGBAWord", 2},
	{"gvc.RGBADouble", 3},
	{"gvc.ColorString", 4},
	{"gvc.ColorIndex", 5},
	{"gvc.LabelPlain", 0},
	{"gvc.LabelHTML", 1},
	{"gvc.FillNone", 0},
	{"gvc.FillSolid", 1},
	{"gvc.FillLinear", 2},
	{"gvc.FillRadial", 3},
	{"gvc.PenNone", 0},
	{"gvc.PenDashed", 1},
	{"gvc.PenDotted", 2},
	{"gvc.PenSolid", 3},
	{"gvc.RootGraphObjectType", 0},
	{"gvc.ClusterObjectType", 1},
	{"gvc.NodeObjectType", 2},
	{"gvc.EdgeObjectType", 3},
	{"gvc.ImageTypeNull", 0},
	{"gvc.ImageTypeBMP", 1},
	{"gvc.ImageTypeGIF", 2},
	{"gvc.ImageTypePNG", 3},
	{"gvc.ImageTypeJPEG", 4},
	{"gvc.ImageTypePDF", 5},
	{"gvc.ImageTypePS", 6},
	{"gvc.ImageTypeEPS", 7},
	{"gvc.ImageTypeSVG", 8},
	{"gvc.ImageTypeXML", 9},
	{"gvc.ImageTypeRIFF", 10},
	{"gvc.ImageTypeWEBP", 11},
	{"gvc.ImageTypeICO", 12},
	{"gvc.ImageTypeTIFF", 13},
}

// graphvizValues reads the variables of upstreamValues as they are now.
func graphvizValues() []graphvizValue {
	return []graphvizValue{
		{"cgraph.GRAPH", int64(cgraph.GRAPH)},
		{"cgraph.NODE", int64(cgraph.NODE)},
		{"cgraph.OUTEDGE", int64(cgraph.OUTEDGE)},
		{"cgraph.INEDGE", int64(cgraph.INEDGE)},
		{"cgraph.EDGE", int64(cgraph.EDGE)},
		{"gvc.DeviceDoesPages", int64(gvc.DeviceDoesPages)},
		{"gvc.DeviceDoesLayers", int64(gvc.DeviceDoesLayers)},
		{"gvc.DeviceEvents", int64(gvc.DeviceEvents)},
		{"gvc.DeviceDoesTrueColor", int64(gvc.DeviceDoesTrueColor)},
		{"gvc.DeviceBinaryFormat", int64(gvc.DeviceBinaryFormat)},
		{"gvc.DeviceCompressedFormat", int64(gvc.DeviceCompressedFormat)},
		{"gvc.DeviceNoWriter", int64(gvc.DeviceNoWriter)},
		{"gvc.RenderYGoesDown", int64(gvc.RenderYGoesDown)},
		{"gvc.RenderDoesTransform", int64(gvc.RenderDoesTransform)},
		{"gvc.RenderDoesLabels", int64(gvc.RenderDoesLabels)},
		{"gvc.RenderDoesMaps", int64(gvc.RenderDoesMaps)},
		{"gvc.RenderDoesMapRectangle", int64(gvc.RenderDoesMapRectangle)},
		{"gvc.RenderDoesMapCircle", int64(gvc.RenderDoesMapCircle)},
		{"gvc.RenderDoesMapPolygon", int64(gvc.RenderDoesMapPolygon)},
		{"gvc.RenderDoesMapEllipse", int64(gvc.RenderDoesMapEllipse)},
		{"gvc.RenderDoesMapBspline", int64(gvc.RenderDoesMapBspline)},
		{"gvc.RenderDoesTooltips", int64(gvc.RenderDoesTooltips)},
		{"gvc.RenderDoesTargets", int64(gvc.RenderDoesTargets)},
		{"gvc.RenderDoesZ", int64(gvc.RenderDoesZ)},
		{"gvc.RenderNoWhiteBg", int64(gvc.RenderNoWhiteBg)},
		{"gvc.HSVADouble", int64(gvc.HSVADouble)},
		{"gvc.RGBAByte", int64(gvc.RGBAByte)},
		{"gvc.RGBAWord", int64(gvc.RGBAWord)},
		{"gvc.RGBADouble", int64(gvc.RGBADouble)},
		{"gvc.ColorString", int64(gvc.ColorString)},
		{"gvc.ColorIndex", int64(gvc.ColorIndex)},
		{"gvc.LabelPlain", int64(gvc.LabelPlain)},
		{"gvc.LabelHTML", int64(gvc.LabelHTML)},
		{"gvc.FillNone", int64(gvc.FillNone)},
		{"gvc.FillSolid", int64(gvc.FillSolid)},
		{"gvc.FillLinear", int64(gvc.FillLinear)},
		{"gvc.FillRadial", int64(gvc.FillRadial)},
		{"gvc.PenNone", int64(gvc.PenNone)},
		{"gvc.PenDashed", int64(gvc.PenDashed)},
		{"gvc.PenDotted", int64(gvc.PenDotted)},
		{"gvc.PenSolid", int64(gvc.PenSolid)},
		{"gvc.RootGraphObjectType", int64(gvc.RootGraphObjectType)},
		{"gvc.ClusterObjectType", int64(gvc.ClusterObjectType)},
		{"gvc.NodeObjectType", int64(gvc.NodeObjectType)},
		{"gvc.EdgeObjectType", int64(gvc.EdgeObjectType)},
		{"gvc.ImageTypeNull", int64(gvc.ImageTypeNull)},
		{"gvc.ImageTypeBMP", int64(gvc.ImageTypeBMP)},
		{"gvc.ImageTypeGIF", int64(gvc.ImageTypeGIF)},
		{"gvc.ImageTypePNG", int64(gvc.ImageTypePNG)},
		{"gvc.ImageTypeJPEG", int64(gvc.ImageTypeJPEG)},
		{"gvc.ImageTypePDF", int64(gvc.ImageTypePDF)},
		{"gvc.ImageTypePS", int64(gvc.ImageTypePS)},
		{"gvc.ImageTypeEPS", int64(gvc.ImageTypeEPS)},
		{"gvc.ImageTypeSVG", int64(gvc.ImageTypeSVG)},
		{"gvc.ImageTypeXML", int64(gvc.ImageTypeXML)},
		{"gvc.ImageTypeRIFF", int64(gvc.ImageTypeRIFF)},
		{"gvc.ImageTypeWEBP", int64(gvc.ImageTypeWEBP)},
		{"gvc.ImageTypeICO", int64(gvc.ImageTypeICO)},
		{"gvc.ImageTypeTIFF", int64(gvc.ImageTypeTIFF)},
	}
}

// valuesAtStart is read in this package's init: after every package's
// init, before any test, so before anything here lays out a graph.
var (
	valuesAtStart         = graphvizValues()
	instantiationsAtStart = graphviz.WASMInstantiations()
)

func TestGraphvizValuesAreUpstreams(t *testing.T) {
	check := func(when string, got []graphvizValue) {
		t.Helper()
		if len(got) != len(upstreamValues) {
			t.Fatalf("%s: %d values, want %d", when, len(got), len(upstreamValues))
		}
		for i, want := range upstreamValues {
			if got[i] != want {
				t.Errorf("%s: %s = %d, upstream gives %d", when, got[i].name, got[i].value, want.value)
			}
		}
	}
	if instantiationsAtStart != 0 {
		t.Errorf("the WASM module was instantiated %d times by the end of init, want 0", instantiationsAtStart)
	}
	check("at start, before the WASM module", valuesAtStart)
	if _, err := layout.Layout(context.Background(), parallelGraph()); err != nil {
		t.Fatal(err)
	}
	check("after a layout", graphvizValues())
}

// descriptorsAtStart are graphviz's graph descriptors as read in init, as
// a program may read them before it starts Graphviz (upstream made them
// in cgraph's init).
var descriptorsAtStart = []*graphviz.GraphDescriptor{graphviz.Directed, graphviz.StrictDirected, graphviz.UnDirected, graphviz.StrictUnDirected}

func TestGraphvizDescriptorsReadBeforeStart(t *testing.T) {
	ctx := context.Background()
	g, err := graphviz.New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	for i, want := range []string{"digraph", "strict digraph", "graph", "strict graph"} {
		desc := descriptorsAtStart[i]
		if desc == nil {
			t.Errorf("%s: descriptor read at start is nil", want)
			continue
		}
		graph, err := g.Graph(graphviz.WithName("G"), graphviz.WithDirectedType(desc))
		if err != nil {
			t.Fatal(err)
		}
		a, err := graph.CreateNodeByName("a")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := graph.CreateEdgeByName("e", a, a); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := g.Render(ctx, graph, graphviz.XDOT, &buf); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); !strings.HasPrefix(got, want+" G {") {
			t.Errorf("graph made with the descriptor read at start: %q, want a %s", firstLine(got), want)
		}
		graph.Close()
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// Upstream renders digraph { a -> b } as an 83x155 PNG on an opaque white
// background with 461 pixels of another colour (throwaway program as
// above). The size is Graphviz's own (it estimates text widths itself);
// the count depends on the fonts found for the labels, so only its being
// non-zero is checked.
func TestGraphvizRendersPNG(t *testing.T) {
	ctx := context.Background()
	g, err := graphviz.New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	graph, err := graphviz.ParseBytes([]byte("digraph { a -> b }"))
	if err != nil {
		t.Fatal(err)
	}
	defer graph.Close()
	var buf bytes.Buffer
	if err := g.Render(ctx, graph, graphviz.PNG, &buf); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if b.Dx() != 83 || b.Dy() != 155 {
		t.Errorf("PNG is %dx%d, upstream's 83x155", b.Dx(), b.Dy())
	}
	bg := color.RGBA64Model.Convert(img.At(b.Min.X, b.Min.Y))
	if white := (color.RGBA64{0xffff, 0xffff, 0xffff, 0xffff}); bg != white {
		t.Errorf("background (the top-left pixel) is %v, upstream's is opaque white", bg)
	}
	drawn := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if color.RGBA64Model.Convert(img.At(x, y)) != bg {
				drawn++
			}
		}
	}
	if drawn == 0 {
		t.Error("PNG is blank: every pixel is the background's colour")
	}
}
