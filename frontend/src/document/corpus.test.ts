// Round trip over the real-world corpus (../shared/corpus/realworld beside
// the checkout): every file that parses opens and comes back byte-identical
// without edits, and a rename changes only the lines holding the name and
// its references, with every reference following.
import { expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { DocumentStore } from "./store";
import { openText } from "./open";
import { rename } from "./commands/rename";
import { setField } from "./commands/fields";
import { isObj, transitions, type Obj } from "./machine";
import { pointer } from "./pointer";
import type { Format } from "./textdoc";

const files = import.meta.glob<string>("../../../../shared/corpus/realworld/**/*.{json,yaml,yml,asl}", {
  query: "?raw",
  import: "default",
  eager: true,
});
const definitions = Object.entries(files).filter(([path]) => !path.endsWith(".manifest.json"));

function formatOf(path: string, text: string): Format {
  return /\.ya?ml$/.test(path) || !/^\s*[{[]/.test(text) ? "yaml" : "json";
}

function parseAs(text: string, format: Format): unknown {
  try {
    return format === "yaml" ? parseYaml(text) : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What a rename must give: the key renamed in place, references following. */
function renamed(machine: Obj, from: string, to: string): Obj {
  const out = structuredClone(machine);
  if (out.StartAt === from) out.StartAt = to;
  const states = out.States as Obj;
  out.States = Object.fromEntries(Object.entries(states).map(([k, v]) => [k === from ? to : k, v]));
  for (const s of Object.values(out.States as Obj)) {
    if (!isObj(s)) continue;
    for (const t of transitions(s)) {
      if (t.target !== from) continue;
      let cur: unknown = s;
      for (const k of t.field.slice(0, -1)) cur = (cur as Record<string | number, unknown>)[k];
      (cur as Record<string, unknown>)[t.field[t.field.length - 1] as string] = to;
    }
  }
  return out;
}

test.skipIf(definitions.length === 0)("real-world definitions round-trip without loss", { timeout: 120_000 }, () => {
  let parsed = 0;
  let skipped = 0;
  let identical = 0;
  let renames = 0;
  let linesTouched = 0;
  const failures: string[] = [];
  for (const [path, text] of definitions) {
    const name = path.split("/").pop()!;
    const format = formatOf(path, text);
    const value = parseAs(text, format);
    if (!isObj(value) || !isObj(value.States)) {
      skipped++;
      continue;
    }
    parsed++;

    // Opened, not edited, saved: the same bytes. Setting a field to the
    // value it has must not reformat anything either.
    const store = new DocumentStore(text, format);
    const first = Object.keys(value.States)[0];
    store.run("touch", setField(pointer(["States", first]), "/Type", (value.States[first] as Obj).Type));
    if (store.snapshot().text === text && !store.snapshot().dirty) identical++;
    else failures.push(`${name}: not byte-identical after open/save`);

    // Rename the start state (or the first one).
    const from = typeof value.StartAt === "string" && value.StartAt in value.States ? value.StartAt : first;
    const to = `${from} renamed`;
    const d = openText(text, format);
    try {
      rename(pointer(["States", from]), to)(d);
    } catch (err) {
      failures.push(`${name}: rename failed: ${String(err)}`);
      continue;
    }
    const after = parseAs(d.text, format);
    try {
      expect(after).toEqual(renamed(value, from, to));
    } catch {
      failures.push(`${name}: rename gave the wrong definition`);
      continue;
    }
    const a = text.split("\n");
    const b = d.text.split("\n");
    if (a.length !== b.length) {
      failures.push(`${name}: rename changed the number of lines (${a.length} -> ${b.length})`);
      continue;
    }
    const changed = a.map((line, i) => [line, b[i]] as const).filter(([x, y]) => x !== y);
    const bad = changed.filter(([x, y]) => !x.includes(from) || !y.includes(to));
    if (bad.length > 0) failures.push(`${name}: rename touched lines without the name: ${JSON.stringify(bad[0])}`);
    else renames++;
    linesTouched += changed.length;
  }
  console.log(
    `realworld corpus: ${definitions.length} files, ${parsed} parse as a state machine (${skipped} do not), ` +
      `${identical}/${parsed} byte-identical after open+save, ${renames}/${parsed} renames touch only name lines ` +
      `(${linesTouched} lines changed in all)`,
  );
  expect(failures).toEqual([]);
});

test.runIf(definitions.length === 0)("real-world corpus", () => {
  console.log("skipped: ../shared/corpus/realworld is absent (see the corpus README beside the checkout)");
});
