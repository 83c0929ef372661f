import { describe, expect, it } from "vitest";
import type { NoteOp, NotesFile, NotesLoaded } from "../backend/studio";
import { NotesStore, descriptionOf, threadsOf, type NotesBackend } from "./notesStore";

/** A fake Notes binding over one in-memory file per path, applying ops as Go does (the ones tests use). */
function fakeBackend() {
  const disk = new Map<string, NotesFile>();
  const calls: { path: string; ops: NoteOp[] }[] = [];
  const file = (p: string) => disk.get(p) ?? { version: 1, workflow: {}, states: {} };
  const loaded = (path: string): NotesLoaded => ({ path, notes: structuredClone(file(path)), orphans: [] });
  const backend: NotesBackend = {
    loadNotes: async (path) => loaded(path),
    updateNotes: async (path, ops) => {
      calls.push({ path, ops });
      const f = structuredClone(file(path));
      f.states ??= {};
      for (const op of ops) {
        if (op.kind === "describe") f.states[op.state] = { ...f.states[op.state], description: op.text };
        if (op.kind === "rename") {
          f.states[op.to] = f.states[op.state];
          delete f.states[op.state];
        }
        if (op.kind === "comment") (f.states[op.state] ??= {}).threads = [{ id: "t", comments: [{ id: "c", author: "A", time: "", text: op.text }] }];
      }
      disk.set(path, f);
      return loaded(path);
    },
    carryNotes: async (from, to, overwrite) => {
      const [src, dst] = [from.replace(/\.asl\.\w+$/, ".studio.json"), to.replace(/\.asl\.\w+$/, ".studio.json")];
      if (disk.has(dst) && !overwrite) return { exists: true };
      if (disk.has(src)) disk.set(dst, structuredClone(file(src)));
      return { exists: false };
    },
  };
  return { backend, disk, calls };
}

const states = (...names: string[]) => names.map((name) => ({ name, type: "Task" }));

describe("NotesStore", () => {
  it("follows a rename: one state gone and one of its type added", async () => {
    const { backend, calls } = fakeBackend();
    const s = new NotesStore(backend);
    await s.attach("/w/flow.studio.json");
    s.setStates(states("Charge", "Ship"));
    await s.apply([{ kind: "describe", state: "Charge", text: "Takes the money." }]);
    s.setStates(states("Charge card", "Ship"));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.at(-1)?.ops).toEqual([{ kind: "rename", state: "Charge", to: "Charge card" }]);
    expect(descriptionOf(s.snapshot().notes, "Charge card")).toBe("Takes the money.");
    expect(s.snapshot().orphans).toEqual([]);
  });

  it("does not take a delete and an add of another type for a rename; the notes become an orphan", async () => {
    const { backend, calls } = fakeBackend();
    const s = new NotesStore(backend);
    await s.attach("/w/flow.studio.json");
    s.setStates(states("Charge", "Ship"));
    await s.apply([{ kind: "describe", state: "Charge", text: "x" }]);
    s.setStates([{ name: "Wait a bit", type: "Wait" }, ...states("Ship")]);
    expect(calls).toHaveLength(1);
    expect(s.snapshot().orphans).toEqual(["Charge"]);
  });

  it("keeps no notes for a document without a file, and says why", async () => {
    const s = new NotesStore(fakeBackend().backend);
    await s.attach(null);
    expect(await s.apply([{ kind: "comment", state: "A", text: "hi" }])).toBe(false);
    expect(s.snapshot().error).toMatch(/Save the workflow first/);
    expect(s.snapshot().needsSave).toBe(true); // the banner offers Save…
    s.dismissError();
    expect(s.snapshot()).toMatchObject({ error: null, needsSave: false });
  });

  it("carries the notes through Save As, asking before it replaces notes under the new name", async () => {
    const { backend, disk } = fakeBackend();
    const s = new NotesStore(backend);
    await s.attach("/w/a.studio.json");
    s.setStates(states("A"));
    await s.apply([{ kind: "comment", state: "A", text: "from a" }]);
    disk.set("/w/b.studio.json", { version: 1, workflow: {}, states: { B: { description: "b's own" } } });
    await s.attach("/w/b.studio.json");
    await s.carry("/w/a.asl.json", "/w/b.asl.json");
    expect(s.snapshot().carryConflict).toEqual({ from: "/w/a.asl.json", to: "/w/b.asl.json" });
    expect(descriptionOf(s.snapshot().notes, "B")).toBe("b's own");
    await s.resolveCarry(true);
    expect(threadsOf(s.snapshot().notes).map((t) => t.thread.comments[0].text)).toEqual(["from a"]);
    expect(s.snapshot().carryConflict).toBeNull();
  });

  it("refresh shows what another writer added, keeping what was written here", async () => {
    const { backend, disk } = fakeBackend();
    const s = new NotesStore(backend);
    await s.attach("/w/flow.studio.json");
    s.setStates(states("A", "B"));
    await s.apply([{ kind: "describe", state: "A", text: "mine" }]);
    // Another studio writes the file (as Go's Update does: on top of what is there).
    const f = structuredClone(disk.get("/w/flow.studio.json")!);
    f.states!.B = { description: "theirs" };
    disk.set("/w/flow.studio.json", f);
    expect(descriptionOf(s.snapshot().notes, "B")).toBe("");
    await s.refresh();
    expect(descriptionOf(s.snapshot().notes, "A")).toBe("mine");
    expect(descriptionOf(s.snapshot().notes, "B")).toBe("theirs");
  });
});
