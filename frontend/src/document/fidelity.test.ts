// Canvas and inspector edits on files whose bytes are the point (CRLF, a
// byte order mark, tabs, no final newline, mixed endings): the document
// opens clean, an edit changes only its own lines in the file's own
// style, and undo gives back the very bytes.
import { describe, expect, test } from "vitest";
import { DocumentStore } from "./store";
import { rename } from "./commands/rename";
import { deleteStates } from "./commands/remove";
import { insertStateOnEdge } from "./commands/insert";
import { setMachineField } from "./commands/fields";
import { openText } from "./open";
import { fixtures, linesOf } from "./testdata/fidelity";

const endsOf = (text: string) => ({ bom: text.startsWith("\uFEFF"), finalNewline: text.endsWith("\n"), crlf: (text.match(/\r\n/g) ?? []).length });

describe.each(fixtures)("$name", ({ text, format }) => {
  test("opens clean and reads as the definition", () => {
    const store = new DocumentStore();
    store.open(text, format);
    expect(store.snapshot()).toMatchObject({ text, dirty: false });
    expect(openText(text, format).value).toMatchObject({ StartAt: "Check stock" });
  });

  test("a rename changes only the lines holding the name; undo restores the bytes", () => {
    const store = new DocumentStore(text, format);
    expect(store.run("Rename", rename("/States/Charge card", "Bill card")).ok).toBe(true);
    const after = store.snapshot().text;
    const before = linesOf(text);
    const changed = linesOf(after).filter((l, i) => l !== before[i]);
    expect(changed).toHaveLength(2); // the state's key and the Next naming it
    for (const l of changed) expect(l).toContain("Bill card");
    expect(endsOf(after)).toEqual(endsOf(text));
    store.undo();
    expect(store.snapshot()).toMatchObject({ text, dirty: false });
  });

  test("deleting and inserting states keep the BOM, the line endings and the end of the file", () => {
    const store = new DocumentStore(text, format);
    expect(store.run("Delete", deleteStates(["/States/Charge card"])).ok).toBe(true);
    const del = store.snapshot().text;
    expect(endsOf(del).bom).toBe(endsOf(text).bom);
    expect(endsOf(del).finalNewline).toBe(endsOf(text).finalNewline);
    expect(store.run("Add", insertStateOnEdge("/States/Check stock/Next", { name: "Wait", state: { Type: "Wait", Seconds: 5 } })).ok).toBe(true);
    const ins = store.snapshot().text;
    expect(endsOf(ins).bom).toBe(endsOf(text).bom);
    expect(endsOf(ins).finalNewline).toBe(endsOf(text).finalNewline);
    if (!/[^\r]\n/.test(text)) expect(ins).not.toMatch(/[^\r]\n/); // a CRLF file stays CRLF
    if (!text.includes("\r")) expect(ins).not.toContain("\r");
    if (format === "json" && text.includes("\n\t")) expect(ins).toMatch(/\n\t\t"Wait": \{\r?\n\t\t\t"Type": "Wait"/);
  });
});

test("a YAML edit the Document API prints (a flow mapping) keeps CRLF and the BOM", () => {
  const text = "\uFEFFStartAt: A\r\nStates:\r\n  A: {Type: Pass, End: true}\r\n";
  const d = openText(text, "yaml");
  setMachineField("Comment", "orders")(d);
  expect(d.text.startsWith("\uFEFF")).toBe(true);
  expect(d.text).not.toMatch(/[^\r]\n/);
  expect(openText(d.text, "yaml").value).toMatchObject({ Comment: "orders", StartAt: "A" });
});
