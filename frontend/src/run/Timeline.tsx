import { useMemo } from "react";
import type { RunSession } from "./session";
import { spans } from "./inspect";

/** State durations as bars on one time axis (the first few hundred visits). */
export function Timeline({ session }: { session: RunSession }) {
  const ix = session.index;
  // The index grows in place: the count of events it held tells the memo when.
  const events = session.total;
  const data = useMemo(() => (ix ? spans(ix, 400, events) : null), [ix, events]);
  if (!ix || !data) return <p className="muted run-empty">No run yet.</p>;
  const total = Math.max(data.end, 1);
  return (
    <div className="run-timeline" data-testid="timeline">
      <div className="muted">
        {data.total} state visits over {data.end} ms
        {data.total > data.spans.length ? ` (the first ${data.spans.length} drawn)` : ""}
      </div>
      {data.spans.map((s, i) => {
        const left = (s.start / total) * 100;
        const width = Math.max(((s.end - s.start) / total) * 100, 0.4);
        return (
          <div className="tl-row" key={i}>
            <span className="tl-name" title={s.state}>
              {s.state}
            </span>
            <span className="tl-track">
              <span className={`tl-bar run-${s.status}`} style={{ left: `${left}%`, width: `${width}%` }} title={`${s.end - s.start} ms`} />
            </span>
            <span className="tl-ms">{s.end - s.start} ms</span>
          </div>
        );
      })}
    </div>
  );
}
