// Builds what the comment views share (comments.ts): the author name (read
// from Go: the studio's setting, else git's user.name, else the login),
// the marker counts, and reloading the notes when the window regains focus.
import { useCallback, useEffect, useMemo, useState } from "react";
import * as studio from "../backend/studio";
import type { CommentsUI } from "./comments";
import type { NotesStore } from "./notesStore";
import type { Notes } from "./useNotes";
import { threadCounts } from "./threads";

const dirOf = (path: string) => path.replace(/[\\/][^\\/]*$/, "");

export function useCommentsUI(
  store: NotesStore,
  notes: Notes,
  states: string[],
  actions: Pick<CommentsUI, "open" | "compose">,
): CommentsUI {
  const dir = notes.path ? dirOf(notes.path) : "";
  const [author, setAuthorName] = useState("");
  const readAuthor = useCallback(() => studio.notesAuthor(dir).then(setAuthorName, () => setAuthorName("")), [dir]);
  useEffect(() => void readAuthor(), [readAuthor]);

  // Another studio or a git pull may have changed the notes meanwhile.
  useEffect(() => {
    const again = () => {
      if (document.visibilityState === "visible") void store.refresh();
    };
    window.addEventListener("focus", again);
    document.addEventListener("visibilitychange", again);
    return () => {
      window.removeEventListener("focus", again);
      document.removeEventListener("visibilitychange", again);
    };
  }, [store]);

  const setAuthor = useCallback(
    async (name: string) => {
      try {
        await studio.setNotesAuthor(name);
        await readAuthor();
        return true;
      } catch {
        return false;
      }
    },
    [readAuthor],
  );
  const counts = useMemo(() => threadCounts(notes.notes), [notes.notes]);
  const { open, compose } = actions;
  return useMemo(() => ({ notes, author, setAuthor, counts, states, open, compose }), [notes, author, setAuthor, counts, states, open, compose]);
}
