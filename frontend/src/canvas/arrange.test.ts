import { describe, expect, it } from "vitest";
import type { Diagram, NoteOp, NotesFile, NotesLoaded } from "../backend/studio";
import { DocumentStore } from "../document/store";
import { rename } from "../document/commands/rename";
import { NotesStore, type NotesBackend } from "../notes/notesStore";
import { draggedEdges, moveChange, pinsOf, pinsKey, tidyChange, unpinChange } from "./arrange";
import { applyChange } from "./useArrange";

/** A notes binding over one in-memory file, applying the position ops as Go does. */
function fakeNotes() {
  let file: NotesFile = { version: 1, workflow: {}, states: {} };
  const backend: NotesBackend = {
    loadNotes: async (path): Promise<NotesLoaded> => ({ path, notes: structuredClone(file), orphans: [] }),
    updateNotes: async (path, ops: NoteOp[]) => {
      const f = structuredClone(file);
      f.states ??= {};
      for (const op of ops) {
        if (op.kind === "pin") f.states[op.state] = { ...f.states[op.state], position: { x: op.x, y: op.y } };
        if (op.kind === "unpin" && f.states[op.state]) delete f.states[op.state].position;
        if (op.kind === "unpinAll") for (const e of Object.values(f.states)) delete e.position;
      }
      file = f;
      return { path, notes: structuredClone(file), orphans: [] };
    },
    carryNotes: async () => ({ exists: false }),
  };
  return new NotesStore(backend);
}

const text = `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}}`;
const settle = () => new Promise((r) => setTimeout(r, 0));
const pins = (n: NotesStore) => pinsOf(n.snapshot().notes);

describe("pins in the one undo history", () => {
  it("undoes and redoes moves, tidy up and text edits in the order they were made", async () => {
    const doc = new DocumentStore(text, "json");
    const notes = fakeNotes();
    await notes.attach("/w/flow.studio.json");

    expect(await applyChange(doc, notes, moveChange(pins(notes), { A: { x: 10.4, y: 20.6 } }))).toBe(true);
    expect(doc.run("Rename", rename("/States/B", "Bee")).ok).toBe(true);
    const renamed = doc.snapshot().text;
    expect(await applyChange(doc, notes, moveChange(pins(notes), { A: { x: 300, y: 40 } }))).toBe(true);
    expect(await applyChange(doc, notes, tidyChange(pins(notes)))).toBe(true);
    expect(pins(notes)).toEqual({});
    expect(doc.snapshot().text).toBe(renamed); // moves never touch the text
    expect(doc.snapshot().undoLabel).toBe("Tidy up");

    expect(doc.undo()).toBe("Tidy up");
    await settle();
    expect(pins(notes)).toEqual({ A: { x: 300, y: 40 } });
    expect(doc.undo()).toBe("Move A");
    await settle();
    expect(pins(notes)).toEqual({ A: { x: 10, y: 21 } });
    expect(doc.snapshot().text).toBe(renamed);
    expect(doc.undo()).toBe("Rename");
    expect(doc.snapshot().text).toBe(text);
    expect(pins(notes)).toEqual({ A: { x: 10, y: 21 } });
    expect(doc.undo()).toBe("Move A");
    await settle();
    expect(pins(notes)).toEqual({});
    expect(doc.undo()).toBeUndefined();

    expect(doc.redo()).toBe("Move A");
    await settle();
    expect(pins(notes)).toEqual({ A: { x: 10, y: 21 } });
    expect(doc.redo()).toBe("Rename");
    expect(doc.snapshot().text).toBe(renamed);
    expect(doc.redo()).toBe("Move A");
    expect(doc.redo()).toBe("Tidy up");
    await settle();
    expect(pins(notes)).toEqual({});
    expect(doc.redo()).toBeUndefined();
  });

  it("a new edit after an undo drops the move from redo", async () => {
    const doc = new DocumentStore(text, "json");
    const notes = fakeNotes();
    await notes.attach("/w/flow.studio.json");
    await applyChange(doc, notes, moveChange({}, { B: { x: 1, y: 2 } }));
    doc.undo();
    doc.editText(text + "\n");
    expect(doc.redo()).toBeUndefined();
  });

  it("a move that could not be written (no file yet) is no undo step", async () => {
    const doc = new DocumentStore(text, "json");
    const notes = fakeNotes();
    await notes.attach(null);
    expect(await applyChange(doc, notes, moveChange({}, { A: { x: 1, y: 2 } }))).toBe(false);
    expect(doc.snapshot().undoLabel).toBeUndefined();
    expect(notes.snapshot().error).toMatch(/Save the workflow first/);
  });
});

describe("changes and their inverses", () => {
  it("reverts a move to the previous pin, or to the layout", () => {
    expect(moveChange({ A: { x: 1, y: 2 } }, { A: { x: 5, y: 6 }, B: { x: 7, y: 8 } })).toEqual({
      label: "Move 2 steps",
      redo: [
        { kind: "pin", state: "A", x: 5, y: 6 },
        { kind: "pin", state: "B", x: 7, y: 8 },
      ],
      undo: [{ kind: "pin", state: "A", x: 1, y: 2 }, { kind: "unpin", state: "B" }],
    });
  });
  it("unpins only what is pinned, and tidy up re-pins every one", () => {
    expect(unpinChange({}, "A")).toBeNull();
    expect(unpinChange({ A: { x: 1, y: 2 } }, "A")?.undo).toEqual([{ kind: "pin", state: "A", x: 1, y: 2 }]);
    expect(tidyChange({})).toBeNull();
    expect(tidyChange({ B: { x: 3, y: 4 }, A: { x: 1, y: 2 } })?.undo).toEqual([
      { kind: "pin", state: "A", x: 1, y: 2 },
      { kind: "pin", state: "B", x: 3, y: 4 },
    ]);
  });
  it("keys pins by value", () => {
    expect(pinsKey({ A: { x: 1, y: 2 }, B: { x: 3, y: 4 } })).toBe(pinsKey({ B: { x: 3, y: 4 }, A: { x: 1, y: 2 } }));
    expect(pinsKey({ A: { x: 1, y: 2 } })).not.toBe(pinsKey({ A: { x: 1, y: 3 } }));
  });
});

describe("arrows while dragging", () => {
  const d = {
    width: 400,
    height: 400,
    shift: { x: 0, y: 0 },
    nodes: [
      { id: "/States/A", kind: "state", name: "A", type: "Pass", x: 0, y: 0, width: 100, height: 60 },
      { id: "/States/B", kind: "state", name: "B", type: "Pass", x: 0, y: 200, width: 100, height: 60 },
      { id: "/States/C", kind: "state", name: "C", type: "Pass", x: 0, y: 400, width: 100, height: 60 },
    ],
    edges: [
      { id: "ab", source: "/States/A", target: "/States/B", kind: "next", route: { points: [{ x: 50, y: 60 }, { x: 50, y: 100 }, { x: 50, y: 150 }, { x: 50, y: 190 }], end: { x: 50, y: 200 } } },
      { id: "bc", source: "/States/B", target: "/States/C", kind: "next", route: { points: [{ x: 50, y: 260 }, { x: 50, y: 300 }, { x: 50, y: 350 }, { x: 50, y: 390 }], end: { x: 50, y: 400 } } },
    ],
  } as unknown as Diagram;

  it("redraws only the arrows of the moved box, from side to side", () => {
    const r = draggedEdges(d, new Map([["/States/A", { x: 300, y: 200 }]]));
    expect([...r.keys()]).toEqual(["ab"]);
    const ab = r.get("ab");
    // A is now right of B: the arrow leaves A's left side and tips on B's right side.
    expect(ab?.points[0]).toEqual({ x: 300, y: 230 });
    expect(ab?.end).toEqual({ x: 100, y: 230 });
  });
});
