import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../backend/studio";
import { differences, locatePointer, mergeVerdicts } from "./verdicts";

const range = (line: number) => ({ start: { line, column: 1, offset: 0 }, end: { line, column: 2, offset: 1 } }) as Diagnostic["range"];
const ours = (code: string, location: string, severity = "ERROR"): Diagnostic => ({ severity, code, message: code, location, range: range(1) }) as Diagnostic;

describe("mergeVerdicts", () => {
  it("returns ours untouched before AWS was asked", () => {
    const list = [ours("MISSING_END_STATE", "/States/A")];
    expect(mergeVerdicts(list, null, () => undefined)).toBe(list);
  });

  it("marks agreement, our errors AWS did not report, and AWS's findings we missed", () => {
    const list = mergeVerdicts(
      [ours("MISSING_END_STATE", "/States/A"), ours("OWN_ERROR", "/States/B"), ours("NO_DOLLAR", "/States/C", "WARNING")],
      [
        { severity: "ERROR", code: "MISSING_END_STATE", message: "no end", location: "/States/A" },
        { severity: "ERROR", code: "SCHEMA_VALIDATION_FAILED", message: "bad", location: "/States/D/Next" },
      ],
      (p) => (p === "/States/D/Next" ? range(7) : undefined),
    );
    expect(list.map((d) => [d.code, d.verdict, d.source])).toEqual([
      ["MISSING_END_STATE", "both", undefined],
      ["OWN_ERROR", "ours-only", undefined],
      ["NO_DOLLAR", undefined, undefined],
      ["SCHEMA_VALIDATION_FAILED", "aws-only", "aws"],
    ]);
    expect(list[3].range.start.line).toBe(7);
    expect(differences(list)).toBe(2);
  });
});

describe("locatePointer", () => {
  const json = '{\n  "StartAt": "A",\n  "States": {\n    "A": {\n      "Type": "Pass",\n      "Next": "B"\n    }\n  }\n}';
  const yaml = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n";
  const cases: { name: string; text: string; format: "json" | "yaml"; pointer: string; line: number | null }[] = [
    { name: "json field", text: json, format: "json", pointer: "/States/A/Next", line: 6 },
    { name: "json missing field: its state", text: json, format: "json", pointer: "/States/A/End", line: 4 },
    { name: "json whole definition", text: json, format: "json", pointer: "", line: 1 },
    { name: "yaml field", text: yaml, format: "yaml", pointer: "/States/A/Next", line: 5 },
    { name: "not a pointer", text: json, format: "json", pointer: "States", line: null },
  ];
  for (const c of cases) {
    it(c.name, () => expect(locatePointer(c.text, c.format, c.pointer)?.start.line ?? null).toBe(c.line));
  }
});
