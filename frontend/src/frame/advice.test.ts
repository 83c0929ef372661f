import { expect, test } from "vitest";
import diagnosticGo from "../../../schema/diagnostic.go?raw";
import { groupHeadline, headline, knowsCode } from "./advice";

// Every code the validator can give has plain words, so the panel never
// shows a stakeholder a bare code.
const codes = [...diagnosticGo.matchAll(/^\s*Code\w+\s*=\s*"([A-Z_]+)"/gm)].map((m) => m[1]);

test("every code of the Go schema has plain words", () => {
  expect(codes.length).toBeGreaterThan(15);
  expect(codes).toContain("PLACEHOLDER_NOT_FILLED");
  for (const c of codes) expect(knowsCode(c), c).toBe(true);
});

test("plain words say what is wrong without ASL words or codes", () => {
  for (const c of codes) {
    const line = headline({ code: c, message: "" });
    expect(line, c).not.toMatch(/[A-Z]{2,}_|\bState\b|Task state|JSON|\$/);
    expect(line.length, c).toBeLessThan(90);
  }
});

test("several of one kind read as one line", () => {
  expect(groupHeadline("TASK_WITHOUT_TIMEOUT", 12)).toBe("12 tasks have no time limit");
  expect(groupHeadline("PLACEHOLDER_NOT_FILLED", 3)).toBe("3 values still need to be filled in");
  expect(groupHeadline("MISSING_DESCRIPTION", 2)).toBe("The workflow is empty (2 places)");
});

test("the palette's blanks read as something to fill in", () => {
  expect(headline({ code: "PLACEHOLDER_NOT_FILLED", message: "" })).toMatch(/^Fill this in/);
});

test("an unknown code shows the validator's message", () => {
  expect(headline({ code: "SOMETHING_NEW", message: "Something new is wrong." })).toBe("Something new is wrong.");
  expect(groupHeadline("SOMETHING_NEW", 2, "Something new is wrong.")).toBe("Something new is wrong. (2 places)");
});

test("a syntax error reads as its own sentence, which says what to type and where", () => {
  const message = "A comma is missing after the value on line 30.";
  expect(headline({ code: "INVALID_JSON_DESCRIPTION", message })).toBe(message);
  expect(headline({ code: "INVALID_JSON_DESCRIPTION", message: "" })).toBe("The code has a typing mistake, so the workflow cannot be read");
});
