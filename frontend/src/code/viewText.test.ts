// The code view shows the text and hands edits back without touching what
// was not edited: CRLF, a BOM, tabs and a missing final newline survive
// viewing and editing byte for byte.
import { describe, expect, test } from "vitest";
import { EditorState, type ChangeSpec } from "@codemirror/state";
import { applyViewChanges, toView, viewColumn, type ViewChange } from "./viewText";
import { fixture, fixtures, linesOf } from "../document/testdata/fidelity";

/** What the code view does with a user's edit: CodeMirror state, iterChanges, mapped back. */
function editInEditor(text: string, change: (view: string) => ChangeSpec, pastesCR = false): string {
  const v = toView(text);
  const state = EditorState.create({ doc: v.view, extensions: [EditorState.lineSeparator.of("\n")] });
  expect(state.doc.toString()).toBe(v.view);
  const tr = state.update({ changes: change(v.view) });
  const changes: ViewChange[] = [];
  tr.changes.iterChanges((from, to, _fb, _tb, inserted) => changes.push({ from, to, insert: inserted.toString() }));
  const next = applyViewChanges(v, changes);
  // What the editor shows afterwards is the view of the new text (a pasted
  // "\r" stays a character in the editor until the view catches up).
  if (pastesCR) expect(toView(next).view).toBe(tr.state.doc.toString().replace(/\r/g, ""));
  else expect(toView(next).view).toBe(tr.state.doc.toString());
  return next;
}

test("the fixtures have what they are named for", () => {
  expect(fixtures.map((f) => f.name).sort()).toEqual(["bom-nofinal.asl.yaml", "crlf-bom-tabs.asl.json", "crlf.asl.yaml", "mixed-tabs.asl.json"]);
  const json = fixture("crlf-bom-tabs.asl.json").text;
  expect(json.startsWith("\uFEFF{\r\n\t")).toBe(true);
  expect(json.endsWith("}")).toBe(true);
  expect(fixture("crlf.asl.yaml").text.endsWith("Succeed\r\n")).toBe(true);
  expect(fixture("bom-nofinal.asl.yaml").text.startsWith("\uFEFF#")).toBe(true);
  expect(fixture("mixed-tabs.asl.json").text).toMatch(/[^\r]\n/);
  expect(fixture("mixed-tabs.asl.json").text).toMatch(/\r\n/);
});

describe.each(fixtures)("$name", ({ text }) => {
  test("viewing it changes nothing", () => {
    const v = toView(text);
    expect(v.view).not.toMatch(/\r\n|^\uFEFF/);
    expect(v.view.split("\n")).toHaveLength(text.split("\n").length);
    expect(applyViewChanges(v, [])).toBe(text);
  });

  test("an edit on one line changes only that line", () => {
    const next = editInEditor(text, (view) => {
      const at = view.indexOf("Charge card");
      return { from: at, to: at + "Charge".length, insert: "Bill" };
    });
    const before = linesOf(text);
    const after = linesOf(next);
    expect(after).toHaveLength(before.length);
    const changed = after.map((l, i) => (l === before[i] ? -1 : i)).filter((i) => i >= 0);
    expect(changed).toHaveLength(1);
    expect(after[changed[0]]).toBe(before[changed[0]].replace("Charge card", "Bill card"));
  });

  test("a new line is written with the file's line ending; the BOM and the end of the file stay", () => {
    const v = toView(text);
    const next = editInEditor(text, (view) => {
      const at = view.indexOf("\n", view.indexOf("Charge card"));
      return { from: at, insert: "\n  extra" };
    });
    expect(next.startsWith("\uFEFF")).toBe(text.startsWith("\uFEFF"));
    expect(next.endsWith("\n")).toBe(text.endsWith("\n"));
    expect(next).toContain(`${v.eol}  extra${v.eol}`);
    expect(next.replace(`${v.eol}  extra`, "")).toBe(text);
  });
});

test("line breaks pasted from elsewhere take the file's ending", () => {
  const crlf = fixture("crlf.asl.yaml").text;
  const pasted = editInEditor(crlf, (view) => ({ from: view.indexOf("Done:"), insert: "X:\n    Type: Pass\r\n  " }), true);
  expect(pasted).toContain("  X:\r\n    Type: Pass\r\n  Done:\r\n");
  expect(pasted).not.toMatch(/[^\r]\n/);
  const lf = fixture("bom-nofinal.asl.yaml").text;
  expect(editInEditor(lf, () => ({ from: 0, insert: "# a\r\n" }), true)).toBe("\uFEFF# a\n" + lf.slice(1));
});

test("deleting a CRLF line break joins the lines; selecting all and retyping keeps the BOM", () => {
  const text = "\uFEFFa\r\nb\r\nc";
  expect(editInEditor(text, () => ({ from: 1, to: 2 }))).toBe("\uFEFFab\r\nc");
  expect(editInEditor(text, (view) => ({ from: 0, to: view.length, insert: "x\ny" }))).toBe("\uFEFFx\r\ny");
});

test("a lone CR of a mixed file stays where it is", () => {
  const text = "a\rb\r\nc\n";
  const v = toView(text);
  expect(v.view).toBe("a\rb\nc\n");
  expect(editInEditor(text, () => ({ from: 6, insert: "d" }))).toBe("a\rb\r\nc\nd");
});

test("Go's columns (code points) become view offsets", () => {
  expect(viewColumn(1, '{"a": 1}')).toBe(0);
  expect(viewColumn(3, "😀😀x")).toBe(4); // two astral characters are four units
  expect(viewColumn(99, "ab")).toBe(2);
});
