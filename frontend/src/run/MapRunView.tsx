import { useEffect, useMemo, useRef, useState } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { childExecution, errorMessage, mapRuns, type ChildExecution, type MapRun } from "../backend/studio";
import type { RunSession } from "./session";
import { childDuration, childStatusText, childStatusWords, countChildren, countRedriven, filterChildren, mapRunSummary, type ChildFilter, type ChildStatus } from "./mapRun";

/** One row's height (px), so only the rows in view are drawn. */
const ROW = 24;
/** How often a live run's Map Runs are asked for again (ms). */
const REFRESH = 500;

/**
 * A distributed Map's Map Run, as the AWS console shows it: how many
 * child executions succeeded or failed, then the children themselves
 * (virtualised, filtered by status); a click opens one child with its own
 * input, output or error, and history.
 */
export function MapRunView({ session: s, preferred }: { session: RunSession; preferred?: string }) {
  const runId = s.runId;
  const live = s.live;
  const [runs, setRuns] = useState<MapRun[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const tick = s.index?.events.length ?? 0;
  useEffect(() => {
    if (!runId) return;
    let gone = false;
    const load = () =>
      mapRuns(runId).then(
        (r) => !gone && (setRuns(r), setProblem(null)),
        (e: unknown) => !gone && setProblem(errorMessage(e)),
      );
    void load();
    const t = live ? window.setInterval(load, REFRESH) : undefined;
    return () => {
      gone = true;
      if (t) window.clearInterval(t);
    };
  }, [runId, live, tick]);
  const [chosen, setChosen] = useState("");
  const run = runs.find((r) => r.mapRunArn === chosen) ?? runs.find((r) => r.stateName === preferred) ?? runs[0];
  const [status, setStatus] = useState<ChildFilter>("");
  const all = useMemo(() => run?.children ?? [], [run]);
  const rows = useMemo(() => filterChildren(all, status), [all, status]);
  const counts = useMemo(() => countChildren(all), [all]);
  const redriven = useMemo(() => countRedriven(all), [all]);
  const scroller = useRef<HTMLDivElement>(null);
  const rowsInView = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 20 });
  const [open, setOpen] = useState<ChildExecution | null>(null);
  const [openProblem, setOpenProblem] = useState<string | null>(null);
  if (problem) return <p className="run-error">The Map Runs cannot be shown: {problem}</p>;
  if (!run) return <p className="muted run-empty">No Map Run has started yet.</p>;
  const openChild = (c: ChildExecution) => {
    if (!runId) return;
    setOpenProblem(null);
    childExecution(runId, run.mapRunArn, c.index).then(setOpen, (e: unknown) => setOpenProblem(errorMessage(e)));
  };
  const items = rowsInView.getVirtualItems();
  return (
    <div className="run-events run-items map-run" data-testid="map-run">
      <div className="run-toolbar">
        {runs.length > 1 && (
          <select value={run.mapRunArn} onChange={(e) => setChosen(e.target.value)} aria-label="Map Run">
            {runs.map((r, i) => (
              <option key={r.mapRunArn} value={r.mapRunArn}>
                {r.stateName} (run {i + 1})
              </option>
            ))}
          </select>
        )}
        <strong data-testid="map-run-status" data-status={run.status} data-redrives={run.redriveCount ?? 0}>
          Map Run of {run.stateName}: {run.status.toLowerCase()}
        </strong>
        <span className="muted" data-testid="map-run-summary">
          {mapRunSummary(run)}
        </span>
        <select value={status} onChange={(e) => setStatus(e.target.value as ChildFilter)} aria-label="Filter child executions by status" data-testid="map-run-filter">
          <option value="">All child executions ({all.length})</option>
          {(Object.keys(childStatusWords) as ChildStatus[]).map((k) => (
            <option key={k} value={k} disabled={counts[k] === 0}>
              {childStatusWords[k]} ({counts[k]})
            </option>
          ))}
          {(run.redriveCount ?? 0) > 0 && (
            <option value="REDRIVEN" disabled={redriven === 0}>
              Redriven ({redriven})
            </option>
          )}
        </select>
      </div>
      <div className="map-run-body">
        <div className="events-scroll" ref={scroller} data-testid="map-run-scroll">
          <table className="events-table">
            <thead>
              <tr>
                <th title="Items count from 1; $$.Map.Item.Index counts from 0">Item</th>
                <th>Status</th>
                <th title="The child execution's own name ($$.Execution.Name inside it)">Execution</th>
                {(run.redriveCount ?? 0) > 0 && <th title="How many times the child was redriven with its Map Run (AWS's redriveCount; a STANDARD child goes on in its own history)">Redrives</th>}
                <th>Duration</th>
                <th>Error</th>
              </tr>
            </thead>
            <tbody>
              {items.length > 0 && <tr style={{ height: items[0].start }} aria-hidden />}
              {items.map((item) => {
                const c = rows[item.index];
                const on = open?.index === c.index;
                const d = childDuration(c);
                return (
                  <tr
                    key={c.index}
                    className={`map-item s-${c.status.toLowerCase()}${on ? " on" : ""}${c.status === "FAILED" || c.status === "TIMED_OUT" || c.status === "ABORTED" ? " bad" : ""}`}
                    onClick={() => (on ? setOpen(null) : openChild(c))}
                    title={c.executionArn || "Not started yet"}
                    aria-selected={on}
                    data-testid="map-run-child"
                    data-index={c.index}
                    data-status={c.status}
                    data-redrives={c.redriveCount ?? 0}
                    style={{ height: ROW }}
                  >
                    <td>{c.index + 1}</td>
                    <td>{childStatusText(c)}</td>
                    <td className="event-details">{c.name}</td>
                    {(run.redriveCount ?? 0) > 0 && <td>{c.redriveCount ? `${c.redriveCount}×` : ""}</td>}
                    <td>{d === null ? "" : `${d} ms`}</td>
                    <td className="event-details" title={c.cause}>
                      {c.error ? `${c.error}${c.cause ? `: ${c.cause.slice(0, 120)}` : ""}` : ""}
                    </td>
                  </tr>
                );
              })}
              {items.length > 0 && <tr style={{ height: rowsInView.getTotalSize() - items[items.length - 1].end }} aria-hidden />}
            </tbody>
          </table>
        </div>
        {openProblem && <p className="run-error">{openProblem}</p>}
        {open && <ChildDetails child={open} onClose={() => setOpen(null)} />}
      </div>
    </div>
  );
}

/** One child execution: what it was given, how it ended, its own history. */
function ChildDetails({ child: c, onClose }: { child: ChildExecution; onClose: () => void }) {
  return (
    <section className="map-run-child" data-testid="map-run-child-details" aria-label={`Child execution ${c.index + 1}`}>
      <header className="run-toolbar">
        <strong>
          Item {c.index + 1}: {childStatusText(c)}
        </strong>
        <code className="muted" title="The child execution's ARN ($$.Execution.Id inside it)">
          {c.executionArn}
        </code>
        <button className="link" onClick={onClose}>
          close
        </button>
      </header>
      <dl className="map-run-io">
        <dt>Input</dt>
        <dd>
          <code>{JSON.stringify(c.input ?? null)}</code>
        </dd>
        {c.status === "SUCCEEDED" && (
          <>
            <dt>Output</dt>
            <dd>
              <code>{JSON.stringify(c.output ?? null)}</code>
            </dd>
          </>
        )}
        {c.error && (
          <>
            <dt>Error</dt>
            <dd>
              <code>{c.error}</code> {c.cause}
            </dd>
          </>
        )}
      </dl>
      {(c.redriveCount ?? 0) > 0 && (
        <p className="muted" data-testid="map-run-child-redriven">
          Redriven {c.redriveCount}× with its Map Run{c.redriveDate ? `, last on ${new Date(c.redriveDate).toLocaleString()}` : ""}: the same execution went on from where it failed; its history continues after ExecutionRedriven.
        </p>
      )}
      <ol className="map-run-events" data-testid="map-run-child-events">
        {(c.events ?? []).map((e) => (
          <li key={e.id} className={e.type === "ExecutionRedriven" ? "redriven" : undefined}>
            <span className="muted">{e.id}</span> {e.type}
          </li>
        ))}
      </ol>
    </section>
  );
}
