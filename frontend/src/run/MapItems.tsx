import { useMemo, useRef, useState } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { RunSession } from "./session";
import { countByStatus, iterations, mapsIn, type IterationStatus } from "./iterations";

/** One row's height (px): one line per item, so only the rows in view are drawn. */
const ROW = 24;

const statusWords: Record<IterationStatus, string> = {
  running: "Running",
  waiting: "Waiting before a breakpoint",
  paused: "Paused",
  succeeded: "Succeeded",
  failed: "Failed",
  aborted: "Aborted",
};

/**
 * A Map's items, as the AWS console's Map Run view lists child runs: item,
 * status, duration, error; filter by status, go to an item; a click shows
 * that item alone on the diagram (the drill-in).
 */
export function MapItems({ session: s, preferred }: { session: RunSession; preferred?: string }) {
  const ix = s.index;
  const until = s.shown;
  const maps = useMemo(() => (ix ? mapsIn(ix, until) : []), [ix, until]);
  const [chosen, setChosen] = useState("");
  const map = maps.includes(chosen) ? chosen : preferred && maps.includes(preferred) ? preferred : (maps[0] ?? "");
  const [status, setStatus] = useState<IterationStatus | "">("");
  const live = s.cursor === null;
  const pauses = live ? s.pauses : noPauses;
  const waiting = live ? s.waiting : noPauses;
  const all = useMemo(() => (ix && map ? iterations(ix, map, until, pauses, waiting) : []), [ix, map, until, pauses, waiting]);
  const rows = useMemo(() => (status ? all.filter((r) => r.status === status) : all), [all, status]);
  const counts = useMemo(() => countByStatus(all), [all]);
  const scroller = useRef<HTMLDivElement>(null);
  const rowsInView = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 20 });
  const [jump, setJump] = useState("");
  const [jumpMsg, setJumpMsg] = useState<string | null>(null);
  if (!ix || maps.length === 0) return <p className="muted run-empty">No Map has run yet.</p>;
  const drill = s.overlayValue.drill;
  const goTo = () => {
    const n = Number(jump);
    const at = rows.findIndex((r) => r.index === n - 1);
    if (!Number.isInteger(n) || at < 0) {
      setJumpMsg(status ? `Item ${jump} is not among the ${statusWords[status].toLowerCase()} ones` : `No item ${jump} yet`);
      return;
    }
    setJumpMsg(null);
    rowsInView.scrollToIndex(at, { align: "center" });
    s.overlayValue.setDrill({ map, index: n - 1 });
  };
  const items = rowsInView.getVirtualItems();
  return (
    <div className="run-events run-items" data-testid="map-items">
      <div className="run-toolbar">
        {maps.length > 1 && (
          <select value={map} onChange={(e) => setChosen(e.target.value)} aria-label="Map">
            {maps.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        )}
        <select value={status} onChange={(e) => setStatus(e.target.value as IterationStatus | "")} aria-label="Filter items by status" data-testid="map-items-filter">
          <option value="">All items ({all.length})</option>
          {(Object.keys(statusWords) as IterationStatus[]).map((k) => (
            <option key={k} value={k} disabled={counts[k] === 0}>
              {statusWords[k]} ({counts[k]})
            </option>
          ))}
        </select>
        <form
          className="map-items-jump"
          onSubmit={(e) => {
            e.preventDefault();
            goTo();
          }}
        >
          <input type="number" min={1} value={jump} onChange={(e) => setJump(e.target.value)} placeholder="item" aria-label="Go to item" data-testid="map-items-jump" />
          <button type="submit">Go</button>
        </form>
        {jumpMsg && <span className="muted">{jumpMsg}</span>}
        <span className="muted" data-testid="map-items-count">
          {rows.length} of {all.length} items of {map}
        </span>
        {drill && (
          <button className="link" onClick={() => s.overlayValue.setDrill(null)} title="Show every item on the diagram again">
            show all items
          </button>
        )}
      </div>
      <div className="events-scroll" ref={scroller} data-testid="map-items-scroll">
        <table className="events-table">
          <thead>
            <tr>
              <th title="Items count from 1; $$.Map.Item.Index counts from 0">Item</th>
              <th>Status</th>
              <th>Duration</th>
              <th>Error</th>
            </tr>
          </thead>
          <tbody>
            {items.length > 0 && <tr style={{ height: items[0].start }} aria-hidden />}
            {items.map((item) => {
              const r = rows[item.index];
              const on = drill?.map === map && drill.index === r.index;
              return (
                <tr
                  key={r.key}
                  className={`map-item s-${r.status}${on ? " on" : ""}${r.status === "failed" || r.status === "aborted" ? " bad" : ""}`}
                  onClick={() => s.overlayValue.setDrill(on ? null : { map, index: r.index })}
                  title={on ? "Shown alone on the diagram; click to show all items" : "Show this item alone on the diagram"}
                  aria-selected={on}
                  data-testid="map-item-row"
                  data-index={r.index}
                  data-status={r.status}
                  style={{ height: ROW }}
                >
                  <td title={`$$.Map.Item.Index ${r.index}`}>{r.index + 1}</td>
                  <td>{statusWords[r.status]}</td>
                  <td>{r.duration === null ? "" : `${r.duration} ms`}</td>
                  <td className="event-details" title={r.cause}>
                    {r.error ? `${r.error}${r.cause ? `: ${r.cause.slice(0, 120)}` : ""}` : ""}
                  </td>
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

const noPauses: never[] = [];
