// The notes store as React sees it: attached to the open document's notes
// file, told the workflow's states after each drawn analysis.
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import * as studio from "../backend/studio";
import type { Diagram } from "../backend/studio";
import type { CurrentFile } from "../files/fileStore";
import { NotesStore, type NotesSnapshot } from "./notesStore";

export type Notes = NotesSnapshot & Pick<NotesStore, "apply" | "resolveCarry" | "dismissError">;

/** One notes store per window, made before the file service (which tells it of Save As). */
export function useNotesStore(): NotesStore {
  const [store] = useState(() => new NotesStore(studio));
  return store;
}

/** The notes of file, kept in step with diagram's states. */
export function useNotes(store: NotesStore, file: CurrentFile | null, diagram: Diagram | null): Notes {
  const known = file?.notesPath;
  const path = file?.path ?? "";
  useEffect(() => {
    let live = true;
    if (known) void store.attach(known);
    else if (path)
      studio.notesPath(path).then(
        (p) => void (live && store.attach(p)),
        () => void (live && store.attach(null)),
      );
    else void store.attach(null);
    return () => {
      live = false;
    };
  }, [store, known, path]);
  useEffect(() => {
    if (diagram) store.setStates(diagram.nodes.filter((n) => n.kind === "state" || n.kind === "container").map((n) => ({ name: n.name, type: n.type })));
  }, [store, diagram]);
  const snap = useSyncExternalStore(store.subscribe, store.snapshot);
  return useMemo(() => ({ ...snap, apply: store.apply, resolveCarry: store.resolveCarry, dismissError: store.dismissError }), [snap, store]);
}
