import { useEffect, useRef, useState } from "react";
import type { CompareDoc, CompareUI } from "./useCompare";

const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/**
 * Compare…: what to compare the workflow with. Another file (the system's
 * open dialog), the file as last saved, or a git revision (a list of the
 * commits that changed the file, newest first).
 */
export function ComparePicker({ ui, doc }: { ui: CompareUI; doc: CompareDoc }) {
  const [revs, setRevs] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const noFile = doc.inTemplate ? "This workflow lives inside a template, so it has no file of its own." : !doc.path ? "Save the workflow first." : "";
  const showRevisions = () => {
    setRevs(true);
    void ui.loadRevisions();
  };
  return (
    <div className="modal-backdrop">
      <div
        className="modal compare-picker"
        role="dialog"
        aria-modal="true"
        aria-labelledby="compare-title"
        data-testid="compare-picker"
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.stopPropagation();
            ui.closePicker();
          }
        }}
      >
        <h2 id="compare-title">Compare {doc.name} with…</h2>
        <p className="muted">The diagram shows what changed: steps added, removed, changed, renamed or moved, and each step's changes field by field.</p>
        <div className="compare-choices">
          <button ref={first} className="btn compare-choice" data-testid="compare-saved" disabled={!!noFile || ui.busy} onClick={() => void ui.withSaved()}>
            <strong>The last saved version</strong>
            <span className="muted">{noFile || "Your changes since you last saved."}</span>
          </button>
          <button className="btn compare-choice" data-testid="compare-revision" disabled={!!noFile || ui.busy} onClick={showRevisions}>
            <strong>A git revision…</strong>
            <span className="muted">{noFile || "The file as a commit holds it."}</span>
          </button>
          <button className="btn compare-choice" data-testid="compare-file" disabled={ui.busy} onClick={() => void ui.withFile()}>
            <strong>Another file…</strong>
            <span className="muted">Any workflow file, e.g. a colleague's copy.</span>
          </button>
        </div>
        {revs && <RevisionList ui={ui} />}
        {ui.error && (
          <p className="modal-error" role="alert" data-testid="compare-error">
            {ui.error}
          </p>
        )}
        <div className="modal-actions">
          <button className="btn" onClick={ui.closePicker} data-testid="compare-cancel">
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}

function RevisionList({ ui }: { ui: CompareUI }) {
  const list = ui.revisions;
  if (!list) return <p className="muted">Reading the history…</p>;
  if (!list.revisions.length) {
    return (
      <p className="muted" data-testid="compare-no-revisions">
        {list.reason}
      </p>
    );
  }
  return (
    <>
      <h3 className="compare-revisions-head">Commits that changed the file, newest first</h3>
      <ul className="compare-revisions" aria-label="Revisions of the file, newest first" data-testid="compare-revisions">
        {list.revisions.map((r) => (
          <li key={r.hash}>
            <button className="compare-revision" data-testid="compare-revision-item" data-hash={r.hash} disabled={ui.busy} onClick={() => void ui.withRevision(r.hash)}>
              <span className="compare-subject">{r.subject || "(no message)"}</span>
              <span className="muted">
                {r.author} · {day.format(new Date(r.when))} · <code>{r.short}</code>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
