import { useMemo, useRef } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { RunSession } from "./session";
import { spans } from "./inspect";

const ROW = 18;

/**
 * Every state visit as a bar on one time axis, labelled with its Map item.
 * Only the rows in view are drawn, so 10,000 items scroll like ten.
 */
export function Timeline({ session }: { session: RunSession }) {
  const ix = session.index;
  // The index grows in place: the count of events it held tells the memo when.
  const events = session.total;
  const data = useMemo(() => (ix ? spans(ix, Infinity, events) : null), [ix, events]);
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({ count: data?.spans.length ?? 0, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 30 });
  if (!ix || !data) return <p className="muted run-empty">No run yet.</p>;
  const total = Math.max(data.end, 1);
  return (
    <div className="run-timeline" data-testid="timeline">
      <div className="muted">
        {data.total} state visits over {data.end} ms
      </div>
      <div className="tl-scroll" ref={scroller}>
        <div style={{ height: rows.getTotalSize(), position: "relative" }}>
          {rows.getVirtualItems().map((row) => {
            const s = data.spans[row.index];
            const left = (s.start / total) * 100;
            const width = Math.max(((s.end - s.start) / total) * 100, 0.4);
            const name = s.item ? `${s.state} · ${s.item}` : s.state;
            return (
              <div className="tl-row" key={row.index} style={{ position: "absolute", top: row.start, left: 0, right: 0, height: ROW }}>
                <span className="tl-name" title={name}>
                  {name}
                </span>
                <span className="tl-track">
                  <span className={`tl-bar run-${s.status}`} style={{ left: `${left}%`, width: `${width}%` }} title={`${s.end - s.start} ms`} />
                </span>
                <span className="tl-ms">{s.end - s.start} ms</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
