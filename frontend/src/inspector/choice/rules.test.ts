import { describe, expect, test } from "vitest";
import { describe as say, fromJson, operandError, operators, readOperand, toJson, updateAt, withOperator, type Rule } from "./rules";

describe("rule JSON <-> model", () => {
  const cases: Record<string, unknown>[] = [
    { Variable: "$.amount", NumericGreaterThan: 100 },
    { Variable: "$.amount", NumericGreaterThanPath: "$.limit" },
    { Variable: "$.ok", BooleanEquals: false },
    { Variable: "$.name", StringMatches: "log-*.txt" },
    { Variable: "$.at", TimestampLessThanEquals: "2026-01-01T00:00:00Z" },
    { Variable: "$.x", IsPresent: true },
    { And: [{ Variable: "$.a", NumericEquals: 1 }, { Or: [{ Variable: "$.b", StringEquals: "x" }, { Not: { Variable: "$.c", IsNull: true } }] }] },
  ];
  test.each(cases)("%j round-trips", (json) => expect(toJson(fromJson(json))).toEqual(json));

  test("Next and the other rule fields are not part of the condition", () => {
    expect(fromJson({ Variable: "$.a", StringEquals: "x", Next: "B", Comment: "c" })).toEqual({ kind: "compare", variable: "$.a", op: "StringEquals", path: false, value: "x" });
  });
  test("unknown conditions stay as they are", () => {
    const r = fromJson({ Variable: "$.a", SomethingNew: 1, Next: "B" });
    expect(r.kind).toBe("raw");
    expect(toJson(r)).toEqual({ Variable: "$.a", SomethingNew: 1 });
  });
  test("every operator is there, with a Path form where ASL has one", () => {
    const names = operators.map((o) => o.name);
    expect(names).toHaveLength(23);
    for (const n of ["StringEquals", "StringMatches", "NumericLessThanEquals", "BooleanEquals", "TimestampGreaterThan", "IsTimestamp"]) expect(names).toContain(n);
    expect(operators.filter((o) => o.pathForm)).toHaveLength(16);
  });
});

describe("typed operands", () => {
  test("validated by the operator's type", () => {
    expect(operandError("NumericEquals", false, 3)).toBeNull();
    expect(operandError("NumericEquals", false, "3")).toBe("Enter a number.");
    expect(operandError("TimestampEquals", false, "2026-01-31T12:00:00Z")).toBeNull();
    expect(operandError("TimestampEquals", false, "yesterday")).toMatch(/time like/);
    expect(operandError("StringEquals", true, "$.other")).toBeNull();
    expect(operandError("StringEquals", true, "other")).toMatch(/path/);
    expect(operandError("IsPresent", false, true)).toBeNull();
  });
  test("read from text", () => {
    expect(readOperand("NumericEquals", false, "2.5")).toBe(2.5);
    expect(readOperand("NumericEquals", false, "abc")).toBe("abc");
    expect(readOperand("BooleanEquals", false, "false")).toBe(false);
    expect(readOperand("StringEquals", false, "42")).toBe("42");
  });
  test("changing the operator keeps an operand that still fits", () => {
    const r = { kind: "compare", variable: "$.a", op: "NumericEquals", path: false, value: 5 } as const;
    expect(withOperator(r, "NumericLessThan")).toMatchObject({ op: "NumericLessThan", value: 5 });
    expect(withOperator(r, "StringEquals")).toMatchObject({ op: "StringEquals", value: "" });
    expect(withOperator({ ...r, path: true, value: "$.b" }, "StringMatches")).toMatchObject({ path: false, value: "" });
  });
});

test("edits deep in the tree", () => {
  const r = fromJson({ And: [{ Variable: "$.a", NumericEquals: 1 }, { Not: { Variable: "$.b", IsNull: true } }] });
  const changed = updateAt(r, [1, 0], (x) => ({ ...(x as Extract<Rule, { kind: "compare" }>), value: false }))!;
  expect(toJson(changed)).toEqual({ And: [{ Variable: "$.a", NumericEquals: 1 }, { Not: { Variable: "$.b", IsNull: false } }] });
  expect(toJson(updateAt(r, [0], () => null)!)).toEqual({ And: [{ Not: { Variable: "$.b", IsNull: true } }] });
});

test("rules read as conditions", () => {
  expect(say(fromJson({ Variable: "$.amount", NumericGreaterThan: 100 }))).toBe("$.amount > 100");
  expect(say(fromJson({ Or: [{ Variable: "$.a", StringEquals: "x" }, { Not: { Variable: "$.b", IsPresent: true } }] }))).toBe('$.a = "x" or not ($.b is present)');
  expect(say(fromJson({ Variable: "$.a", NumericLessThanPath: "$.b" }))).toBe("$.a < $.b");
});
