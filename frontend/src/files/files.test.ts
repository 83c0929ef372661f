import { describe, expect, test } from "vitest";
import { fileShortcut, type Keys } from "./shortcuts";
import { diskMessage, folderOf, recoveryMessage, shortFolder, timeAgo } from "./describe";

const keys = (key: string, mods: Partial<Keys> = {}): Keys => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("fileShortcut", () => {
  test.each([
    [keys("s", { ctrlKey: true }), "save"],
    [keys("S", { ctrlKey: true, shiftKey: true }), "saveAs"],
    [keys("s", { metaKey: true }), "save"],
    [keys("o", { ctrlKey: true }), "open"],
    [keys("n", { ctrlKey: true }), "new"],
    [keys("s"), null],
    [keys("s", { ctrlKey: true, altKey: true }), null],
    [keys("O", { ctrlKey: true, shiftKey: true }), null],
    [keys("z", { ctrlKey: true }), null],
  ])("%j -> %s", (k, want) => {
    expect(fileShortcut(k)).toBe(want);
  });
});

describe("timeAgo", () => {
  const now = 1_700_000_000_000;
  test.each([
    [now - 10_000, "just now"],
    [now + 5_000, "just now"], // a clock a little ahead is not "in the future"
    [now - 60_000, "a minute ago"],
    [now - 5 * 60_000, "5 minutes ago"],
    [now - 3 * 3_600_000, "3 hours ago"],
    [now - 26 * 3_600_000, "yesterday"],
    [now - 4 * 86_400_000, "4 days ago"],
  ])("%i", (ms, want) => {
    expect(timeAgo(ms, now)).toBe(want);
  });
});

test("folders", () => {
  expect(folderOf("/home/ana/flows/order.asl.json")).toBe("/home/ana/flows");
  expect(folderOf("C:\\flows\\order.asl.json")).toBe("C:\\flows");
  expect(folderOf("order.asl.json")).toBe("");
  expect(shortFolder("/a/very/long/path/to/the/flows", 12)).toBe("…o/the/flows");
  expect(shortFolder("/short", 12)).toBe("/short");
});

test("messages", () => {
  const now = 1_700_000_000_000;
  expect(recoveryMessage({ name: "order.asl.json", path: "/f/order.asl.json", savedAt: now - 120_000 }, now)).toBe(
    "Stepstudio did not close cleanly. Unsaved changes to order.asl.json (/f/order.asl.json) from 2 minutes ago were kept.",
  );
  expect(recoveryMessage({ name: "batch.asl.json", path: "", savedAt: now }, now)).toContain("(never saved)");
  expect(diskMessage("changed", "a.json", false)).toBe("a.json changed on disk. Reload to see the new version, or keep this one.");
  expect(diskMessage("changed", "a.json", true)).toContain("your changes are dropped");
  expect(diskMessage("missing", "a.json", true)).toContain("deleted or moved");
});
