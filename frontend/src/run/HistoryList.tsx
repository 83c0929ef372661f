import { useState } from "react";
import { tryItLabel, type RunSession } from "./session";
import { errorMessage, saveRunHistory } from "../backend/studio";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "medium" });

/** Every run of this workflow, newest first: open to replay, export, delete; import an AWS history. */
export function HistoryList({ session }: { session: RunSession }) {
  const [paste, setPaste] = useState("");
  const [msg, setMsg] = useState<string | null>(null);
  const readFile = async (f: File | undefined) => {
    if (f) await session.importHistory(await f.text());
  };
  return (
    <div className="run-history">
      {session.history.length === 0 && <p className="muted">No runs of this workflow yet.</p>}
      <ul>
        {session.history.map((r) => (
          <li key={r.id} className={r.id === session.runId ? "current" : undefined} data-testid="history-run">
            <span className={`run-status-pill s-${r.status}`}>{r.status}</span>
            <span className="history-when">{when.format(new Date(r.startDate))}</span>
            {r.machine && (
              <span className="endpoint-mark" data-testid="history-endpoint" title={`Started by a program through the local endpoint: ${r.executionArn ?? ""}`}>
                ⇄ {r.machine}
              </span>
            )}
            <span className="muted">
              {r.machine ? `from the local endpoint · ${r.name} · ` : ""}
              {r.tryIt ? `${tryItLabel} · ` : ""}
              {r.events} events{r.imported ? " · imported" : ""}
              {r.startAt ? ` · from ${r.startAt}` : ""}
              {r.testCase ? ` · ${r.testCase}` : ""}
              {r.error ? ` · ${r.error}` : ""}
            </span>
            <span className="history-actions">
              <button onClick={() => void session.open(r.id)} data-testid="history-open">
                Open
              </button>
              <button
                onClick={() =>
                  saveRunHistory(r.id, `${r.name}.history.json`)
                    .then((path) => path && setMsg(`Saved to ${path}`))
                    .catch((err) => setMsg(errorMessage(err)))
                }
                title="Save as AWS GetExecutionHistory JSON"
              >
                Export…
              </button>
              <button className="danger-text" onClick={() => void session.remove(r.id)} aria-label={`Delete run of ${r.startDate}`}>
                Delete
              </button>
            </span>
          </li>
        ))}
      </ul>
      <details className="history-import">
        <summary>Import an execution history (AWS GetExecutionHistory JSON)</summary>
        <input type="file" accept=".json,application/json" aria-label="History file" onChange={(e) => void readFile(e.target.files?.[0])} />
        <textarea
          className="run-json-input"
          rows={4}
          placeholder='…or paste {"events": [...]} here'
          value={paste}
          onChange={(e) => setPaste(e.target.value)}
          aria-label="History JSON"
          data-testid="import-text"
        />
        <button disabled={!paste.trim()} onClick={() => void session.importHistory(paste).then((ok) => ok && setPaste(""))} data-testid="import">
          Import
        </button>
      </details>
      {msg && (
        <div className={msg.startsWith("Saved to") ? "muted" : "field-error"} data-testid="history-message">
          {msg}
        </div>
      )}
    </div>
  );
}
