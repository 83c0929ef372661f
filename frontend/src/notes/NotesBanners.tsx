import type { Notes } from "./useNotes";

const base = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** What the notes have to say above the canvas: a failure, a Save As whose new name has notes, orphans. */
export function NotesBanners({ notes, onSave }: { notes: Notes; onSave: () => void }) {
  const c = notes.carryConflict;
  return (
    <div className="file-banners">
      {notes.error && (
        <div className="banner error" role="alert" data-testid="notes-error">
          <span>{notes.error}</span>
          {notes.needsSave && (
            <button
              className="btn primary"
              data-testid="notes-save"
              onClick={() => {
                notes.dismissError();
                onSave();
              }}
            >
              Save…
            </button>
          )}
          <button className="btn icon" aria-label="Dismiss" onClick={notes.dismissError}>
            ×
          </button>
        </div>
      )}
      {c && (
        <div className="banner warning" role="alert" data-testid="notes-carry">
          <span>
            {base(c.to)} already has notes beside it. Replace them with the notes of {base(c.from)}, or keep them?
          </span>
          <button className="btn primary" onClick={() => void notes.resolveCarry(true)}>
            Replace
          </button>
          <button className="btn" onClick={() => void notes.resolveCarry(false)}>
            Keep
          </button>
        </div>
      )}
    </div>
  );
}
