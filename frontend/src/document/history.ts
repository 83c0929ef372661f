// One undo history for every edit, whoever makes it. Entries hold the whole
// text before and after: restoring is then exact by construction (undo
// gives back the very bytes), and memory is no concern at ASL sizes.
// Some edits change what is kept beside the text, not the text (a step
// moved by hand is a pin in the notes file): their entries carry the
// change and its inverse as an Effect, with the text the same before and
// after, so Ctrl+Z walks back through both kinds in the order they were made.

export interface Entry {
  label: string;
  before: string;
  after: string;
  /** When the entry was last extended (for merging typing). */
  at: number;
  /** Edits with the same non-empty group merge while they come quickly. */
  group?: string;
  /** A change beside the text (the text is the same before and after). */
  effect?: Effect;
}

/** A change outside the text and the change that reverts it. */
export interface Effect {
  redo(): void;
  undo(): void;
}

/** How close two typed edits must be to share one undo step. */
export const mergeWindowMs = 1000;
const maxEntries = 500;

export class History {
  private done: Entry[] = [];
  private undone: Entry[] = [];

  /** Records an edit; typing within mergeWindowMs extends the last entry. */
  push(e: Entry) {
    const last = this.done[this.done.length - 1];
    if (e.group && last && last.group === e.group && last.after === e.before && e.at - last.at <= mergeWindowMs) {
      last.after = e.after;
      last.at = e.at;
    } else {
      this.done.push(e);
      if (this.done.length > maxEntries) this.done.shift();
    }
    this.undone = [];
  }

  /** The entry to revert, moved to the redo side; undefined when none. */
  undo(): Entry | undefined {
    const e = this.done.pop();
    if (e) this.undone.push(e);
    return e;
  }

  redo(): Entry | undefined {
    const e = this.undone.pop();
    if (e) this.done.push(e);
    return e;
  }

  /** Stops the last entry from absorbing further typing. */
  seal() {
    const last = this.done[this.done.length - 1];
    if (last) last.group = undefined;
  }

  clear() {
    this.done = [];
    this.undone = [];
  }

  get undoLabel(): string | undefined {
    return this.done[this.done.length - 1]?.label;
  }
  get redoLabel(): string | undefined {
    return this.undone[this.undone.length - 1]?.label;
  }
}
