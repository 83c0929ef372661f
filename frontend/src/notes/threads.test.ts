import { describe, expect, it } from "vitest";
import type { NotesFile, NoteThread } from "../backend/studio";
import { clearOps, countWords, holds, isSend, placeName, relativeTime, threadCounts, threadList } from "./threads";

const c = (id: string, time: string, author = "Ann") => ({ id, author, time, text: `text ${id}` });
const th = (id: string, resolved: boolean, ...times: string[]): NoteThread => ({ id, resolved, comments: times.map((t, i) => c(`${id}.${i}`, t)) });

const notes: NotesFile = {
  version: 1,
  workflow: { threads: [th("w1", false, "2026-12-01T10:00:00Z")] },
  states: {
    Charge: { threads: [th("c1", false, "2026-12-02T10:00:00Z", "2026-12-05T09:00:00Z"), th("c2", true, "2026-12-03T10:00:00Z")] },
    Ship: { description: "Sends the parcel", threads: [th("s1", true, "2026-12-04T10:00:00Z")] },
    Empty: { threads: [{ id: "e1", comments: [] }] },
  },
};

describe("threadList", () => {
  const cases: { name: string; filter: "open" | "resolved" | "all"; state?: string; want: string[] }[] = [
    { name: "open, newest activity first", filter: "open", want: ["c1", "w1"] },
    { name: "resolved", filter: "resolved", want: ["s1", "c2"] },
    { name: "all", filter: "all", want: ["c1", "s1", "c2", "w1"] },
    { name: "one state", filter: "all", state: "Charge", want: ["c1", "c2"] },
    { name: "the workflow", filter: "all", state: "", want: ["w1"] },
    { name: "a state without notes", filter: "all", state: "Nope", want: [] },
  ];
  for (const tc of cases)
    it(tc.name, () => {
      expect(threadList(notes, tc.filter, tc.state).map((t) => t.thread.id)).toEqual(tc.want);
    });
  it("gives the first comment, the replies and the last time", () => {
    const [c1] = threadList(notes, "open");
    expect(c1).toMatchObject({ state: "Charge", replies: 1, last: "2026-12-05T09:00:00Z" });
    expect(c1.first.id).toBe("c1.0");
  });
  it("is empty without notes", () => expect(threadList(null, "all")).toEqual([]));
});

describe("threadCounts", () => {
  it("counts open and resolved per place", () => {
    const m = threadCounts(notes);
    expect(Object.fromEntries(m)).toEqual({
      "": { open: 1, resolved: 0 },
      Charge: { open: 1, resolved: 1 },
      Ship: { open: 0, resolved: 1 },
    });
  });
  it("words", () => {
    expect(countWords({ open: 1, resolved: 0 })).toBe("1 open comment");
    expect(countWords({ open: 2, resolved: 1 })).toBe("2 open comments, 1 resolved");
    expect(countWords({ open: 0, resolved: 3 })).toBe("3 resolved comments");
  });
});

describe("relativeTime", () => {
  const now = new Date("2026-12-06T12:00:00Z");
  const cases: [string, string][] = [
    ["2026-12-06T12:00:00Z", "just now"],
    ["2026-12-06T12:05:00Z", "just now"], // another clock ahead
    ["2026-12-06T11:59:10Z", "50 seconds ago"],
    ["2026-12-06T11:59:00Z", "1 minute ago"],
    ["2026-12-06T11:55:00Z", "5 minutes ago"],
    ["2026-12-06T11:00:00Z", "1 hour ago"],
    ["2026-12-06T01:30:00Z", "10 hours ago"],
    ["2026-12-05T10:00:00Z", "yesterday"],
    ["2026-12-03T12:00:00Z", "3 days ago"],
    ["2026-11-20T12:00:00Z", "20 Nov"],
    ["2025-03-12T12:00:00Z", "12 Mar 2025"],
    ["not a time", ""],
  ];
  for (const [t, want] of cases) it(`${t} → ${want || "(nothing)"}`, () => expect(relativeTime(t, now)).toBe(want));
});

describe("words and keys", () => {
  it("names the place", () => {
    expect(placeName("")).toBe("The whole workflow");
    expect(placeName("Charge")).toBe("Charge");
  });
  it("sends on Ctrl+Enter or Cmd+Enter only", () => {
    expect(isSend({ key: "Enter", ctrlKey: true, metaKey: false })).toBe(true);
    expect(isSend({ key: "Enter", ctrlKey: false, metaKey: true })).toBe(true);
    expect(isSend({ key: "Enter", ctrlKey: false, metaKey: false })).toBe(false);
    expect(isSend({ key: "a", ctrlKey: true, metaKey: false })).toBe(false);
  });
});

describe("orphans", () => {
  const e = { description: "d", position: { x: 1, y: 2 }, threads: [th("t1", false, "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z"), th("t2", true, "2026-12-01T00:00:00Z")] };
  it("says what an orphan holds", () => {
    expect(holds(e)).toBe("3 comments, a description, a position");
    expect(holds({ threads: [th("t", false, "2026-12-01T00:00:00Z")] })).toBe("1 comment");
    expect(holds(undefined)).toBe("");
  });
  it("empties an entry with one op per comment, the description and the position", () => {
    expect(clearOps("Charge", e)).toEqual([
      { kind: "delete", thread: "t1", comment: "t1.0" },
      { kind: "delete", thread: "t1", comment: "t1.1" },
      { kind: "delete", thread: "t2", comment: "t2.0" },
      { kind: "describe", state: "Charge", text: "" },
      { kind: "unpin", state: "Charge" },
    ]);
    expect(clearOps("X", { description: "only" })).toEqual([{ kind: "describe", state: "X", text: "" }]);
  });
});
