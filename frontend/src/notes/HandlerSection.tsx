import { useState } from "react";
import type { TaskHandler } from "../backend/studio";
import { useComments } from "./comments";
import { joinCommand, splitCommand } from "./argv";
import type { Notes } from "./useNotes";

type Kind = "none" | TaskHandler["kind"];

const kinds: { kind: Kind; label: string }[] = [
  { kind: "none", label: "Nothing: I answer it by hand" },
  { kind: "command", label: "A command on this computer" },
  { kind: "http", label: "An HTTP endpoint" },
  { kind: "lambda", label: "A Lambda-compatible endpoint" },
];

/**
 * "Run locally with…" for a Task state: what answers it in studio runs.
 * Kept in the project file beside the workflow (NAME.studio.json), so the
 * team shares it; whether a command may run is asked on each computer, and
 * kept there, never in the project.
 */
export function HandlerSection({ state }: { state: string }) {
  const ui = useComments();
  const saved = ui?.notes.notes?.handlers?.[state];
  // The form is a draft of the saved handler; keyed by it so a save (or
  // another studio's change) starts a fresh draft.
  const key = JSON.stringify(saved ?? null);
  if (!ui) return null;
  return (
    <section className="isection handler-section" data-testid="handler-section">
      <h3 className="isection-title">Run locally with…</h3>
      {!ui.notes.path ? (
        <p className="muted">Save the workflow first: how its tasks run locally is kept in a file beside it.</p>
      ) : (
        <HandlerForm key={key} state={state} saved={saved} apply={ui.notes.apply} />
      )}
    </section>
  );
}

function HandlerForm({ state, saved, apply }: { state: string; saved: TaskHandler | undefined; apply: Notes["apply"] }) {
  const [kind, setKind] = useState<Kind>(saved?.kind ?? "none");
  const [line, setLine] = useState(saved?.command ? joinCommand(saved.command) : "");
  const [dir, setDir] = useState(saved?.dir ?? "");
  const [url, setUrl] = useState(saved?.url ?? "");
  const [timeout, setTimeoutText] = useState(saved?.timeoutSeconds ? String(saved.timeoutSeconds) : "");
  const split = splitCommand(line);
  const secs = timeout.trim() === "" ? 0 : Number(timeout);
  const timeoutError = !Number.isFinite(secs) || secs < 0 ? "a number of seconds" : null;
  const problem =
    kind === "command"
      ? (split.error ?? (split.argv.length === 0 ? "give the command to run" : null))
      : kind !== "none" && !/^https?:\/\/[^/]+/.test(url.trim())
        ? "give an http:// or https:// address"
        : null;
  const next: TaskHandler | null =
    kind === "none"
      ? null
      : kind === "command"
        ? { kind, command: split.argv, ...(dir.trim() ? { dir: dir.trim() } : {}), ...(secs ? { timeoutSeconds: secs } : {}) }
        : { kind, url: url.trim(), ...(secs ? { timeoutSeconds: secs } : {}) };
  const dirty = JSON.stringify(next) !== JSON.stringify(saved ?? null);
  const save = () => void apply(next ? [{ kind: "setHandler", state, handler: next }] : [{ kind: "clearHandler", state }]);
  return (
    <div className="handler-form">
      <label className="ifield">
        <span className="ifield-label">When the workflow runs here, this step is answered by</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="handler-kind">
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      {kind === "command" && (
        <>
          <label className="ifield">
            <span className="ifield-label">Command (it gets the step&rsquo;s input as JSON and prints the result as JSON)</span>
            <input value={line} onChange={(e) => setLine(e.target.value)} placeholder="./validate-order.sh --strict" spellCheck={false} data-testid="handler-command" />
          </label>
          <label className="ifield">
            <span className="ifield-label">Runs in the folder (inside the workflow&rsquo;s folder)</span>
            <input value={dir} onChange={(e) => setDir(e.target.value)} placeholder="the workflow's folder" spellCheck={false} data-testid="handler-dir" />
          </label>
        </>
      )}
      {(kind === "http" || kind === "lambda") && (
        <label className="ifield">
          <span className="ifield-label">{kind === "http" ? "Address (the step's input is POSTed as JSON)" : "Endpoint (for example sam local start-lambda)"}</span>
          <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder={kind === "http" ? "http://127.0.0.1:8080/validate" : "http://127.0.0.1:3001"} spellCheck={false} data-testid="handler-url" />
        </label>
      )}
      {kind !== "none" && (
        <label className="ifield">
          <span className="ifield-label">Time limit in seconds (empty: 60)</span>
          <input value={timeout} onChange={(e) => setTimeoutText(e.target.value)} inputMode="decimal" data-testid="handler-timeout" />
        </label>
      )}
      {(problem || timeoutError) && <div className="field-error">{problem ?? `The time limit must be ${timeoutError}`}</div>}
      {kind === "command" && <p className="muted">Each computer asks once before it runs this command, and again when it changes.</p>}
      <div className="pending-actions">
        <button type="button" className="primary" disabled={!dirty || !!problem || !!timeoutError} onClick={save} data-testid="handler-save">
          Save
        </button>
      </div>
    </div>
  );
}
