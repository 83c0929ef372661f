import { useEffect, useRef } from "react";
import type { Answer, Question } from "../document/guard";
import { quoteList } from "../document/commands/reconnect";
import "../files/files.css"; // .modal and .btn

/**
 * Asked before an edit would cut steps off (nothing would lead to them any
 * more): reconnect them (the default, saying how), cut them off, or cancel.
 */
export function CutOffDialog({ question, onAnswer }: { question: Question; onAnswer(a: Answer): void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [question]);
  const n = question.cut.length;
  const steps = n === 1 ? "1 step" : `${n} steps`;
  const them = n === 1 ? "it" : "them";
  return (
    <div className="modal-backdrop">
      <div
        className="modal cut-off"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="cut-off-title"
        aria-describedby="cut-off-text"
        data-testid="cut-off-dialog"
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === "Escape") onAnswer("cancel");
        }}
      >
        <h2 id="cut-off-title">This change would cut off {steps}</h2>
        <p id="cut-off-text">
          Nothing would lead to {quoteList(question.cut)} any more, so a run could never reach {them}.
        </p>
        {question.reconnect ? (
          <div className="cut-off-how" data-testid="cut-off-how">
            <div className="muted">Reconnecting {them}:</div>
            <ul>
              {question.reconnect.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="muted" data-testid="cut-off-how">
            Stepstudio cannot reconnect {them} for you here. Cut {them} off and connect {them} yourself, or cancel.
          </p>
        )}
        <div className="modal-actions">
          <button className="btn" data-testid="cut-off-cancel" ref={question.reconnect ? undefined : first} onClick={() => onAnswer("cancel")}>
            Cancel
          </button>
          <button className="btn danger" data-testid="cut-off-cut" onClick={() => onAnswer("cut")}>
            Cut {them} off
          </button>
          {question.reconnect && (
            <button ref={first} className="btn primary" data-testid="cut-off-reconnect" onClick={() => onAnswer("reconnect")}>
              Reconnect {them}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
