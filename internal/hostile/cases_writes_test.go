//go:build linux

package hostile

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// writeCases: outputs that would be written through a link, outside the
// folder the user named, or over a file without --force. Nothing outside
// is touched and nothing is left half-written.
func writeCases() []hostileCase {
	const class = "writes: links and folders"
	files := map[string]string{"flow.asl.json": pass, "outside/victim.txt": "precious"}
	c := func(name string, setup func(*testing.T, string), args []string, exit int, want string, post func(string) error) hostileCase {
		return hostileCase{class: class, name: name, files: files, setup: setup, args: args, exit: exit, want: want, post: post, maxSeconds: 10}
	}
	victim := unchanged("outside/victim.txt", "precious")
	leftover := func(t *testing.T, dir string) {
		p := filepath.Join(dir, "out", ".template.yaml.saving-123")
		os.MkdirAll(filepath.Dir(p), 0o755)
		writeFile(t, filepath.Dir(p), filepath.Base(p), "half")
		old := mustTime(t, "2020-01-01T00:00:00Z")
		os.Chtimes(p, old, old)
	}
	return []hostileCase{
		c("export over a symlink to a file outside", symlink("{dir}/outside/victim.txt", "out/template.yaml"),
			[]string{"export", "--to", "sam", "--force", "--out", "out", "flow.asl.json"}, fail, "link", victim),
		c("export over a dangling symlink", symlink("{dir}/outside/created.txt", "out/statemachine/flow.asl.json"),
			[]string{"export", "--to", "sam", "--force", "--out", "out", "flow.asl.json"}, fail, "link", absent("outside/created.txt")),
		c("export into a symlinked subfolder", symlink("{dir}/outside", "out/statemachine"),
			[]string{"export", "--to", "sam", "--force", "--out", "out", "flow.asl.json"}, fail, "link|outside", all(victim, absent("outside/flow.asl.json"))),
		c("export with a name that climbs out", nil,
			[]string{"export", "--to", "sam", "--name", "../../outside/victim", "--out", "out", "flow.asl.json"}, ok, "wrote .*out/statemachine/outside-victim.asl.json", victim),
		c("export refuses to replace without --force", func(t *testing.T, dir string) { writeFile(t, dir, "existing.asl.json", "mine") },
			[]string{"export", "--to", "asl-json", "--name", "existing", "--out", ".", "flow.asl.json"}, fail, "--force", unchanged("existing.asl.json", "mine")),
		c("export cleans an old leftover temp file", leftover,
			[]string{"export", "--to", "sam", "--out", "out", "flow.asl.json"}, ok, "wrote", absent("out/.template.yaml.saving-123")),
		c("graph over a symlink to a file outside", symlink("{dir}/outside/victim.txt", "pic.svg"),
			[]string{"graph", "--format", "svg", "--out", "pic.svg", "flow.asl.json"}, fail, "link", victim),
		c("graph over a dangling symlink", symlink("{dir}/outside/new.svg", "pic.svg"),
			[]string{"graph", "--format", "svg", "--out", "pic.svg", "flow.asl.json"}, fail, "link", absent("outside/new.svg")),
		c("graph into a folder that does not exist", nil,
			[]string{"graph", "--format", "svg", "--out", "no/such/folder/pic.svg", "flow.asl.json"}, fail, "no/such/folder", nil),
		c("graph onto a folder", nil,
			[]string{"graph", "--format", "svg", "--out", "outside", "flow.asl.json"}, fail, "folder|directory", victim),
		c("doc md over a symlinked picture writes none of its files", symlink("{dir}/outside/victim.txt", "out/flow.svg"),
			[]string{"doc", "--format", "md", "--out", "out", "flow.asl.json"}, fail, "link", all(victim, absent("out/flow.md"))),
		c("doc html over a dangling symlink", symlink("{dir}/outside/new.html", "page.html"),
			[]string{"doc", "--out", "page.html", "flow.asl.json"}, fail, "link", absent("outside/new.html")),
		c("graph replaces a file whole", func(t *testing.T, dir string) { writeFile(t, dir, "pic.svg", "old") },
			[]string{"graph", "--format", "svg", "--out", "pic.svg", "flow.asl.json"}, ok, "", nil),
	}
}

func mustTime(t *testing.T, s string) time.Time {
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}
