import { useState } from "react";
import { useComments } from "./comments";
import type { Notes } from "./useNotes";

/** A folder inside the workflow's own: relative, without "..". */
export function s3FolderProblem(dir: string): string | null {
  const d = dir.trim();
  if (d === "") return null;
  if (d.startsWith("/") || /^[A-Za-z]:/.test(d) || d.startsWith("\\")) return "give a folder inside the workflow's folder, not a full path";
  if (d.split(/[\\/]/).includes("..")) return "the folder must stay inside the workflow's folder (no ..)";
  return null;
}

/**
 * "Local folder for S3" for a Map state: where a Distributed Map's
 * ItemReader reads and its ResultWriter writes in studio runs
 * (s3://bucket/key is FOLDER/bucket/key). One folder per workflow, kept in
 * the project file beside it (NAME.studio.json).
 */
export function S3FolderSection() {
  const ui = useComments();
  const saved = ui?.notes.notes?.s3Root ?? "";
  if (!ui) return null;
  return (
    <section className="isection s3-folder-section" data-testid="s3-folder-section">
      <h3 className="isection-title">Local folder for S3</h3>
      {!ui.notes.path ? (
        <p className="muted">Save the workflow first: the folder is kept in a file beside it.</p>
      ) : (
        <S3FolderForm key={saved} saved={saved} apply={ui.notes.apply} />
      )}
    </section>
  );
}

function S3FolderForm({ saved, apply }: { saved: string; apply: Notes["apply"] }) {
  const [dir, setDir] = useState(saved);
  const problem = s3FolderProblem(dir);
  const dirty = dir.trim() !== saved;
  return (
    <div className="handler-form">
      <label className="ifield">
        <span className="ifield-label">When a Distributed Map reads or writes S3 in a run here, s3://bucket/key is this folder&rsquo;s bucket/key</span>
        <input value={dir} onChange={(e) => setDir(e.target.value)} placeholder="for example: s3 (a folder beside the workflow)" spellCheck={false} data-testid="s3-folder" />
      </label>
      {problem && <div className="field-error">{problem}</div>}
      <div className="pending-actions">
        <button type="button" className="primary" disabled={!dirty || !!problem} onClick={() => void apply([{ kind: "setS3Root", text: dir.trim() }])} data-testid="s3-folder-save">
          Save
        </button>
      </div>
    </div>
  );
}
