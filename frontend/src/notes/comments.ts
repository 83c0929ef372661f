// What every comment view (the panel, the inspector, the canvas markers)
// shares, handed down through one React context so the canvas nodes that
// React Flow draws can read it without props.
import { createContext, useContext } from "react";
import type { Notes } from "./useNotes";
import type { ThreadCount } from "./threads";
import { descriptionOf } from "./notesStore";

export interface CommentsUI {
  notes: Notes;
  /** The name comments are signed with ("" until known). */
  author: string;
  setAuthor(name: string): Promise<boolean>;
  /** Open and resolved threads per state ("" for the workflow). */
  counts: Map<string, ThreadCount>;
  /** The workflow's state names, for the orphans' "Attach to a step". */
  states: string[];
  /** Shows a place's threads: selects the state, opens the Comments tab there. */
  open(state: string): void;
  /** Starts a new comment on a place ("" for the workflow). */
  compose(state: string): void;
}

export const CommentsContext = createContext<CommentsUI | null>(null);

export const useComments = () => useContext(CommentsContext);

/** What readers see for a state on hover: its description, else its ASL Comment. */
export function useDescription(state: string, comment = ""): string {
  const ui = useComments();
  return descriptionOf(ui?.notes.notes ?? null, state, comment);
}
