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

/** Before the workflow has a file, its notes have nowhere to go. */
function Unsaved() {
  return <p className="muted">Save the workflow first: its description and comments are kept in a file beside it.</p>;
}

/**
 * The description for readers of the selected state or the workflow, just
 * under its name: kept beside the workflow, so the ASL text (and its
 * Comment) is never changed by it; empty shows the Comment.
 */
export function DescriptionField({ state, comment }: NotesTarget) {
  const ui = useComments();
  const [draft, setDraft] = useState<string | null>(null);
  if (!ui) return null;
  const what = state === "" ? "workflow" : "step";
  const saved = entryOf(ui.notes.notes, state)?.description ?? "";
  // The draft stays shown until the notes come back with it (no flash of the old text).
  const commit = () => {
    if (draft === null) return;
    const text = draft.trim();
    if (text === saved) setDraft(null);
    else void ui.notes.apply([{ kind: "describe", state, text }]).then((ok) => ok && setDraft(null));
  };
  return (
    <section className="isection notes-section" data-testid="notes-description-section">
      <h3 className="isection-title">Description (for readers)</h3>
      {!ui.notes.path ? (
        <Unsaved />
      ) : (
        <>
          <textarea
            className="notes-description"
            aria-label={`Description of the ${what} for readers`}
            rows={2}
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
        </>
      )}
    </section>
  );
}

/** The comment threads of the selected state or the workflow, and a box to start one. */
export function CommentThreads({ state }: { state: string }) {
  const ui = useComments();
  if (!ui) return null;
  const what = state === "" ? "workflow" : "step";
  const threads = threadList(ui.notes.notes, "all", state).reverse(); // oldest first, as a conversation reads
  return (
    <section className="isection notes-section" data-testid="notes-section">
      <h3 className="isection-title">Comments{threads.length ? ` (${threads.length})` : ""}</h3>
      {!ui.notes.path ? (
        <Unsaved />
      ) : (
        <>
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
        </>
      )}
    </section>
  );
}
