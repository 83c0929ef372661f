import { describe, expect, it } from "vitest";
import { plainData, plainError, plainValue } from "./plain";

describe("plainValue", () => {
  it.each([
    [null, "empty"],
    [true, "yes"],
    [false, "no"],
    [42, "42"],
    ["ORD-1042", "ORD-1042"],
    ["", "empty"],
    [[], "none"],
    [[1, 2, 3], "1, 2, 3"],
    [{}, "empty"],
    [{ sku: "A1", quantity: 2 }, "sku: A1, quantity: 2"],
    [[1, 2, 3, 4, 5, 6], null],
    [[{ sku: "A1" }], null],
    [{ a: { b: 1 } }, null],
    ["x".repeat(81), null],
  ])("%j -> %j", (v, want) => {
    expect(plainValue(v)).toBe(want);
  });
});

describe("plainData", () => {
  it("lists a small object as key: value rows", () => {
    expect(plainData('{"orderId":"ORD-1042","total":99.5,"valid":true,"customer":{"id":"C7"}}')).toEqual({
      kind: "fields",
      rows: [
        { key: "orderId", value: "ORD-1042" },
        { key: "total", value: "99.5" },
        { key: "valid", value: "yes" },
        { key: "customer", value: "id: C7" },
      ],
    });
  });

  it("shows a single value as itself", () => {
    expect(plainData("1")).toEqual({ kind: "value", text: "1" });
    expect(plainData('"hello"')).toEqual({ kind: "value", text: "hello" });
    expect(plainData("[1,2,3]")).toEqual({ kind: "value", text: "1, 2, 3" });
    expect(plainData("{}")).toEqual({ kind: "value", text: "empty" });
  });

  it("sums up a field too big for a line, its JSON to unfold", () => {
    const order = { orderId: "ORD-1", items: [{ sku: "A1" }, { sku: "B2" }], customer: { id: "C7", name: "Ana", tier: "gold", since: 2019 } };
    expect(plainData(JSON.stringify(order))).toEqual({
      kind: "fields",
      rows: [
        { key: "orderId", value: "ORD-1" },
        { key: "items", value: "a list of 2 items", json: JSON.stringify(order.items, null, 2) },
        { key: "customer", value: "4 fields: id, name, tier, since", json: JSON.stringify(order.customer, null, 2) },
      ],
    });
  });

  it("folds a big list into JSON with a summary", () => {
    const list = plainData(JSON.stringify([{ a: 1 }, { a: 2 }]));
    expect(list).toMatchObject({ kind: "json", summary: "a list of 2 items" });
  });

  it("an object with more than eight fields is big, even when each is small", () => {
    const o = Object.fromEntries([..."abcdefghi"].map((k, i) => [k, i]));
    const p = plainData(JSON.stringify(o));
    expect(p).toMatchObject({ kind: "json", summary: "9 fields: a, b, c, d, …" });
    if (p.kind === "json") expect(JSON.parse(p.text)).toEqual(o);
  });

  it("shows text that is not JSON as it is, and nothing as none", () => {
    expect(plainData("not json")).toEqual({ kind: "value", text: "not json" });
    expect(plainData(undefined)).toEqual({ kind: "none" });
  });
});

describe("plainError", () => {
  it.each([
    ["States.Timeout", "", "It took too long and was stopped"],
    ["States.NoChoiceMatched", "", "No rule of the choice matched the data, and there is no default"],
    ["Declined", "no funds", "It failed with the error “Declined”"],
    [undefined, undefined, "It failed"],
  ])("%s", (error, cause, words) => {
    expect(plainError(error, cause)).toEqual({ words, code: error ?? "", cause: cause ?? "" });
  });
});
