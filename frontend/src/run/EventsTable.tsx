import { useMemo, useRef, useState } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { RunSession } from "./session";
import { details } from "./fold";
import { errorMessage, saveRunHistory } from "../backend/studio";

/** One row's height (px): rows are one line, so the list can be drawn by window. */
const ROW = 24;

/**
 * The history as AWS shows it: id, type, state, time; filter by state or
 * type; export. Only the rows in view are drawn, so a run of 100,000
 * events scrolls like one of ten.
 */
export function EventsTable({ session }: { session: RunSession }) {
  const ix = session.index;
  const [state, setState] = useState("");
  const [type, setType] = useState("");
  const [msg, setMsg] = useState<string | null>(null);
  const until = session.shown;
  const { rows, states, types } = useMemo(() => {
    const rows: number[] = [];
    const states = new Set<string>();
    const types = new Set<string>();
    if (ix)
      for (let i = 0; i < until; i++) {
        const s = ix.stateOf[i];
        const t = ix.events[i].type;
        if (s) states.add(s);
        types.add(t);
        if ((!state || s === state) && (!type || t === type)) rows.push(i);
      }
    return { rows, states: [...states].sort(), types: [...types].sort() };
  }, [ix, until, state, type]);
  const scroller = useRef<HTMLDivElement>(null);
  const rowsInView = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 20 });
  if (!ix) return <p className="muted run-empty">No run yet.</p>;
  const t0 = ix.length ? Date.parse(ix.events[0].timestamp) : 0;
  const items = rowsInView.getVirtualItems();
  const doExport = async () => {
    try {
      const path = await saveRunHistory(session.runId!, `${session.meta?.name ?? "run"}.history.json`);
      if (path) setMsg(`Saved to ${path}`);
    } catch (err) {
      setMsg(errorMessage(err));
    }
  };
  return (
    <div className="run-events">
      <div className="run-toolbar">
        <select value={state} onChange={(e) => setState(e.target.value)} aria-label="Filter by state">
          <option value="">All states</option>
          {states.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <select value={type} onChange={(e) => setType(e.target.value)} aria-label="Filter by type">
          <option value="">All types</option>
          {types.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <span className="muted" data-testid="event-count">
          {rows.length} of {until} events
        </span>
        <button onClick={() => void doExport()} disabled={!session.runId}>
          Export JSON…
        </button>
        {msg && <span className="muted">{msg}</span>}
      </div>
      <div className="events-scroll" ref={scroller} data-testid="events-scroll">
        <table className="events-table">
          <thead>
            <tr>
              <th>ID</th>
              <th>Type</th>
              <th>Step</th>
              <th>Elapsed</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {items.length > 0 && <tr style={{ height: items[0].start }} aria-hidden />}
            {items.map((item) => {
              const i = rows[item.index];
              const e = ix.events[i];
              const d = details(e);
              return (
                <tr key={i} className={/Failed|TimedOut|Aborted/.test(e.type) ? "bad" : undefined} data-testid="event-row" style={{ height: ROW }}>
                  <td>{e.id}</td>
                  <td>{e.type}</td>
                  <td>{ix.stateOf[i] ?? ""}</td>
                  <td>{Date.parse(e.timestamp) - t0} ms</td>
                  <td className="event-details">{d ? JSON.stringify(d).slice(0, 160) : ""}</td>
                </tr>
              );
            })}
            {items.length > 0 && <tr style={{ height: rowsInView.getTotalSize() - items[items.length - 1].end }} aria-hidden />}
          </tbody>
        </table>
      </div>
    </div>
  );
}
