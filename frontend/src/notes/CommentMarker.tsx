import { useComments } from "./comments";
import "./notes.css";
import { countWords } from "./threads";

/** A speech bubble, drawn (no emoji font needed). */
export function Bubble() {
  return (
    <svg className="bubble" width="12" height="12" viewBox="0 0 16 16" aria-hidden>
      <path d="M2 2.5h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H7l-3.5 3v-3H2a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1z" fill="currentColor" />
    </svg>
  );
}

/**
 * The comments on a state, on its box: a bubble with the count of open
 * threads; a muted bubble when all are resolved. A click shows them.
 */
export function CommentMarker({ state }: { state: string }) {
  const ui = useComments();
  const c = ui?.counts.get(state);
  if (!ui || !c) return null;
  const words = countWords(c);
  return (
    <button
      type="button"
      className={`badge comment-marker nodrag nopan${c.open ? "" : " muted"}`}
      title={`${words} — click to read`}
      aria-label={`${words} on ${state}`}
      data-testid="comment-marker"
      data-count={c.open}
      onClick={(e) => {
        e.stopPropagation();
        ui.open(state);
      }}
    >
      <Bubble /> {c.open || "✓"}
    </button>
  );
}

/** The workflow's own comments, on the canvas's corner. */
export function WorkflowMarker() {
  const ui = useComments();
  const c = ui?.counts.get("");
  if (!ui || !c) return null;
  return (
    <button
      type="button"
      className={`workflow-marker${c.open ? "" : " muted"}`}
      title="Comments on the whole workflow — click to read"
      data-testid="workflow-marker"
      data-count={c.open}
      onClick={() => ui.open("")}
    >
      <Bubble /> {countWords(c)} on the workflow
    </button>
  );
}
