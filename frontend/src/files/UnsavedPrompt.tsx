import { useEffect, useRef } from "react";

interface Props {
  name: string;
  reason: string;
  onAnswer: (choice: "save" | "discard" | "cancel") => void;
}

/** Asks what to do with unsaved changes before they would be lost. */
export function UnsavedPrompt({ name, reason, onAnswer }: Props) {
  const saveButton = useRef<HTMLButtonElement>(null);
  useEffect(() => saveButton.current?.focus(), []);
  return (
    <div className="modal-backdrop">
      <div
        className="modal prompt"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="unsaved-title"
        aria-describedby="unsaved-text"
        data-testid="unsaved-prompt"
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.stopPropagation();
            onAnswer("cancel");
          }
        }}
      >
        <h2 id="unsaved-title">Save changes to {name}?</h2>
        <p id="unsaved-text" className="muted">
          You are about to {reason}. Changes you have not saved will be lost if you don't save them.
        </p>
        <div className="modal-actions">
          <button className="btn" onClick={() => onAnswer("cancel")}>
            Cancel
          </button>
          <button className="btn danger" data-testid="unsaved-discard" onClick={() => onAnswer("discard")}>
            Don't save
          </button>
          <button ref={saveButton} className="btn primary" data-testid="unsaved-save" onClick={() => onAnswer("save")}>
            Save
          </button>
        </div>
      </div>
    </div>
  );
}
