import { useState, type KeyboardEvent } from "react";
import { parseField, showValue, type Kind, type Limits } from "../values";
import { useForm } from "../context";
import { historyKey } from "./historyKey";

interface Props {
  id?: string;
  kind: Exclude<Kind, "json" | "enum">;
  value: unknown;
  limits?: Limits;
  placeholder?: string;
  /** Called with the parsed value (undefined: cleared) when the edit is done; false refuses it (the text stays). */
  onCommit(value: unknown): void | boolean;
  onError(error: string | null): void;
  testId?: string;
  label?: string;
  /** A growing text area (comments); Enter still commits, Shift+Enter starts a new line. */
  multiline?: boolean;
  /** Code (an expression): monospace. */
  code?: boolean;
}

/**
 * A one-line field that writes when the edit is done (Enter or leaving the
 * field), so one edit is one undo step; Escape puts the value back. What
 * cannot be parsed is kept in the field with the reason beside it.
 */
export function TextInput({ id, kind, value, limits, placeholder, onCommit, onError, testId, label, multiline, code }: Props) {
  const { undo, redo } = useForm();
  const shown = showValue(kind, value);
  // While editing, the field shows what is typed; otherwise the value, whoever changed it.
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(shown);
  const text = editing ? draft : shown;

  const commit = () => {
    if (text === shown) {
      setEditing(false);
      return onError(null);
    }
    const p = parseField(kind, text, limits);
    // What cannot be written stays in the field, with the reason beside it.
    if (!p.ok) return onError(p.error);
    onError(null);
    if (onCommit(p.value) !== false) setEditing(false);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    // With no pending edit, Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y act on the document's one history.
    const h = text === shown ? historyKey(e) : null;
    if (h) {
      e.preventDefault();
      return h === "undo" ? undo() : redo();
    }
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      commit();
    } else if (e.key === "Escape") {
      setEditing(false);
      onError(null);
      e.currentTarget.blur();
    }
  };
  const common = {
    id,
    value: text,
    placeholder,
    spellCheck: false,
    "aria-label": label,
    "data-testid": testId,
    onBlur: commit,
    onKeyDown: onKey,
  };
  if (multiline)
    return (
      <textarea
        {...common}
        className={`iinput itext${code ? " mono" : ""}`}
        rows={Math.min(6, Math.max(2, Math.ceil(text.length / 34)))}
        spellCheck={!code}
        onChange={(e) => {
          setEditing(true);
          setDraft(e.target.value);
        }}
      />
    );
  return (
    <input
      id={id}
      className={`iinput${kind === "path" || kind === "int" || kind === "number" ? " mono" : ""}`}
      value={text}
      placeholder={placeholder}
      inputMode={kind === "int" ? "numeric" : kind === "number" ? "decimal" : undefined}
      spellCheck={false}
      aria-label={label}
      data-testid={testId}
      onChange={(e) => {
        setEditing(true);
        setDraft(e.target.value);
      }}
      onBlur={commit}
      onKeyDown={onKey}
    />
  );
}
