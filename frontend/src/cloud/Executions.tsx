import { useState } from "react";
import type { ExecutionDetail } from "../backend/cloud";
import type { Cloud } from "./useCloud";

const statuses = ["", "RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE"];
const redrivable = new Set(["FAILED", "TIMED_OUT", "ABORTED"]);

interface Props {
  cloud: Cloud;
  onShowRun: () => void;
  onRunLocally: (input: string) => void;
}

/**
 * Executions in AWS: start one (input and name), list the recent ones
 * (status filter, search by name), open one — also by ARN — on the
 * diagram, stop, redrive, keep in the local history, run it here.
 */
export function Executions({ cloud: c, onShowRun, onRunLocally }: Props) {
  const [input, setInput] = useState("{}");
  const [name, setName] = useState("");
  const [arn, setArn] = useState("");
  return (
    <div className="cloud-executions" data-testid="cloud-executions">
      <div className="cloud-exec-side">
        <form
          className="cloud-start"
          onSubmit={(e) => {
            e.preventDefault();
            void c.start(name, input).then((ok) => ok && onShowRun());
          }}
        >
          <h4>Start an execution</h4>
          <label>
            Input (JSON)
            <textarea rows={4} value={input} onChange={(e) => setInput(e.target.value)} spellCheck={false} data-testid="cloud-input" />
          </label>
          <label>
            Name (optional)
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="AWS picks one" data-testid="cloud-exec-name" />
          </label>
          <button className="btn primary" type="submit" disabled={!!c.busy} data-testid="cloud-start">
            Start in AWS
          </button>
        </form>
        <form
          className="cloud-open"
          onSubmit={(e) => {
            e.preventDefault();
            void c.open(arn).then((ok) => ok && onShowRun());
          }}
        >
          <label>
            Open an execution by ARN
            <input value={arn} onChange={(e) => setArn(e.target.value)} placeholder="arn:aws:states:…:execution:…" data-testid="cloud-open-arn" />
          </label>
          <button className="btn" type="submit" disabled={!arn.trim() || !!c.busy}>
            Open
          </button>
        </form>
      </div>
      <div className="cloud-exec-main">
        {c.watched && <Watched d={c.watched} cloud={c} onShowRun={onShowRun} onRunLocally={onRunLocally} />}
        <form
          className="cloud-filter"
          onSubmit={(e) => {
            e.preventDefault();
            void c.listExecutions();
          }}
        >
          <select value={c.statusFilter} onChange={(e) => c.setFilter(e.target.value, c.search)} aria-label="Status" data-testid="cloud-status-filter">
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s ? s.toLowerCase().replace("_", " ") : "any status"}
              </option>
            ))}
          </select>
          <input value={c.search} onChange={(e) => c.setFilter(c.statusFilter, e.target.value)} placeholder="Search by name" aria-label="Search by name" data-testid="cloud-search" />
          <button className="btn" type="submit" disabled={!!c.busy} data-testid="cloud-refresh">
            Refresh
          </button>
        </form>
        {c.executions.length === 0 ? (
          <p className="muted">No executions{c.statusFilter || c.search ? " match" : " yet"}.</p>
        ) : (
          <ul className="cloud-exec-list" data-testid="cloud-exec-list">
            {c.executions.map((e) => (
              <li key={e.executionArn} className={`s-${e.status}${c.watched?.executionArn === e.executionArn ? " shown" : ""}`} data-testid="cloud-exec" data-status={e.status} data-name={e.name}>
                <button className="link" onClick={() => void c.open(e.executionArn).then((ok) => ok && onShowRun())} title={e.executionArn}>
                  {e.name}
                </button>
                <span className={`cloud-status s-${e.status}`}>{e.status.toLowerCase().replace("_", " ")}</span>
                <span className="muted">{when(e.startDate)}</span>
                {e.redriveCount ? <span className="muted">redriven {e.redriveCount}×</span> : null}
              </li>
            ))}
          </ul>
        )}
        {c.nextToken && (
          <button className="btn" onClick={() => void c.listExecutions(true)} disabled={!!c.busy}>
            More…
          </button>
        )}
      </div>
    </div>
  );
}

function Watched({ d, cloud: c, onShowRun, onRunLocally }: { d: ExecutionDetail; cloud: Cloud; onShowRun: () => void; onRunLocally: (input: string) => void }) {
  return (
    <section className={`cloud-watched s-${d.status}`} data-testid="cloud-watched" data-status={d.status}>
      <h4>
        {d.name} <span className={`cloud-status s-${d.status}`}>{d.status.toLowerCase().replace("_", " ")}</span>
        {c.following && <span className="muted"> · following…</span>}
      </h4>
      {d.error && (
        <p className="cloud-failed">
          Failed with <code>{d.error}</code>
          {d.cause ? `: ${d.cause}` : ""}
        </p>
      )}
      {c.express && (
        <p className="cloud-express" data-testid="cloud-express">
          This is an Express workflow: AWS keeps no step-by-step history for it, so only its input, output and status are shown. To see its steps, turn on logging to CloudWatch Logs (Deploy settings › Logging: Everything).
        </p>
      )}
      <div className="cloud-watched-actions">
        {!c.express && (
          <button className="btn" onClick={onShowRun} data-testid="cloud-show-run">
            Show on the diagram
          </button>
        )}
        {d.status === "RUNNING" && (
          <button className="btn danger" onClick={() => void c.stop(d.executionArn)} disabled={!!c.busy} data-testid="cloud-stop">
            Stop
          </button>
        )}
        {redrivable.has(d.status) && !c.express && (
          <button className="btn" onClick={() => void c.redrive(d.executionArn)} disabled={!!c.busy} data-testid="cloud-redrive" title="AWS goes on from the step that failed, in the same execution">
            Redrive
          </button>
        )}
        {!c.express && (
          <button className="btn" onClick={() => void c.keepLocally(d.executionArn)} disabled={!!c.busy} data-testid="cloud-keep" title="AWS forgets executions after 90 days; the local run history keeps them">
            Keep in local history
          </button>
        )}
        <button className="btn" onClick={() => onRunLocally(d.input)} data-testid="cloud-run-locally" title="Run this workflow here, on the studio's engine, with the same input">
          Run here with this input
        </button>
      </div>
      <details>
        <summary>Input and output</summary>
        <pre>{d.input}</pre>
        {d.output && <pre>{d.output}</pre>}
        <code className="muted">{d.executionArn}</code>
      </details>
    </section>
  );
}

function when(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toLocaleString();
}
