import { useState } from "react";
import { pauseKey, pauseWhere, type RunSession } from "./session";
import type { RunPause } from "../backend/studio";

/** "Double in item 3 of Each item"; the state alone at the top level. */
export function pauseLabel(p: RunPause): string {
  const where = pauseWhere(p);
  return where ? `${p.state} in ${where}` : p.state;
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text; // cut short: shown as it is
  }
}

/**
 * What a paused run waits on: before which state, in which Map item, and
 * the input that state will get. When several items are paused, a small
 * list picks the one Step moves on; the others stay where they are.
 */
export function PauseBanner({ session: s }: { session: RunSession }) {
  const [showInput, setShowInput] = useState(false);
  const target = s.stepTarget;
  if (!s.live || !target) return null;
  const several = s.pauses.length > 1;
  return (
    <div className="run-pause-banner" data-testid="run-pause-banner" role="status">
      <div className="run-pause-head">
        <span data-testid="run-pause-label">Paused before {pauseLabel(target)}</span>
        <button className="link" onClick={() => setShowInput(!showInput)} aria-expanded={showInput} data-testid="run-pause-show-input">
          {showInput ? "hide input" : "show input"}
        </button>
        {s.waiting.length > 0 && (
          <span className="muted" data-testid="run-pause-waiting" title="One item at a time runs into a breakpoint; the others wait before it, in item order">
            {s.waiting.length} more {s.waiting.length === 1 ? "item waits" : "items wait"} before a breakpoint
          </span>
        )}
      </div>
      {showInput && (
        <pre className="run-pause-input" data-testid="run-pause-input" aria-label={`The input ${target.state} will get`}>
          {pretty(target.input)}
          {target.truncated ? "\n… (cut short)" : ""}
        </pre>
      )}
      {several && (
        <fieldset className="run-pause-list" data-testid="run-pause-list">
          <legend>{s.pauses.length} paused: Step moves the one picked</legend>
          {s.pauses.map((p) => (
            <label key={p.id} data-testid="run-pause-pick">
              <input type="radio" name="run-pause-pick" checked={pauseKey(p) === pauseKey(target)} onChange={() => s.pickPause(p)} /> {pauseLabel(p)}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
