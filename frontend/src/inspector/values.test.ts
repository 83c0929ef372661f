import { describe, expect, test } from "vitest";
import { isExpression, parseField, parseJson, parsePath, showValue } from "./values";

describe("parseField", () => {
  test("an empty field clears (removes) the field", () => {
    for (const k of ["text", "path", "int", "number", "json"] as const) expect(parseField(k, "  ")).toEqual({ ok: true, value: undefined });
  });
  test("whole numbers within limits", () => {
    expect(parseField("int", "30", { min: 1 })).toEqual({ ok: true, value: 30 });
    expect(parseField("int", "1.5")).toEqual({ ok: false, error: "Enter a whole number." });
    expect(parseField("int", "0", { min: 1 })).toEqual({ ok: false, error: "The smallest allowed is 1." });
    expect(parseField("int", "ten")).toMatchObject({ ok: false });
    expect(parseField("int", "1e3")).toEqual({ ok: true, value: 1000 });
  });
  test("numbers", () => {
    expect(parseField("number", "2.5", { min: 1 })).toEqual({ ok: true, value: 2.5 });
    expect(parseField("number", "0.5", { min: 1 })).toMatchObject({ ok: false });
    expect(parseField("number", "Infinity")).toMatchObject({ ok: false });
  });
  test("JSONata states may write numbers as expressions", () => {
    expect(parseField("int", "{% $states.input.t %}", { expression: true })).toEqual({ ok: true, value: "{% $states.input.t %}" });
    expect(parseField("int", "{% $states.input.t %}")).toMatchObject({ ok: false });
    expect(isExpression(" {% 1 %} ")).toBe(true);
    expect(isExpression("{% 1")).toBe(false);
  });
  test("text is kept as typed", () => {
    expect(parseField("text", " hello ")).toEqual({ ok: true, value: " hello " });
  });
});

describe("paths", () => {
  test("start with $", () => {
    expect(parsePath("$.a.b")).toEqual({ ok: true, value: "$.a.b" });
    expect(parsePath("$$.Execution.Id")).toEqual({ ok: true, value: "$$.Execution.Id" });
    expect(parsePath("$['a b']")).toEqual({ ok: true, value: "$['a b']" });
    expect(parsePath("a.b")).toMatchObject({ ok: false });
    expect(parsePath("$.a b")).toMatchObject({ ok: false });
  });
  test("null only where it means discard", () => {
    expect(parsePath("null", true)).toEqual({ ok: true, value: null });
    expect(parsePath("null")).toMatchObject({ ok: false });
  });
});

describe("JSON", () => {
  test("valid JSON of any kind", () => {
    expect(parseJson('{"a": [1, true, null]}')).toEqual({ ok: true, value: { a: [1, true, null] } });
    expect(parseJson('"{% $x %}"')).toEqual({ ok: true, value: "{% $x %}" });
  });
  test("errors say where", () => {
    expect(parseJson('{\n  "a": 1\n  "b": 2\n}')).toEqual({ ok: false, error: "Line 3, column 3: Comma expected." });
    expect(parseJson('{"a": 1,}')).toMatchObject({ ok: false });
    expect(parseJson("{} // note")).toMatchObject({ ok: false });
  });
  test("shown as indented JSON", () => {
    expect(showValue("json", { a: 1 })).toBe('{\n  "a": 1\n}');
    expect(showValue("int", 5)).toBe("5");
    expect(showValue("path", null)).toBe("null");
    expect(showValue("text", undefined)).toBe("");
  });
});
