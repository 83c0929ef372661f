import type { ExecutionDetail } from "../backend/cloud";
import type { Cloud } from "./useCloud";

const childStatuses = ["", "RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED"];
const words = (s: string) => s.toLowerCase().replace("_", " ");

/**
 * A watched execution's Distributed Map runs, in plain words first ("This
 * step ran 10 child workflows: 8 succeeded, 2 failed"), each opening its
 * child executions; a child opens on the diagram like any execution.
 */
export function MapRuns({ cloud: c, onShowRun }: { cloud: Cloud; onShowRun: () => void }) {
  const list = c.children;
  if (!c.mapRuns.length && !list && !c.mapRunsNote) return null;
  return (
    <section className="cloud-mapruns" data-testid="cloud-mapruns">
      {c.mapRunsNote && <p className="muted">{c.mapRunsNote}</p>}
      {c.mapRuns.map((m) => (
        <div key={m.mapRunArn} className={`cloud-maprun s-${m.status}`} data-testid="cloud-maprun" data-status={m.status}>
          <p>
            {m.summary}{" "}
            <button className="link" onClick={() => void c.listChildren(m.mapRunArn, m.executionCounts.failed ? "FAILED" : "")} disabled={!!c.busy} data-testid="cloud-maprun-open">
              {m.executionCounts.failed ? "Show the failed ones" : "Show them"}
            </button>
          </p>
          <code className="muted" title="Map Run ARN">{m.mapRunArn}</code>
        </div>
      ))}
      {list && (
        <div className="cloud-children" data-testid="cloud-children">
          <h4>
            Child workflows of “{list.mapRun.stateName || "the Map"}”
            <select value={list.status} onChange={(e) => void c.listChildren(list.mapRun.mapRunArn, e.target.value)} aria-label="Child status" data-testid="cloud-child-filter">
              {childStatuses.map((s) => (
                <option key={s} value={s}>
                  {s ? words(s) : "any status"}
                </option>
              ))}
            </select>
          </h4>
          {list.executions.length === 0 ? (
            <p className="muted">None{list.status ? ` ${words(list.status)}` : ""}.</p>
          ) : (
            <ul className="cloud-exec-list">
              {list.executions.map((e) => (
                <li key={e.executionArn} className={c.watched?.executionArn === e.executionArn ? "shown" : ""} data-testid="cloud-child" data-status={e.status}>
                  <button className="link" onClick={() => void c.openChild(e.executionArn).then((ok) => ok && onShowRun())} title={e.executionArn}>
                    {e.name}
                  </button>
                  <span className={`cloud-status s-${e.status}`}>{words(e.status)}</span>
                </li>
              ))}
            </ul>
          )}
          {list.nextToken && (
            <button className="btn" onClick={() => void c.listChildren(list.mapRun.mapRunArn, list.status, true)} disabled={!!c.busy}>
              More…
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/** Says what a watched child execution is and what the diagram shows for it. */
export function ChildNote({ d, cloud: c, onShowRun }: { d: ExecutionDetail; cloud: Cloud; onShowRun: () => void }) {
  if (!d.mapRunArn) return null;
  const label = c.children?.mapRun.mapRunArn === d.mapRunArn ? c.children.mapRun.stateName : labelOf(d.mapRunArn);
  return (
    <p className="cloud-child-note" data-testid="cloud-child-note">
      This is one child workflow of the Map step “{label || "Map"}”{c.parent ? ` in ${c.parent.name}` : ""}: it runs that step's inner workflow for one item. The diagram shows its steps inside the Map. To run it again, redrive the parent.{" "}
      {c.parent && (
        <button className="link" onClick={() => void c.backToParent().then((ok) => ok && onShowRun())} disabled={!!c.busy} data-testid="cloud-back-to-parent">
          Back to {c.parent.name}
        </button>
      )}
    </p>
  );
}

/** The Map's label from a Map Run ARN (…:mapRun:MACHINE/LABEL:ID). */
export function labelOf(mapRunArn: string): string {
  const rest = mapRunArn.split(":mapRun:")[1] ?? "";
  const path = rest.slice(0, rest.lastIndexOf(":") >= 0 ? rest.lastIndexOf(":") : rest.length);
  const slash = path.indexOf("/");
  return slash >= 0 ? path.slice(slash + 1) : "";
}
