import { useEffect, useRef, useState } from "react";
import { errorMessage, listTemplates, templatePreview, type Template } from "../backend/studio";

interface Props {
  onPick: (id: string) => void;
  /** A blank workflow instead. */
  onBlank: () => void;
  onClose: () => void;
}

/** The template's diagram, drawn by Go as on export; blank until ready. */
function Preview({ id }: { id: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    templatePreview(id)
      .then((s) => live && setSvg(s))
      .catch(() => undefined); // the card still reads without a picture
    return () => {
      live = false;
    };
  }, [id]);
  return (
    <span className="template-preview" aria-hidden>
      {svg && <img alt="" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} />}
    </span>
  );
}

/** File > New: a blank workflow, then one card per template. */
export function TemplateGallery({ onPick, onBlank, onClose }: Props) {
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    listTemplates()
      .then(setTemplates)
      .catch((err) => setError(errorMessage(err)));
  }, []);

  // Focus is inside the dialog from its first frame (so Escape closes it even
  // before the templates arrive), on its first card (Blank workflow).
  useEffect(() => {
    const card = dialog.current?.querySelector<HTMLButtonElement>(".template-card");
    (card ?? dialog.current)?.focus();
  }, [templates]);

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialog}
        className="modal gallery"
        role="dialog"
        aria-modal="true"
        aria-labelledby="gallery-title"
        data-testid="template-gallery"
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id="gallery-title">New workflow</h2>
        <p className="muted">Start blank, or from a complete, valid workflow to adapt.</p>
        {error && <p className="modal-error">Could not list the templates: {error}</p>}
        <div className="template-grid">
          <button className="template-card blank" data-testid="template-blank" onClick={onBlank}>
            <span className="template-preview" aria-hidden>
              <span className="template-blank-mark">+</span>
            </span>
            <span className="template-title">Blank workflow</span>
            <span className="template-text">No steps yet: add them on the canvas.</span>
          </button>
          {templates?.map((t) => (
            <button key={t.id} className="template-card" data-testid="template-card" data-template={t.id} onClick={() => onPick(t.id)}>
              <Preview id={t.id} />
              <span className="template-title">{t.title}</span>
              <span className="template-text">{t.description}</span>
            </button>
          ))}
        </div>
        <div className="modal-actions">
          <button className="btn" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
