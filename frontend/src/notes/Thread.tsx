import type { NoteThread } from "../backend/studio";
import { useComments } from "./comments";
import { CommentBox } from "./CommentBox";
import { exactTime, relativeTime } from "./threads";

/**
 * One conversation: its comments, a reply box, Resolve / Reopen, and
 * Delete on the reader's own comments. The panel and the inspector show
 * the same component.
 */
export function Thread({ thread }: { thread: NoteThread }) {
  const ui = useComments();
  if (!ui) return null;
  const { apply } = ui.notes;
  return (
    <div className={`thread${thread.resolved ? " resolved" : ""}`} data-testid="thread" data-thread={thread.id} data-resolved={thread.resolved ? "true" : "false"}>
      <ol className="thread-comments">
        {thread.comments.map((c) => (
          <li key={c.id} className="comment" data-testid="comment">
            <div className="comment-head">
              <span className="comment-author">{c.author || "Someone"}</span>
              <time dateTime={c.time} title={exactTime(c.time)}>
                {relativeTime(c.time)}
              </time>
              {c.author === ui.author && (
                <button
                  type="button"
                  className="comment-delete"
                  aria-label="Delete this comment"
                  title="Delete this comment"
                  data-testid="comment-delete"
                  onClick={() => void apply([{ kind: "delete", thread: thread.id, comment: c.id }])}
                >
                  Delete
                </button>
              )}
            </div>
            <p className="comment-text">{c.text}</p>
          </li>
        ))}
      </ol>
      {thread.resolved ? (
        <div className="thread-actions">
          <span className="thread-state">Resolved</span>
          <button type="button" className="btn" data-testid="thread-reopen" onClick={() => void apply([{ kind: "reopen", thread: thread.id }])}>
            Reopen
          </button>
        </div>
      ) : (
        <>
          <CommentBox label="Reply" placeholder="Reply…" send="Reply" testId="reply-box" onSend={(text) => apply([{ kind: "reply", thread: thread.id, text }])} />
          <div className="thread-actions">
            <button type="button" className="btn" data-testid="thread-resolve" onClick={() => void apply([{ kind: "resolve", thread: thread.id }])}>
              ✓ Resolve
            </button>
          </div>
        </>
      )}
    </div>
  );
}
