import { useMemo, useState } from "react";
import type { RunSession } from "./session";
import { details } from "./fold";
import { errorMessage, saveRunHistory } from "../backend/studio";

const PAGE = 200;

/** The history as AWS shows it: id, type, state, time; filter by state or type; export. */
export function EventsTable({ session }: { session: RunSession }) {
  const ix = session.index;
  const [state, setState] = useState("");
  const [type, setType] = useState("");
  const [limit, setLimit] = useState(PAGE);
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
  if (!ix) return <p className="muted run-empty">No run yet.</p>;
  const t0 = ix.length ? Date.parse(ix.events[0].timestamp) : 0;
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
          {rows.slice(0, limit).map((i) => {
            const e = ix.events[i];
            const d = details(e);
            return (
              <tr key={i} className={/Failed|TimedOut|Aborted/.test(e.type) ? "bad" : undefined} data-testid="event-row">
                <td>{e.id}</td>
                <td>{e.type}</td>
                <td>{ix.stateOf[i] ?? ""}</td>
                <td>{Date.parse(e.timestamp) - t0} ms</td>
                <td className="event-details">{d ? JSON.stringify(d).slice(0, 160) : ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length > limit && (
        <button className="more" onClick={() => setLimit(limit + PAGE * 5)}>
          Show more ({rows.length - limit} left)
        </button>
      )}
    </div>
  );
}
