// No edit cuts states off silently. Every edit from the canvas and the
// inspector runs through the guard: it tries the command on a copy of the
// text, and when states that a run could reach before could not be reached
// after, it holds the command and asks (a Question): reconnect them (the
// command plus commands/reconnect.ts, when that can bring them back), cut
// them off (the command as it is), or cancel. Whichever is chosen is one
// transaction on the document store, so one undo gives back the exact
// text. Typing in the code editor is not guarded: the problems panel says
// what is unreachable there. A plain store: the dialog subscribes.
import { openText } from "./open";
import type { TextDoc } from "./textdoc";
import { cutOff, outermost } from "./reach";
import { keepConnected, reconnect } from "./commands/reconnect";
import type { Command } from "./commands/template";
import type { DocumentStore, Outcome } from "./store";

export type Answer = "reconnect" | "cut" | "cancel";

export interface Question {
  /** The edit's undo label ("Connect", "Add Fail"). */
  label: string;
  /** The names of the states it would cut off (a Map, not also the steps inside it). */
  cut: string[];
  /** What "reconnect them" does, one sentence per change; null when they cannot be brought back. */
  reconnect: string[] | null;
}

interface Pending {
  question: Question;
  cmd: Command;
  done?: (out: Outcome) => void;
}

export class EditGuard {
  private pending: Pending | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly store: Pick<DocumentStore, "run" | "snapshot">) {}

  snapshot = (): Question | null => this.pending?.question ?? null;

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  };

  /**
   * Runs cmd as one transaction, or, when it would cut states off, holds
   * it and asks ("asking"); done gets the outcome once answered (not on
   * cancel).
   */
  run(label: string, cmd: Command, done?: (out: Outcome) => void): Outcome | "asking" {
    const q = this.check(label, cmd);
    if (!q) return this.store.run(label, cmd);
    this.pending = { question: q, cmd, done };
    this.changed();
    return "asking";
  }

  /** What running cmd on the document now would cut off; null when nothing (or when cmd fails: running it says why). */
  check(label: string, cmd: Command): Question | null {
    const snap = this.store.snapshot();
    let d: TextDoc;
    let before: unknown;
    try {
      d = openText(snap.text, snap.format);
      before = structuredClone(d.value);
      cmd(d);
    } catch {
      return null;
    }
    const cut = outermost(cutOff(before, d.value));
    if (cut.length === 0) return null;
    let how: string[] | null;
    try {
      how = reconnect(d, before);
    } catch {
      how = null;
    }
    return { label, cut: cut.map((s) => s.name), reconnect: how };
  }

  /** Answers the question asked; returns the outcome of the edit, null when cancelled or when nothing was asked. */
  answer(a: Answer): Outcome | null {
    const p = this.pending;
    if (!p) return null;
    this.pending = null;
    this.changed();
    const { label, reconnect: how } = p.question;
    if (a === "cancel" || (a === "reconnect" && !how)) return null;
    const out = this.store.run(label, a === "reconnect" ? keepConnected(p.cmd) : p.cmd);
    p.done?.(out);
    return out;
  }

  private changed() {
    for (const fn of this.listeners) fn();
  }
}
