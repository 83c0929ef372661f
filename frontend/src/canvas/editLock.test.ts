import { expect, test } from "vitest";
import { editLock } from "./editLock";
import type { Diagnostic } from "../backend/studio";

const diag = (code: string, line: number, severity = "ERROR") =>
  ({ code, severity, message: "m", location: "", range: { start: { line, column: 3 }, end: { line, column: 3 } } }) as unknown as Diagnostic;

test("no lock while the text draws", () => {
  expect(editLock({ error: null, diagnostics: [diag("SCHEMA_VALIDATION_FAILED", 4)] })).toBeNull();
});

test("a syntax error locks editing and names its line", () => {
  const d = diag("INVALID_JSON_DESCRIPTION", 30);
  expect(editLock({ error: "line 30, column 21: …", diagnostics: [diag("X", 2, "WARNING"), d] })).toEqual({
    message: "The code has a mistake on line 30; fix it in the code view to edit the diagram.",
    line: 30,
    diagnostic: d,
  });
});

test("a text that parses but cannot be drawn locks too, at its first located error", () => {
  const d = diag("SCHEMA_VALIDATION_FAILED", 1);
  expect(editLock({ error: "The definition must be a JSON object", diagnostics: [d] })).toMatchObject({ line: 1, diagnostic: d });
  expect(editLock({ error: "the layout failed", diagnostics: [diag("X", 2, "WARNING")] })).toEqual({
    message: "The diagram cannot be drawn right now, so it cannot be edited: the layout failed",
    line: null,
    diagnostic: null,
  });
});
