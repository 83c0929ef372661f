// The inspector (right panel): forms for every field of the selected state,
// or of the workflow when nothing is selected. Every change goes through a
// document command, so it is one undo step and a minimal text edit.
import { useCallback, useEffect, useEffectEvent, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import type { Diagnostic, Diagram } from "../backend/studio";
import type { DocumentStore, Outcome } from "../document/store";
import type { Format } from "../document/textdoc";
import type { Command } from "../document/commands/template";
import { openText } from "../document/open";
import { isObj, stateAt, statesOf, type StateAt } from "../document/machine";
import { nodeFor } from "../frame/problems";
import { InspectorContext, type FormContext } from "./context";
import { languageOf } from "./fields";
import { byField, deepestField, relativeTo } from "./problems";
import { StateForm } from "./StateForm";
import { MachineForm } from "./machine/MachineForm";
import type { EditLock } from "../canvas/editLock";
import { LockBanner } from "../canvas/LockBanner";
import "./inspector.css";

/** A request to show the field a diagnostic points at; `at` makes repeats distinct. */
export interface FieldFocus {
  location: string;
  at: number;
}

interface Props {
  store: DocumentStore;
  text: string;
  format: Format;
  diagram: Diagram | null;
  diagnostics: Diagnostic[];
  selected: string | null;
  /** Set while the code cannot be drawn: the forms are read-only and say why. */
  lock?: EditLock | null;
  /** Shows the mistake the lock names in the code view. */
  onShowMistake?: () => void;
  focus?: FieldFocus | null;
  onSelect(id: string | null): void;
  /** Renames through the editor (references follow; the selection moves). */
  onRename(id: string, name: string): boolean;
  /**
   * Runs an edit through the editor's guard, which asks first when it would
   * cut steps off ("asking"; done follows the answer). Without it, edits
   * run on the store directly.
   */
  runEdit?(label: string, cmd: Command, done: (out: Outcome) => void): Outcome | "asking";
  /**
   * The notes of the state shown, or of the workflow (state ""); comment
   * is its ASL Comment. The description goes under the name, the comment
   * threads after the form (outside it: a lock does not stop them, as
   * they never change the text).
   */
  notes?: {
    description(target: { state: string; comment: string }): ReactNode;
    /** The threads, and for a Task state how it runs locally (type is the state's Type). */
    threads(target: { state: string; comment: string; type: string }): ReactNode;
  };
  /** Opens Test this state on the state (by name). */
  onTestState?(name: string): void;
}

export function Inspector({ store, text, format, diagram, diagnostics, selected, lock, onShowMistake, focus, onSelect, onRename, runEdit, notes, onTestState }: Props) {
  // Why the last edit was refused; it belongs to the selection it was made on.
  const [refusal, setRefusal] = useState<{ selected: string | null; text: string } | null>(null);
  const message = refusal && refusal.selected === selected ? refusal.text : null;
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const doc = useMemo(() => {
    try {
      return openText(text, format).value;
    } catch {
      return undefined;
    }
  }, [text, format]);
  const st: StateAt | null = useMemo(() => {
    if (!selected) return null;
    try {
      return stateAt(doc, selected);
    } catch {
      return null;
    }
  }, [doc, selected]);
  const base = st ? selected! : "";
  const mine = useMemo(() => diagnostics.filter((d) => nodeFor(d, diagram) === (st ? selected : null)), [diagnostics, diagram, selected, st]);

  // The pointers of the fields on show decide which field shows which problem.
  const fields = useFieldPointers(root);
  const grouped = useMemo(() => byField(mine, base, fields), [mine, base, fields]);

  const run = useCallback(
    (label: string, cmd: Command, selectResult = false) => {
      if (lock) {
        setRefusal({ selected, text: lock.message });
        return false;
      }
      const done = (out: Outcome) => {
        if (!out.ok) {
          setRefusal({ selected, text: out.error });
          return false;
        }
        setRefusal(null);
        if (selectResult && out.select.length) onSelect(out.select[0]);
        return true;
      };
      const out = runEdit ? runEdit(label, cmd, done) : store.run(label, cmd);
      return out === "asking" || done(out);
    },
    [store, onSelect, selected, lock, runEdit],
  );

  const lang = languageOf(st?.value, isObj(doc) ? doc : undefined);
  const targets = useMemo(() => {
    if (!st) return [];
    try {
      return Object.keys(statesOf(doc, st.machine)).filter((n) => n !== st.name);
    } catch {
      return [];
    }
  }, [doc, st]);
  const ctx: FormContext = useMemo(
    () => ({
      id: base,
      lang,
      run,
      select: onSelect,
      undo: () => void store.undo(),
      redo: () => void store.redo(),
      targets,
      problems: (p: string) => (p === "" ? [] : (grouped.get(p) ?? [])),
    }),
    [base, lang, run, onSelect, store, targets, grouped],
  );

  // A problem picked in the problems panel: scroll to its field, focus and highlight it.
  const reveal = useEffectEvent((location: string) => {
    const found = root && fieldElement(root, location, base);
    if (!found) return;
    const { el, field } = found;
    el.scrollIntoView({ block: "center" });
    // Only a field of its own takes the focus; otherwise the code view keeps it (and its revealed range).
    if (field) el.querySelector<HTMLElement>("input, select, textarea, [contenteditable=true]")?.focus({ preventScroll: true });
    el.classList.remove("flash");
    void el.offsetWidth; // restart the animation
    el.classList.add("flash");
  });
  // Each pick is a new focus object: only a new one moves the focus.
  useEffect(() => {
    if (!focus) return;
    const frame = requestAnimationFrame(() => reveal(focus.location));
    return () => cancelAnimationFrame(frame);
  }, [focus]);

  const notesTarget = st
    ? { state: st.name, comment: commentOf(st.value), type: isObj(st.value) && typeof st.value.Type === "string" ? st.value.Type : "" }
    : !selected && isObj(doc)
      ? { state: "", comment: commentOf(doc), type: "" }
      : null;
  // The lock's banner already shows its mistake.
  const general = (grouped.get("") ?? []).filter((d) => d !== lock?.diagnostic);
  return (
    <aside className="panel inspector" aria-label="Inspector" ref={setRoot}>
      <h2 className="panel-title">Inspector</h2>
      <div className="inspector-body" data-testid={st ? "inspector-state" : "inspector-machine"}>
        {lock && <LockBanner lock={lock} onShow={() => onShowMistake?.()} testId="inspector-lock" />}
        {message && !lock && (
          <p className="ifield-error" role="alert" data-testid="inspector-message">
            {message}
          </p>
        )}
        {general.length > 0 && (
          <ul className="iproblems" data-testid="inspector-problems">
            {general.map((d, i) => (
              <li key={i} className={`ifield-problem ${d.severity.toLowerCase()}`}>
                {d.message}
              </li>
            ))}
          </ul>
        )}
        <InspectorContext.Provider value={ctx}>
          <fieldset className="iform-set" disabled={!!lock} data-testid="inspector-fields">
            {st ? (
              <StateForm
                key={selected!}
                name={st.name}
                state={st.value}
                doc={doc}
                machineLang={languageOf(undefined, isObj(doc) ? doc : undefined)}
                onRename={(name) => onRename(selected!, name)}
                description={notesTarget && notes?.description(notesTarget)}
                actions={
                  onTestState && (
                    <button type="button" className="inspector-test" onClick={() => onTestState(st.name)} title="Run this state on its own, with the values you give" data-testid="inspector-test-state">
                      Test this state
                    </button>
                  )
                }
              />
            ) : selected && branchOf(selected) ? (
              <BranchNote id={selected} onSelect={onSelect} />
            ) : isObj(doc) ? (
              <>
                {notesTarget && notes?.description(notesTarget)}
                <MachineForm machine={doc} />
              </>
            ) : (
              <p className="muted">Open a workflow to see its settings.</p>
            )}
          </fieldset>
        </InspectorContext.Provider>
        {notesTarget && notes?.threads(notesTarget)}
      </div>
    </aside>
  );
}

/** A state's or machine's ASL Comment, when it is a string. */
function commentOf(v: unknown): string {
  return isObj(v) && typeof v.Comment === "string" ? v.Comment : "";
}

/** The Parallel and index of a branch id ("/States/P/Branches/1"), or null. */
function branchOf(id: string): { parallel: string; index: number } | null {
  const m = /^(.*)\/Branches\/(\d+)$/.exec(id);
  return m ? { parallel: m[1], index: Number(m[2]) } : null;
}

/** A branch box is selected: it has no fields of its own; its Parallel has them. */
function BranchNote({ id, onSelect }: { id: string; onSelect(id: string): void }) {
  const b = branchOf(id)!;
  const name = b.parallel.slice(b.parallel.lastIndexOf("/") + 1).replace(/~1/g, "/").replace(/~0/g, "~");
  return (
    <p className="muted" data-testid="inspector-branch">
      Branch {b.index + 1} of{" "}
      <button type="button" className="ilink" onClick={() => onSelect(b.parallel)}>
        {name}
      </button>
      . A branch has no settings of its own: select one of its steps, or its Parallel.
    </p>
  );
}

/** The element of the deepest field holding location, else the form's head. */
function fieldElement(root: HTMLElement, location: string, base: string): { el: HTMLElement; field: boolean } | null {
  const rel = relativeTo(location, base);
  if (rel === null) return null;
  const els = [...root.querySelectorAll<HTMLElement>("[data-field]")];
  const f = deepestField(rel, els.map((e) => e.dataset.field!));
  const el = f !== null ? els.find((e) => e.dataset.field === f) : undefined;
  if (el) return { el, field: true };
  const head = root.querySelector<HTMLElement>(".inspector-head, .isection");
  return head ? { el: head, field: false } : null;
}

/**
 * The pointers (data-field) of the fields inside root, in document order,
 * read again whenever the form's elements change.
 */
function useFieldPointers(root: HTMLElement | null): string[] {
  const subscribe = useCallback(
    (changed: () => void) => {
      if (!root) return () => undefined;
      const watch = new MutationObserver(changed);
      watch.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-field"] });
      return () => watch.disconnect();
    },
    [root],
  );
  const read = () => [...(root?.querySelectorAll<HTMLElement>("[data-field]") ?? [])].map((e) => e.dataset.field!).join("\n");
  const joined = useSyncExternalStore(subscribe, read);
  return useMemo(() => (joined ? joined.split("\n") : []), [joined]);
}
