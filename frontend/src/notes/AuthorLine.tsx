import { useState } from "react";
import { useComments } from "./comments";

/** "Commenting as Ann — change": who comments are signed as, changed in place. */
export function AuthorLine() {
  const ui = useComments();
  const [draft, setDraft] = useState<string | null>(null);
  if (!ui) return null;
  if (draft === null)
    return (
      <p className="author-line" data-testid="author-line">
        Commenting as <strong data-testid="author-name">{ui.author || "…"}</strong> —{" "}
        <button type="button" className="ilink" onClick={() => setDraft(ui.author)} data-testid="author-change">
          change
        </button>
      </p>
    );
  const save = async () => {
    if (await ui.setAuthor(draft)) setDraft(null);
  };
  return (
    <form
      className="author-line"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        Your name on comments{" "}
        <input
          autoFocus
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === "Escape") setDraft(null);
          }}
          placeholder="Empty: your git user.name"
          data-testid="author-input"
        />
      </label>
      <button type="submit" className="btn primary">
        Save
      </button>
      <button type="button" className="btn" onClick={() => setDraft(null)}>
        Cancel
      </button>
    </form>
  );
}
