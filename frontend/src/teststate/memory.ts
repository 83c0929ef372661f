// What the Test this state panel remembers while a document is open: the
// form of each state tested, and its last answer. A new document (another
// generation) starts afresh; nothing is written anywhere.
import type { TestForm } from "./request";
import type { Outcome } from "./TestStatePanel";

export interface Remembered {
  form: TestForm;
  outcome: Outcome | null;
}

export class TestMemory {
  private generation = -1;
  private byState = new Map<string, Remembered>();

  /** The state's form and answer in document generation g, if tested before. */
  get(g: number, state: string): Remembered | undefined {
    this.follow(g);
    return this.byState.get(state);
  }

  set(g: number, state: string, r: Remembered) {
    this.follow(g);
    this.byState.set(state, r);
  }

  private follow(g: number) {
    if (g === this.generation) return;
    this.generation = g;
    this.byState.clear();
  }
}
