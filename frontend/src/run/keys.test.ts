import { describe, expect, it } from "vitest";
import { runKey } from "./keys";

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean }> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});
const idle = { live: false, paused: false };
const running = { live: true, paused: false };
const paused = { live: true, paused: true };

describe("runKey", () => {
  it.each([
    ["F5 starts a run", key("F5"), idle, "run"],
    ["F5 does nothing while running", key("F5"), running, null],
    ["F5 continues when paused", key("F5"), paused, "continue"],
    ["F10 steps when paused", key("F10"), paused, "step"],
    ["F10 does nothing while running", key("F10"), running, null],
    ["Shift+F5 stops", key("F5", { shiftKey: true }), running, "stop"],
    ["Shift+F5 with nothing running", key("F5", { shiftKey: true }), idle, null],
    ["F9 toggles a breakpoint", key("F9"), idle, "breakpoint"],
    ["Ctrl+F5 is left to others", key("F5", { ctrlKey: true }), idle, null],
    ["other keys", key("Enter"), paused, null],
  ] as const)("%s", (_, e, state, want) => {
    expect(runKey(e, state)).toBe(want);
  });
});
