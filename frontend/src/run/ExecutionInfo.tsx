import type { RunSession } from "./session";
import { pretty } from "./inspect";

/** When a time was, shown in the viewer's time; "" for none. */
function when(t: unknown): string {
  const ms = typeof t === "string" ? Date.parse(t) : NaN;
  return Number.isFinite(ms) && ms > 0 ? new Date(ms).toLocaleString() : "";
}

/**
 * The execution as a whole, as the AWS console's execution page shows it:
 * how it ended and why, when, its input and its output.
 */
export function ExecutionInfo({ session }: { session: RunSession }) {
  const m = session.meta;
  if (!m) return <p className="muted run-empty">No run yet.</p>;
  const start = when(m.startDate);
  const stop = session.live ? "" : when(m.stopDate);
  const took = start && stop ? Date.parse(m.stopDate) - Date.parse(m.startDate) : null;
  const how = [m.imported ? "Imported history" : "", m.testCase ? `test case “${m.testCase}”` : "", m.tryIt ? "Try it (generated answers)" : "", m.startAt ? `started at “${m.startAt}”` : ""].filter(Boolean);
  return (
    <div className="run-execution" data-testid="execution-info">
      <dl className="exec-facts">
        <dt>Status</dt>
        <dd>
          <span className={`run-status-pill s-${session.live ? "RUNNING" : m.status}`}>{session.live ? "RUNNING" : m.status}</span>
        </dd>
        {start && (
          <>
            <dt>Started</dt>
            <dd>{start}</dd>
          </>
        )}
        {stop && (
          <>
            <dt>Ended</dt>
            <dd>
              {stop}
              {took !== null ? ` (${took} ms)` : ""}
            </dd>
          </>
        )}
        {how.length > 0 && (
          <>
            <dt>How</dt>
            <dd>{how.join(", ")}</dd>
          </>
        )}
        <dt>Events</dt>
        <dd>{m.events}</dd>
      </dl>
      {m.error && (
        <div className="run-error-box" data-testid="execution-error">
          <strong>{m.error}</strong>
          {m.cause && <div className="exec-cause">{m.cause}</div>}
        </div>
      )}
      <div className="exec-io">
        <section>
          <h4>Input</h4>
          <pre className="run-json" data-testid="execution-input">
            {pretty(m.input || "{}")}
          </pre>
        </section>
        <section>
          <h4>Output</h4>
          {m.output !== undefined && m.output !== "" ? (
            <pre className="run-json" data-testid="execution-output">
              {pretty(m.output)}
            </pre>
          ) : (
            <p className="muted">{session.live ? "Not finished yet." : "No output: the execution did not succeed."}</p>
          )}
        </section>
      </div>
    </div>
  );
}
