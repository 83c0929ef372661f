// What the comment views show, worked out from the notes file: the thread
// list of the Comments panel (filtered, newest activity first), the counts
// the canvas markers show, and times in words ("5 minutes ago").
// Pure functions, tested in threads.test.ts.
import type { NoteComment, NoteEntry, NoteOp, NoteThread, NotesFile } from "../backend/studio";
import { threadsOf } from "./notesStore";

export type ThreadFilter = "open" | "resolved" | "all";

export interface ThreadItem {
  /** The state the thread is on; "" for the whole workflow. */
  state: string;
  thread: NoteThread;
  first: NoteComment;
  replies: number;
  /** The time of its last comment (ISO). */
  last: string;
}

/** The threads the filter keeps, with what a list row shows; newest activity first. */
export function threadList(notes: NotesFile | null, filter: ThreadFilter, state?: string): ThreadItem[] {
  const out: ThreadItem[] = [];
  for (const { state: s, thread } of threadsOf(notes)) {
    if (state !== undefined && s !== state) continue;
    if (filter === "open" && thread.resolved) continue;
    if (filter === "resolved" && !thread.resolved) continue;
    const cs = thread.comments ?? [];
    if (!cs.length) continue;
    const last = cs.reduce((t, c) => (c.time > t ? c.time : t), cs[0].time);
    out.push({ state: s, thread, first: cs[0], replies: cs.length - 1, last });
  }
  // ISO times in UTC compare as strings; ties keep the file's order.
  return out.sort((a, b) => (a.last < b.last ? 1 : a.last > b.last ? -1 : 0));
}

export interface ThreadCount {
  open: number;
  resolved: number;
}

/** Open and resolved threads per state ("" for the workflow); states with none are absent. */
export function threadCounts(notes: NotesFile | null): Map<string, ThreadCount> {
  const out = new Map<string, ThreadCount>();
  for (const { state, thread } of threadsOf(notes)) {
    if (!thread.comments?.length) continue;
    const c = out.get(state) ?? { open: 0, resolved: 0 };
    if (thread.resolved) c.resolved++;
    else c.open++;
    out.set(state, c);
  }
  return out;
}

/** What a marker says to a screen reader and on hover. */
export function countWords(c: ThreadCount): string {
  if (c.open) return `${c.open} open comment${c.open > 1 ? "s" : ""}${c.resolved ? `, ${c.resolved} resolved` : ""}`;
  return `${c.resolved} resolved comment${c.resolved > 1 ? "s" : ""}`;
}

const units: [number, string][] = [
  [60, "second"],
  [60, "minute"],
  [24, "hour"],
  [7, "day"],
];

/**
 * A time in words, relative to now: "just now", "5 minutes ago",
 * "yesterday", "3 days ago", then the date ("12 Mar 2026"). A time ahead
 * of now (another computer's clock) reads as "just now".
 */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return "";
  let v = (now.getTime() - t.getTime()) / 1000;
  if (v < 45) return "just now";
  for (const [size, unit] of units) {
    if (v < size) {
      const n = Math.max(1, Math.floor(v));
      if (unit === "day" && n === 1) return "yesterday";
      return `${n} ${unit}${n > 1 ? "s" : ""} ago`;
    }
    v /= size;
  }
  const sameYear = t.getUTCFullYear() === now.getUTCFullYear();
  return t.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: sameYear ? undefined : "numeric", timeZone: "UTC" });
}

/** The exact time, for the tooltip behind a relative one. */
export function exactTime(iso: string): string {
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? iso : t.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

/** How a thread's place is named in a list: the step's name, or the workflow. */
export function placeName(state: string): string {
  return state === "" ? "The whole workflow" : state;
}

/** Ctrl+Enter (Cmd+Enter on a Mac) sends what was typed. */
export function isSend(e: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean {
  return e.key === "Enter" && (e.ctrlKey || e.metaKey);
}

/** What an orphan's notes hold, in words: "2 comments, a description". */
export function holds(e: NoteEntry | undefined): string {
  if (!e) return "";
  const n = (e.threads ?? []).reduce((sum, t) => sum + t.comments.length, 0);
  const parts = [n ? `${n} comment${n > 1 ? "s" : ""}` : "", e.description ? "a description" : "", e.position ? "a position" : ""];
  return parts.filter(Boolean).join(", ");
}

/** The ops that empty an entry (an empty entry is not written). */
export function clearOps(state: string, e: NoteEntry | undefined): NoteOp[] {
  const ops: NoteOp[] = [];
  for (const t of e?.threads ?? []) for (const c of t.comments) ops.push({ kind: "delete", thread: t.id, comment: c.id });
  if (e?.description) ops.push({ kind: "describe", state, text: "" });
  if (e?.position) ops.push({ kind: "unpin", state });
  return ops;
}
