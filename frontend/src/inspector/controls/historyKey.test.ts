import { expect, test } from "vitest";
import { historyKey } from "./historyKey";

const key = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

test("history keys", () => {
  expect(historyKey(key("z", { ctrlKey: true }))).toBe("undo");
  expect(historyKey(key("Z", { metaKey: true, shiftKey: true }))).toBe("redo");
  expect(historyKey(key("y", { ctrlKey: true }))).toBe("redo");
  expect(historyKey(key("z"))).toBeNull();
  expect(historyKey(key("z", { ctrlKey: true, altKey: true }))).toBeNull();
  expect(historyKey(key("a", { ctrlKey: true }))).toBeNull();
});
