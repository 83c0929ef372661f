import { useEffect, useRef, useState } from "react";
import { isSend } from "./threads";

interface Props {
  label: string;
  placeholder: string;
  send: string;
  /** Sends the text; true when it was written (the box then empties). */
  onSend(text: string): Promise<boolean>;
  onCancel?(): void;
  autoFocus?: boolean;
  testId?: string;
}

/** A text box for a comment or a reply: Ctrl+Enter (or the button) sends it, Escape cancels. */
export function CommentBox({ label, placeholder, send, onSend, onCancel, autoFocus, testId = "comment-box" }: Props) {
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  const submit = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    const ok = await onSend(text.trim());
    setBusy(false);
    if (ok) setText("");
  };
  return (
    <div className="comment-box" data-testid={testId}>
      <textarea
        ref={ref}
        aria-label={label}
        placeholder={placeholder}
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation(); // the canvas's keys (Delete, Ctrl+D…) are not for this box
          if (isSend(e)) {
            e.preventDefault();
            void submit();
          } else if (e.key === "Escape" && onCancel) {
            e.preventDefault();
            onCancel();
          }
        }}
      />
      <div className="comment-box-actions">
        <span className="comment-hint">Ctrl+Enter to send</span>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="button" className="btn primary" disabled={!text.trim() || busy} onClick={() => void submit()} data-testid={`${testId}-send`}>
          {send}
        </button>
      </div>
    </div>
  );
}
