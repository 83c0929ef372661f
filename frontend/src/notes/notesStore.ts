// The notes beside the open workflow (its NAME.studio.json) as a plain
// store: loaded when the document's file is known, changed through ops
// that Go applies to the file as it is on disk (so two studios on one file
// keep each other's comments), following renames of states and Save As.
// A document without a file yet has no notes: they need a place beside it.
// No React here: useNotes.ts subscribes; tests drive it with a fake backend.
import type * as studio from "../backend/studio";
import type { NoteEntry, NoteOp, NoteThread, NotesFile, NotesLoaded } from "../backend/studio";
import { errorMessage } from "../backend/errors";

export type NotesBackend = Pick<typeof studio, "loadNotes" | "updateNotes" | "carryNotes">;

/** A state as the notes see it: its name and type (a rename keeps the type). */
export interface NamedState {
  name: string;
  type: string;
}

export interface NotesSnapshot {
  /** The notes file; null while the document has no file of its own. */
  path: string | null;
  notes: NotesFile | null;
  /** States the notes name that the workflow does not have (kept, reported). */
  orphans: string[];
  error: string | null;
  /** The error is that the workflow has no file yet: saving it is the way on. */
  needsSave: boolean;
  /** Save As found notes under the new name already: copy over them or keep them? */
  carryConflict: { from: string; to: string } | null;
}

const empty: NotesSnapshot = { path: null, notes: null, orphans: [], error: null, needsSave: false, carryConflict: null };

export class NotesStore {
  private snap: NotesSnapshot = empty;
  private listeners = new Set<() => void>();
  private states: NamedState[] = [];
  private loadSeq = 0;

  constructor(private backend: NotesBackend) {}

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  snapshot = () => this.snap;

  private set(next: Partial<NotesSnapshot>) {
    this.snap = { ...this.snap, ...next };
    for (const fn of this.listeners) fn();
  }

  private names() {
    return this.states.map((s) => s.name);
  }

  private adopt(l: NotesLoaded) {
    this.set({ path: l.path, notes: l.notes, orphans: orphansOf(l.notes, this.names()), error: null });
  }

  /** Shows the notes at path (null: the document has no file, so no notes). */
  attach = async (path: string | null) => {
    if (path === this.snap.path && this.snap.notes) return;
    const seq = ++this.loadSeq;
    this.set({ ...empty, path });
    if (!path) return;
    try {
      const l = await this.backend.loadNotes(path, this.names());
      if (seq === this.loadSeq) this.adopt(l);
    } catch (err) {
      if (seq === this.loadSeq) this.fail(`The notes beside this workflow could not be read: ${errorMessage(err)}`);
    }
  };

  /**
   * The workflow's states, after each analysis. When exactly one state
   * disappeared and one of the same type appeared, it was renamed (on the
   * canvas, in the inspector or by typing in the code): its notes follow.
   */
  setStates = (next: NamedState[]) => {
    const before = this.states;
    this.states = next;
    const had = new Map(before.map((s) => [s.name, s.type]));
    const has = new Set(next.map((s) => s.name));
    const gone = before.filter((s) => !has.has(s.name));
    const added = next.filter((s) => !had.has(s.name));
    const notes = this.snap.notes;
    if (before.length && gone.length === 1 && added.length === 1 && gone[0].type === added[0].type && notes?.states?.[gone[0].name]) {
      void this.apply([{ kind: "rename", state: gone[0].name, to: added[0].name }]);
      return;
    }
    if (notes) this.set({ orphans: orphansOf(notes, this.names()) });
  };

  /** Applies ops; false (with the error shown) when they could not be written. */
  apply = async (ops: NoteOp[]): Promise<boolean> => {
    const path = this.snap.path;
    if (!path) {
      this.fail("Save the workflow first: its notes are kept in a file beside it.", true);
      return false;
    }
    try {
      const l = await this.backend.updateNotes(path, ops, this.names());
      if (path === this.snap.path) this.adopt(l);
      return true;
    } catch (err) {
      this.fail(`The notes could not be saved: ${errorMessage(err)}`);
      return false;
    }
  };

  /** After Save As from one file to another: the notes go along. */
  carry = async (from: string, to: string) => {
    try {
      const r = await this.backend.carryNotes(from, to, false);
      if (r.exists) this.set({ carryConflict: { from, to } });
      else await this.reload();
    } catch (err) {
      this.fail(`The notes were not copied to the new file: ${errorMessage(err)}`);
    }
  };

  /** Answers the carry conflict: replace the new file's notes, or keep them. */
  resolveCarry = async (replace: boolean) => {
    const c = this.snap.carryConflict;
    this.set({ carryConflict: null });
    if (!c || !replace) return;
    try {
      await this.backend.carryNotes(c.from, c.to, true);
      await this.reload();
    } catch (err) {
      this.fail(`The notes were not copied to the new file: ${errorMessage(err)}`);
    }
  };

  /** Reads the notes again (a carry). */
  private async reload() {
    const path = this.snap.path;
    if (!path) return;
    const l = await this.backend.loadNotes(path, this.names());
    if (path === this.snap.path) this.adopt(l);
  }

  /**
   * Reads the notes again when the window comes back into focus: another
   * studio, a teammate's pull or an editor may have changed the file.
   * Local changes are never lost by it: each was written to the file when
   * it was made.
   */
  refresh = async () => {
    if (!this.snap.path || this.snap.carryConflict) return;
    try {
      await this.reload();
    } catch (err) {
      this.fail(`The notes beside this workflow could not be read: ${errorMessage(err)}`);
    }
  };

  /** Shows what went wrong; needsSave when saving the workflow is the way on. */
  private fail(error: string, needsSave = false) {
    this.set({ error, needsSave });
  }

  dismissError = () => this.set({ error: null, needsSave: false });
}

/** The notes of state ("" for the workflow). */
export function entryOf(notes: NotesFile | null, state: string): NoteEntry | undefined {
  if (!notes) return undefined;
  return state === "" ? notes.workflow : notes.states?.[state];
}

/** What readers see for a state: its description, else its ASL Comment. */
export function descriptionOf(notes: NotesFile | null, state: string, comment = ""): string {
  return entryOf(notes, state)?.description || comment;
}

/** Every thread, the workflow's first, then by state name. */
export function threadsOf(notes: NotesFile | null): { state: string; thread: NoteThread }[] {
  if (!notes) return [];
  const out = (notes.workflow.threads ?? []).map((thread) => ({ state: "", thread }));
  for (const name of Object.keys(notes.states ?? {}).sort())
    for (const thread of notes.states?.[name].threads ?? []) out.push({ state: name, thread });
  return out;
}

function orphansOf(notes: NotesFile, names: string[]): string[] {
  if (!names.length) return []; // no states known yet (before the first analysis)
  const have = new Set(names);
  return Object.entries(notes.states ?? {})
    .filter(([name, e]) => !have.has(name) && (e.description || e.position || e.threads?.length))
    .map(([name]) => name)
    .sort();
}
