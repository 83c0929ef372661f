// The help under each inspector field is the field table's description
// (code/fieldDoc.ts, from schema/fieldtable): the inspector writes labels,
// never its own help for an ASL field. These tests read the inspector's
// sources for help written by hand and check every table field it shows
// has a description.
import { describe, expect, test } from "vitest";
import table from "../code/fields.json";
import { fieldDoc } from "../code/fieldDoc";
import { fieldSpecs, shownKeys, timingSpecs, type FieldSpec } from "./fields";
import { retrierSpecs } from "./errors/RetryList";
import { mapSpecs } from "./map/MapForm";

// The inspector's sources as text, tests left out.
const raw = import.meta.glob(["./**/*.ts", "./**/*.tsx", "!./**/*.test.ts", "!./**/*.test.tsx"], { query: "?raw", import: "default", eager: true }) as Record<string, string>;
const files = Object.entries(raw).map(([file, text]) => ({ file, text }));

// Help that describes no field of ASL, so the table has nothing to say:
// the state's name (a key of States) and the S3 API's parameters inside a
// reader's or writer's Parameters, and a note on a rule the builder cannot show.
const notTableFields = [
  "References to this step follow a rename.",
  "The name of the S3 bucket.",
  "Only files whose name starts with this (empty: the whole bucket).",
  "The inventory's manifest.json.",
  "The file's name (its key) in the bucket.",
  "The S3 bucket the result files go to (empty: results are returned).",
  "Put the result files under this folder.",
  "The builder does not know this condition; edit it as JSON.",
];

// Fields shown without help: the choice among a Wait's four fields (the
// chosen field below it has its help).
const withoutHelp = ['<Field pointer="" label="Wait for">'];

describe("every help the inspector shows comes from the table", () => {
  test("no help is written by hand", () => {
    const literal = /help[=:]\s*\{?\s*(?:[^,}\n]*?\?\s*)?(["'`])((?:(?!\1).)*)\1/g;
    const found: string[] = [];
    for (const { file, text } of files)
      for (const m of text.matchAll(literal)) if (!notTableFields.includes(m[2])) found.push(`${file}: ${m[0]}`);
    expect(found).toEqual([]);
    // The exceptions are still there (else the list is stale).
    const all = files.map((f) => f.text).join("\n");
    for (const h of notTableFields) expect(all, h).toContain(h);
  });

  test("every field has help", () => {
    const missing: string[] = [];
    for (const { file, text } of files)
      for (const m of text.matchAll(/<Field\s[^>]*>/g)) if (!m[0].includes("help=") && !withoutHelp.includes(m[0])) missing.push(`${file}: ${m[0]}`);
    expect(missing).toEqual([]);
  });

  test("each description the inspector names is in the table", () => {
    const calls = /(?:fieldDoc|specOf)\("(\w+)",\s*"(\w+)"/g;
    let n = 0;
    for (const { file, text } of files)
      for (const m of text.matchAll(calls)) {
        n++;
        expect(fieldDoc(m[1], m[2]), `${file}: ${m[1]}.${m[2]}`).not.toBe("");
      }
    expect(n).toBeGreaterThan(30);
  });

  const specs: [string, FieldSpec[]][] = [
    ["Task", [...Object.values(fieldSpecs).filter((s) => s.key !== "Result"), ...timingSpecs("JSONPath"), ...timingSpecs("JSONata")]],
    ["Pass", [fieldSpecs.Result]],
    ["Retrier", retrierSpecs],
    ["Map", [...mapSpecs("JSONPath"), ...mapSpecs("JSONata")]],
  ];
  test.each(specs)("the %s fields' help is the table's description", (object, list) => {
    for (const s of list) {
      expect(s.help, `${object}.${s.key}`).toBe(fieldDoc(object, s.key));
      expect(s.help, `${object}.${s.key}`).not.toBe("");
    }
  });

  test("every table field a state form shows has a description", () => {
    for (const type of table.stateTypes)
      for (const lang of ["JSONPath", "JSONata"] as const)
        for (const key of shownKeys(type, lang)) {
          const inTable = (table.objects as Record<string, { name: string }[]>)[type].some((f) => f.name === key);
          if (inTable) expect(fieldDoc(type, key), `${type}.${key}`).not.toBe("");
        }
  });
});
