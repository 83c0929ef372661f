import { expect, test } from "vitest";
import { DocumentStore } from "./store";
import { rename } from "./commands/rename";
import { deleteStates } from "./commands/remove";
import { setMachineField } from "./commands/fields";
import { mergeWindowMs } from "./history";

const text = `{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}`;

function clockedStore() {
  let now = 1000;
  const store = new DocumentStore(text, "json", () => now);
  return { store, tick: (ms: number) => (now += ms) };
}

test("quick typing is one undo step; a pause starts a new one", () => {
  const { store, tick } = clockedStore();
  store.editText(text + " ");
  tick(200);
  store.editText(text + "  ");
  tick(mergeWindowMs + 1);
  store.editText(text + "   ");
  expect(store.undo()).toBe("Edit code");
  expect(store.snapshot().text).toBe(text + "  ");
  expect(store.undo()).toBe("Edit code");
  expect(store.snapshot().text).toBe(text);
  expect(store.undo()).toBeUndefined();
});

test("a canvas command between keystrokes keeps typing apart from it", () => {
  const { store, tick } = clockedStore();
  store.editText(text.replace("Pass", "Pass "));
  tick(10);
  expect(store.run("Rename", rename("/States/A", "B")).ok).toBe(true);
  tick(10);
  store.editText(store.snapshot().text + "\n");
  expect(store.undo()).toBe("Edit code");
  expect(store.undo()).toBe("Rename");
  expect(store.undo()).toBe("Edit code");
  expect(store.snapshot().text).toBe(text);
});

test("dirty follows the text as opened or saved, through undo and redo", () => {
  const { store } = clockedStore();
  expect(store.snapshot().dirty).toBe(false);
  store.run("Rename", rename("/States/A", "B"));
  expect(store.snapshot().dirty).toBe(true);
  store.markSaved();
  expect(store.snapshot().dirty).toBe(false);
  store.undo();
  expect(store.snapshot().dirty).toBe(true);
  store.redo();
  expect(store.snapshot().dirty).toBe(false);
});

test("opening another document clears the history", () => {
  const { store } = clockedStore();
  store.run("Rename", rename("/States/A", "B"));
  store.open("StartAt: X\nStates: {}\n", "yaml");
  expect(store.snapshot()).toMatchObject({ format: "yaml", dirty: false, undoLabel: undefined, origin: "open" });
  expect(store.undo()).toBeUndefined();
});

test("a new edit after undo drops the redo side", () => {
  const { store } = clockedStore();
  store.run("Rename", rename("/States/A", "B"));
  store.undo();
  store.run("Rename", rename("/States/A", "C"));
  expect(store.redo()).toBeUndefined();
  expect(store.snapshot().text).toContain('"C"');
});

test("subscribers hear every change; snapshots are stable between changes", () => {
  const { store } = clockedStore();
  let calls = 0;
  const off = store.subscribe(() => calls++);
  const before = store.snapshot();
  expect(store.snapshot()).toBe(before);
  store.run("Rename", rename("/States/A", "B"));
  store.undo();
  off();
  store.redo();
  expect(calls).toBe(2);
});

test("while the text does not parse, commands are refused and change nothing; typing and undo go on", () => {
  const { store, tick } = clockedStore();
  const broken = text.replace(`"A", "States"`, `"A" "States"`);
  store.editText(broken);
  const out = store.run("Rename", rename("/States/A", "B"));
  expect(out).toEqual({ ok: false, error: "The code has a mistake on line 1; fix it in the code view to edit the diagram." });
  expect(store.snapshot()).toMatchObject({ text: broken, undoLabel: "Edit code" });
  tick(mergeWindowMs + 1);
  expect(store.undo()).toBe("Edit code");
  expect(store.run("Rename", rename("/States/A", "B")).ok).toBe(true);
});

test.each([
  ["json", '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Pass", "End": true},\n  }\n}', 5],
  ["json", '{\n  "StartAt": "A",\n  "States": {"A": {"Type": "Pass", "End": true}}\n', 4],
  ["json", '{\n  // a comment\n  "StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}', 2],
  ["yaml", "StartAt: A\nStates:\n  A:\n\tType: Pass\n", 4],
  ["yaml", "\uFEFFStartAt: A\nStates:\n  A: {Type: Pass, End: true\n", 4],
] as const)("a %s text with a mistake refuses commands (case %#)", (format, broken, line) => {
  const store = new DocumentStore(broken, format);
  const out = store.run("Delete", deleteStates(["/States/A"]));
  expect(out.ok).toBe(false);
  expect(out.ok ? "" : out.error).toContain(`line ${line};`);
  expect(store.snapshot().text).toBe(broken);
});

test("repeated YAML keys are the validator's to report: editing goes on", () => {
  const store = new DocumentStore("StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n  A:\n    Type: Pass\n    End: true\n", "yaml");
  expect(store.run("Comment", setMachineField("Comment", "x")).ok).toBe(true);
});
