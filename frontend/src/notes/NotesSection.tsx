import { useState } from "react";
import { useComments } from "./comments";
import { CommentBox } from "./CommentBox";
import { Thread } from "./Thread";
import { entryOf } from "./notesStore";
import { isSend, threadList } from "./threads";
import "./notes.css";

/** A state's ("" the workflow's) place in the inspector, and its ASL Comment. */
export interface NotesTarget {
  state: string;
  comment: string;
}

/**
 * The inspector's notes for the selected state or the workflow: a
 * description for readers (kept beside the workflow; the ASL text is never
 * changed by it) and the comment threads.
 */
export function NotesSection({ state, comment }: NotesTarget) {
  const ui = useComments();
  const [draft, setDraft] = useState<string | null>(null);
  if (!ui) return null;
  const what = state === "" ? "workflow" : "step";
  if (!ui.notes.path)
    return (
      <section className="isection notes-section" data-testid="notes-section">
        <h3 className="isection-title">Description and comments</h3>
        <p className="muted">Save the workflow first: its description and comments are kept in a file beside it.</p>
      </section>
    );
  const saved = entryOf(ui.notes.notes, state)?.description ?? "";
  // The draft stays shown until the notes come back with it (no flash of the old text).
  const commit = () => {
    if (draft === null) return;
    const text = draft.trim();
    if (text === saved) setDraft(null);
    else void ui.notes.apply([{ kind: "describe", state, text }]).then((ok) => ok && setDraft(null));
  };
  const threads = threadList(ui.notes.notes, "all", state).reverse(); // oldest first, as a conversation reads
  return (
    <section className="isection notes-section" data-testid="notes-section">
      <h3 className="isection-title">Description (for readers)</h3>
      <textarea
        className="notes-description"
        aria-label={`Description of the ${what} for readers`}
        rows={3}
        value={draft ?? saved}
        placeholder={comment ? `From the ${what}'s Comment: “${comment}”` : `Say in plain words what this ${what} is for.`}
        data-testid="notes-description"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (isSend(e)) {
            e.preventDefault();
            commit();
          } else if (e.key === "Escape") setDraft(null);
        }}
      />
      <p className="ifield-help">Shown to people reading the diagram. Kept beside the workflow, never in its code{comment ? "; empty shows the Comment" : ""}.</p>
      <h3 className="isection-title">Comments</h3>
      {threads.map((t) => (
        <Thread key={t.thread.id} thread={t.thread} />
      ))}
      <CommentBox
        label={`New comment on this ${what}`}
        placeholder={threads.length ? "Start another conversation…" : `Ask or note something about this ${what}…`}
        send="Comment"
        testId="inspector-comment"
        onSend={(text) => ui.notes.apply([{ kind: "comment", state, text }])}
      />
    </section>
  );
}
