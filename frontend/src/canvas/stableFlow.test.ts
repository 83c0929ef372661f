import { expect, test } from "vitest";
import { reuse, same } from "./stableFlow";

test("same compares structure, not identity", () => {
  expect(same({ a: [1, { b: "x" }] }, { a: [1, { b: "x" }] })).toBe(true);
  expect(same({ a: [1, { b: "x" }] }, { a: [1, { b: "y" }] })).toBe(false);
  expect(same({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  expect(same([1], { 0: 1 })).toBe(false);
  expect(same(null, {})).toBe(false);
});

test("reuse keeps unchanged objects and takes the changed ones", () => {
  const prev = [
    { id: "a", x: 1 },
    { id: "b", x: 2 },
  ];
  const next = [
    { id: "a", x: 1 },
    { id: "b", x: 3 },
    { id: "c", x: 4 },
  ];
  const out = reuse(prev, next);
  expect(out[0]).toBe(prev[0]);
  expect(out[1]).toBe(next[1]);
  expect(out[2]).toBe(next[2]);
});
