package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// File → Export handbook: the extension chosen in the dialog picks the
// format; the sidecar beside the document adds its description.
func TestFilesExportHandbook(t *testing.T) {
	f, desk, dir := newTestFiles(t)
	doc := filepath.Join(dir, "order.asl.json")
	text := string(exampleDefinition)
	if err := os.WriteFile(filepath.Join(dir, "order.studio.json"), []byte(`{"version":1,"workflow":{"description":"Notes from the sidecar."}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	desk.answers = []string{filepath.Join(dir, "out", "book"), filepath.Join(dir, "wiki.md"), ""}
	if err := os.Mkdir(filepath.Join(dir, "out"), 0o755); err != nil {
		t.Fatal(err)
	}
	page, err := f.ExportHandbook(doc, "", "order.asl.json", text)
	if err != nil || page != filepath.Join(dir, "out", "book.html") {
		t.Fatalf("html: %q, %v", page, err)
	}
	data, _ := os.ReadFile(page)
	if !strings.HasPrefix(string(data), "<!DOCTYPE html>") || !strings.Contains(string(data), "Notes from the sidecar.") {
		t.Errorf("book.html is not the handbook:\n%.300s", data)
	}
	md, err := f.ExportHandbook(doc, "", "order.asl.json", text)
	if err != nil || md != filepath.Join(dir, "wiki.md") {
		t.Fatalf("md: %q, %v", md, err)
	}
	for _, name := range []string{"wiki.svg", "wiki.resources.svg"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	if data, _ := os.ReadFile(md); !strings.Contains(string(data), "](wiki.svg)") {
		t.Errorf("wiki.md does not show wiki.svg")
	}
	if path, err := f.ExportHandbook(doc, "", "order.asl.json", text); err != nil || path != "" {
		t.Errorf("cancelled: %q, %v", path, err)
	}
	if _, err := f.ExportHandbook("", "", "x.json", "{not json"); err == nil {
		t.Error("a definition that does not parse made a handbook")
	}
}

// A state machine inside a template has no file of its own: its own notes
// file (T.<LogicalId>.studio.json) gives the handbook its descriptions.
func TestExportHandbookOfATemplateMachine(t *testing.T) {
	f, desk, dir := newTestFiles(t)
	notes := filepath.Join(dir, "template.Checkout.studio.json")
	if err := os.WriteFile(notes, []byte(`{"version":1,"workflow":{"description":"The checkout, as the team describes it."}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	desk.answers = []string{filepath.Join(dir, "checkout.html"), filepath.Join(dir, "x.html")}
	page, err := f.ExportHandbook("", notes, "Checkout", string(exampleDefinition))
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(page); !strings.Contains(string(data), "The checkout, as the team describes it.") {
		t.Errorf("the template machine's notes are not in its handbook")
	}
	if _, err := f.ExportHandbook("", filepath.Join(dir, "template.yaml"), "Checkout", string(exampleDefinition)); err == nil {
		t.Error("a file that is no notes file was read as one")
	}
}
