// Moving steps by hand, tidying up and their undo. A change is written to
// the notes file first (the notes store applies it to the file as it is on
// disk); only once written does it become an undo step in the document's
// one history, beside the text edits. A document without a file has no
// notes file yet: the notes store then asks to save first and the step
// goes back to where the layout put it.
import { useMemo, useSyncExternalStore } from "react";
import type { DocumentStore } from "../document/store";
import type { NotesStore } from "../notes/notesStore";
import { moveChange, pinsOf, tidyChange, unpinChange, type Change, type Pins } from "./arrange";

export interface Arrange {
  pins: Pins;
  /** Pins states (by name) at top-left corners; false when it could not be written (no file yet, a disk error). */
  move(to: Pins): Promise<boolean>;
  unpin(state: string): void;
  tidy(): void;
}

/** Applies change to the notes and, once written, records it for undo. */
export async function applyChange(store: DocumentStore, notes: Pick<NotesStore, "apply">, change: Change | null): Promise<boolean> {
  if (!change) return false;
  if (!(await notes.apply(change.redo))) return false;
  store.recordBeside(change.label, {
    redo: () => void notes.apply(change.redo),
    undo: () => void notes.apply(change.undo),
  });
  return true;
}

/** The pins of the open document's notes, for the layout (read before the analysis). */
export function usePins(notes: NotesStore): Pins {
  const snap = useSyncExternalStore(notes.subscribe, notes.snapshot);
  return useMemo(() => pinsOf(snap.notes), [snap.notes]);
}

export function useArrange(store: DocumentStore, notes: NotesStore, pins: Pins): Arrange {
  return useMemo(
    () => ({
      pins,
      move: (to) => applyChange(store, notes, moveChange(pins, to)),
      unpin: (state) => void applyChange(store, notes, unpinChange(pins, state)),
      tidy: () => void applyChange(store, notes, tidyChange(pins)),
    }),
    [store, notes, pins],
  );
}
