// The editing verbs of the canvas, the palette and the inspector, over the
// document store. Each runs one named command (one undo step) through the
// edit guard, which asks first when the edit would cut steps off, and
// selects what it made; a refusal ("a Choice needs a step after it")
// becomes a message shown on the canvas rather than an exception.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { Diagram } from "../backend/studio";
import type { DocumentStore, Outcome } from "../document/store";
import type { Command } from "../document/commands/template";
import { openText } from "../document/open";
import { queryLanguage, isObj, stateAt } from "../document/machine";
import { insertStateAfter, insertStateInto, insertStateOnEdge } from "../document/commands/insert";
import { connect, retarget, type ConnectKind } from "../document/commands/connect";
import { addState, setStart } from "../document/commands/flow";
import { EditGuard, type Answer, type Question } from "../document/guard";
import { segments, valueAt } from "../document/pointer";
import { deleteStates } from "../document/commands/remove";
import { rename } from "../document/commands/rename";
import { copyStates, duplicate, paste } from "../document/commands/clipboard";
import { entry } from "../palette/catalog";
import type { DropTarget } from "./dropTarget";
import { actionFor } from "./shortcuts";

export interface Editor {
  /** Why the last edit was refused, in words for the user. */
  message: string | null;
  dismiss(): void;
  notify(message: string): void;
  insert(entryId: string, at: DropTarget): void;
  /** Inserts after the given state (keyboard and click in the palette). */
  insertAfter(entryId: string, stateId: string | null): void;
  connect(sourceId: string, handle: string | null, targetId: string): void;
  /** Points the arrow with the diagram's edge id at another state. */
  retarget(edgeId: string, targetId: string): void;
  setStart(id: string): void;
  /** True when the state is where its machine starts. */
  isStart(id: string): boolean;
  /** Something was copied here, so Paste has steps to paste. */
  canPaste: boolean;
  remove(ids: string[]): void;
  duplicate(ids: string[]): void;
  copy(ids: string[]): void;
  /**
   * Pastes clipboard text when it holds steps (copied here or in another
   * window), else what was last copied here.
   */
  paste(at: string | null, text?: string): void;
  rename(id: string, name: string): boolean;
  undo(): void;
  redo(): void;
  /**
   * Runs any edit (the inspector's too) through the guard; "asking" while
   * the question of steps it would cut off is open, then done gets the outcome.
   */
  guarded(label: string, cmd: Command, done: (out: Outcome) => void): Outcome | "asking";
  /** The open question about steps an edit would cut off. */
  question: Question | null;
  answer(a: Answer): void;
}

/** Which command a handle dragged onto another state means. */
const handleKinds: Record<string, ConnectKind> = {
  next: "next",
  rule: "newChoiceRule",
  default: "default",
  catch: "newCatch",
};

/**
 * The editing verbs over store. While locked (the reason, for the code
 * that cannot be drawn) every verb that would change the text is refused
 * with it; undo and redo still work, as they are how a mistake is undone.
 */
export function useEditor(store: DocumentStore, diagram: Diagram | null, select: (ids: string[]) => void, locked: string | null = null): Editor {
  const [message, setMessage] = useState<string | null>(null);
  const clipboard = useRef<string | null>(null);
  const [canPaste, setCanPaste] = useState(false);
  const [guard] = useState(() => new EditGuard(store));
  const question = useSyncExternalStore(guard.subscribe, guard.snapshot);

  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(null), 6000);
    return () => clearTimeout(t);
  }, [message]);

  // then runs after the edit is made (at once, or once the question is answered).
  const run = useCallback(
    (label: string, cmd: Command, then?: (out: Outcome & { ok: true }) => void): boolean => {
      if (locked) {
        setMessage(locked);
        return false;
      }
      const done = (out: Outcome) => {
        if (!out.ok) {
          setMessage(out.error);
          return false;
        }
        setMessage(null);
        if (out.select.length > 0) select(out.select);
        then?.(out);
        return true;
      };
      const out = guard.run(label, cmd, done);
      return out === "asking" || done(out);
    },
    [guard, select, locked],
  );

  const template = useCallback(
    (entryId: string) => {
      const e = entry(entryId);
      if (!e) return null;
      const snap = store.snapshot();
      let doc: unknown;
      try {
        doc = openText(snap.text, snap.format).value;
      } catch {
        doc = undefined;
      }
      return { e, tpl: e.build(queryLanguage(isObj(doc) ? doc : undefined)) };
    },
    [store],
  );

  const undo = useCallback(() => {
    const label = store.undo();
    setMessage(label ? null : "Nothing to undo.");
  }, [store]);
  const redo = useCallback(() => {
    const label = store.redo();
    setMessage(label ? null : "Nothing to redo.");
  }, [store]);

  // Undo and redo work wherever the focus is, except in a text field
  // (the code editor routes its own keys to the same store).
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.defaultPrevented || isTyping(ev.target) || inDialog(ev.target)) return;
      const a = actionFor(ev);
      if (a === "undo" || a === "redo") {
        ev.preventDefault();
        if (a === "undo") undo();
        else redo();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [undo, redo]);

  return useMemo<Editor>(
    () => ({
      message,
      dismiss: () => setMessage(null),
      notify: (m) => setMessage(m),
      insert(entryId, at) {
        const t = template(entryId);
        if (!t) return;
        const label = `Add ${t.e.label}`;
        if (at.kind === "edge") run(label, insertStateOnEdge(at.id, t.tpl));
        else if (at.kind === "container") run(label, insertStateInto(at.id, t.tpl));
        else if (at.kind === "after") run(label, insertStateAfter(at.id, t.tpl));
        else {
          const first = !diagram?.nodes.some((n) => n.type);
          run(label, addState("", t.tpl), (out) => {
            if (first) return;
            const name = segments(out.select[0] ?? "").pop();
            setMessage(`“${name}” is not connected yet: drag from a step's dot onto it, or pick it under “Then go to” of the step before.`);
          });
        }
      },
      insertAfter(entryId, stateId) {
        const t = template(entryId);
        if (!t) return;
        // After the selected step, else at the start of the workflow (or as
        // the first step of an empty one).
        if (stateId) run(`Add ${t.e.label}`, insertStateAfter(stateId, t.tpl));
        else if (diagram?.edges.some((e) => e.kind === "start")) run(`Add ${t.e.label}`, insertStateOnEdge("start", t.tpl));
        else if (diagram && !diagram.nodes.some((n) => n.type)) run(`Add ${t.e.label}`, addState("", t.tpl));
        else setMessage("Select a step to add after it, or drag the new step onto the canvas.");
      },
      connect(sourceId, handle, targetId) {
        const kind = handleKinds[handle ?? "next"] ?? "next";
        run("Connect", connect(sourceId, kind, targetId));
      },
      retarget(edgeId, targetId) {
        run("Move arrow", retarget(edgeId, targetId));
      },
      setStart(id) {
        run("Set as start", setStart(id));
      },
      isStart(id) {
        const snap = store.snapshot();
        try {
          const doc = openText(snap.text, snap.format).value;
          const st = stateAt(doc, id);
          const m = valueAt(doc, st.machine);
          return isObj(m) && m.StartAt === st.name;
        } catch {
          return false;
        }
      },
      canPaste,
      remove(ids) {
        if (ids.length === 0) return;
        run(ids.length === 1 ? "Delete step" : `Delete ${ids.length} steps`, deleteStates(ids), () => select([]));
      },
      duplicate(ids) {
        if (ids.length > 0) run("Duplicate", duplicate(ids));
      },
      copy(ids) {
        if (ids.length === 0) return;
        const snap = store.snapshot();
        try {
          const text = copyStates(openText(snap.text, snap.format).value, ids);
          clipboard.current = text;
          setCanPaste(true);
          // The system clipboard too, so steps paste into another window.
          navigator.clipboard?.writeText(text).catch(() => undefined);
          setMessage(null);
        } catch (err) {
          setMessage(err instanceof Error ? err.message : String(err));
        }
      },
      paste(at, text) {
        const clip = text && /"States"\s*:/.test(text) ? text : clipboard.current;
        if (!clip) {
          setMessage("Copy some steps first (Ctrl+C).");
          return;
        }
        run("Paste", paste(clip, at));
      },
      rename(id, name) {
        return run("Rename", rename(id, name.trim()));
      },
      undo,
      redo,
      guarded: (label, cmd, done) => guard.run(label, cmd, done),
      question,
      answer: (a) => void guard.answer(a),
    }),
    [message, run, template, select, store, undo, redo, diagram, canPaste, guard, question],
  );
}

/** True when keys go to a text field or the code editor. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT";
}

/** True when keys go to a dialog or menu over the editor (its own keys, not the canvas's). */
export function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"], [role="alertdialog"], [role="menu"]') !== null;
}
