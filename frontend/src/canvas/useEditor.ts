// The editing verbs of the canvas and palette, over the document store.
// Each runs one named command (one undo step) and selects what it made;
// a refusal ("a Choice needs a step after it") becomes a message shown
// on the canvas rather than an exception.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Diagram } from "../backend/studio";
import type { DocumentStore } from "../document/store";
import type { Command } from "../document/commands/template";
import { openText } from "../document/open";
import { queryLanguage, isObj } from "../document/machine";
import { insertStateAfter, insertStateInto, insertStateOnEdge } from "../document/commands/insert";
import { connect, type ConnectKind } from "../document/commands/connect";
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

  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(null), 6000);
    return () => clearTimeout(t);
  }, [message]);

  const run = useCallback(
    (label: string, cmd: Command): boolean => {
      if (locked) {
        setMessage(locked);
        return false;
      }
      const out = store.run(label, cmd);
      if (!out.ok) {
        setMessage(out.error);
        return false;
      }
      setMessage(null);
      if (out.select.length > 0) select(out.select);
      return true;
    },
    [store, select, locked],
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
      if (ev.defaultPrevented || isTyping(ev.target)) return;
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
        run(label, at.kind === "edge" ? insertStateOnEdge(at.id, t.tpl) : insertStateInto(at.id, t.tpl));
      },
      insertAfter(entryId, stateId) {
        const t = template(entryId);
        if (!t) return;
        // After the selected step, else at the start of the workflow.
        if (stateId) run(`Add ${t.e.label}`, insertStateAfter(stateId, t.tpl));
        else if (diagram?.edges.some((e) => e.kind === "start")) run(`Add ${t.e.label}`, insertStateOnEdge("start", t.tpl));
        else setMessage("Select a step to add after it, or drag the new step onto an arrow.");
      },
      connect(sourceId, handle, targetId) {
        const kind = handleKinds[handle ?? "next"] ?? "next";
        run("Connect", connect(sourceId, kind, targetId));
      },
      remove(ids) {
        if (ids.length === 0) return;
        if (run(ids.length === 1 ? "Delete step" : `Delete ${ids.length} steps`, deleteStates(ids))) select([]);
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
    }),
    [message, run, template, select, store, undo, redo, diagram],
  );
}

/** True when keys go to a text field or the code editor. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT";
}
