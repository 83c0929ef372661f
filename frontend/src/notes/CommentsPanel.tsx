import { useEffect, useRef, useState } from "react";
import { useComments } from "./comments";
import { CommentBox } from "./CommentBox";
import { AuthorLine } from "./AuthorLine";
import { Orphans } from "./Orphans";
import { Thread } from "./Thread";
import { exactTime, placeName, relativeTime, threadList, type ThreadFilter, type ThreadItem } from "./threads";
import "./notes.css";

/** A request from elsewhere (a marker, the right-click menu) to show or start a place's comments. */
export interface CommentFocus {
  state: string;
  compose: boolean;
  at: number;
}

interface Props {
  focus: CommentFocus | null;
  /** Selects and reveals a state on the canvas ("" clears the selection: the workflow). */
  onPick(state: string): void;
}

const filters: { id: ThreadFilter; label: string }[] = [
  { id: "open", label: "Open" },
  { id: "resolved", label: "Resolved" },
  { id: "all", label: "All" },
];

/** The Comments tab: every thread on the workflow and its steps, open or resolved. */
export function CommentsPanel({ focus, onPick }: Props) {
  const ui = useComments();
  const [filter, setFilter] = useState<ThreadFilter>("open");
  const [expanded, setExpanded] = useState<string | null>(null);
  const [composing, setComposing] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const notes = ui?.notes.notes ?? null;

  // A marker clicked or "Add comment" chosen: show that place's first thread, or a new comment box.
  const [seen, setSeen] = useState(0);
  if (focus && focus.at !== seen) {
    setSeen(focus.at);
    if (focus.compose) setComposing(focus.state);
    else {
      const open = threadList(notes, "open", focus.state)[0];
      const any = open ?? threadList(notes, "all", focus.state)[0];
      if (!open && any) setFilter("all");
      setExpanded(any?.thread.id ?? null);
    }
  }
  useEffect(() => {
    if (!expanded) return;
    list.current?.querySelector(`[data-thread-row="${CSS.escape(expanded)}"]`)?.scrollIntoView({ block: "start" });
  }, [expanded, seen]);

  if (!ui) return null;
  if (!ui.notes.path)
    return (
      <div className="comments-panel empty" data-testid="comments-panel">
        <p>Save the workflow first: its comments are kept in a file beside it.</p>
      </div>
    );
  const items = threadList(notes, filter);
  const counts = { open: threadList(notes, "open").length, resolved: threadList(notes, "resolved").length, all: threadList(notes, "all").length };
  const none = counts.all === 0;
  return (
    <div className="comments-panel" data-testid="comments-panel" ref={list}>
      <div className="comments-bar">
        <div className="segmented" role="radiogroup" aria-label="Show">
          {filters.map((f) => (
            <button key={f.id} type="button" role="radio" aria-checked={filter === f.id} className={filter === f.id ? "on" : ""} data-testid={`comments-filter-${f.id}`} onClick={() => setFilter(f.id)}>
              {f.label} <span className="count">{counts[f.id]}</span>
            </button>
          ))}
        </div>
        <AuthorLine />
        <button type="button" className="btn" data-testid="comment-workflow" onClick={() => setComposing("")}>
          Comment on the workflow
        </button>
      </div>
      {composing !== null && (
        <div className="compose" data-testid="compose">
          <p className="compose-title">
            New comment on <strong>{composing === "" ? "the whole workflow" : `“${composing}”`}</strong>
          </p>
          <CommentBox
            key={`${composing}:${seen}`}
            label={`New comment on ${placeName(composing)}`}
            placeholder="Ask a question, suggest a change, or note why it is so…"
            send="Comment"
            autoFocus
            testId="new-comment"
            onCancel={() => setComposing(null)}
            onSend={async (text) => {
              const ok = await ui.notes.apply([{ kind: "comment", state: composing, text }]);
              if (ok) {
                setComposing(null);
                setFilter((f) => (f === "resolved" ? "open" : f));
              }
              return ok;
            }}
          />
        </div>
      )}
      <Orphans />
      {none && composing === null ? (
        <div className="comments-empty" data-testid="comments-empty">
          <p>
            <strong>No comments yet.</strong> Comments are notes for the people you work with on this workflow: ask a question about a step,
            suggest a change, or explain why it is built this way.
          </p>
          <p className="muted">
            Right-click a step and choose <em>Add comment</em>. Comments are kept in a file beside the workflow, never in its code, so AWS never sees
            them.
          </p>
        </div>
      ) : items.length === 0 && !none ? (
        <p className="comments-empty muted">{filter === "open" ? "No open comments: everything is resolved." : "No resolved comments."}</p>
      ) : (
        <ul className="thread-list">
          {items.map((it) => (
            <ThreadRow
              key={it.thread.id}
              item={it}
              open={expanded === it.thread.id}
              onToggle={() => {
                setExpanded(expanded === it.thread.id ? null : it.thread.id);
                onPick(it.state);
              }}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function ThreadRow({ item, open, onToggle }: { item: ThreadItem; open: boolean; onToggle(): void }) {
  const { state, thread, first, replies, last } = item;
  return (
    <li className={`thread-row${open ? " open" : ""}${thread.resolved ? " resolved" : ""}`} data-testid="thread-row" data-thread-row={thread.id} data-state={state}>
      <button type="button" className="thread-summary" aria-expanded={open} onClick={onToggle}>
        <span className="thread-place">{placeName(state)}</span>
        <span className="thread-first">{first.text}</span>
        <span className="thread-meta">
          {first.author || "Someone"} · <time title={exactTime(last)}>{relativeTime(last)}</time>
          {replies ? ` · ${replies} repl${replies > 1 ? "ies" : "y"}` : ""}
          {thread.resolved ? " · resolved" : ""}
        </span>
      </button>
      {open && <Thread thread={thread} />}
    </li>
  );
}
