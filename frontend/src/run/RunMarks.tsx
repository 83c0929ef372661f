import type { MouseEvent } from "react";
import { useNodeRun } from "./overlayContext";

const statusLabel: Record<string, string> = {
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  caught: "Failed, caught",
  cancelled: "Cancelled",
};

/**
 * The run drawn over one state: a coloured ring for its status, its
 * retries, a Map's progress with a drill-in, and the breakpoint dot in the
 * gutter. Rendered inside the node; draws nothing without a run overlay.
 */
export function RunMarks({ name, isMap }: { name: string; isMap?: boolean }) {
  const nr = useNodeRun(name);
  if (!nr) return null;
  const { run, map, breakpoint, paused, ctx } = nr;
  const status = paused ? "paused" : run?.status;
  const toggle = (e: MouseEvent) => {
    e.stopPropagation();
    ctx.toggleBreakpoint(name);
  };
  const drilled = ctx.drill?.map === name;
  return (
    <>
      <button
        type="button"
        className={`run-breakpoint${breakpoint ? " on" : ""}`}
        title={breakpoint ? `Remove the breakpoint before “${name}” (F9)` : `Pause runs before “${name}” (F9)`}
        aria-label={breakpoint ? `Remove breakpoint on ${name}` : `Set breakpoint on ${name}`}
        aria-pressed={breakpoint}
        onClick={toggle}
        onMouseDown={(e) => e.stopPropagation()}
        data-testid="breakpoint"
      />
      {status && (
        <span className={`run-ring run-${status}`} data-testid="run-status" data-status={status} aria-hidden />
      )}
      {status && (
        <span className={`run-chip run-${status}`} title={run?.error ? `${run.error}: ${run.cause ?? ""}` : undefined}>
          {paused ? "Paused before" : statusLabel[status]}
          {run && run.entries > 1 ? ` ×${run.entries}` : ""}
        </span>
      )}
      {run && run.retries > 0 && (
        <span className="run-retries" title={`${run.retries} retr${run.retries > 1 ? "ies" : "y"}`} data-testid="run-retries">
          ↻ {run.retries}
        </span>
      )}
      {isMap && map && map.total > 0 && (
        <span className="run-map" data-testid="run-map-progress">
          {map.succeeded + map.failed + map.aborted} of {map.total}
          {map.failed ? ` · ${map.failed} failed` : ""}
          <input
            type="number"
            min={0}
            max={map.total - 1}
            className="run-map-iteration"
            aria-label={`Show one iteration of ${name}`}
            title="Show one iteration (empty: all)"
            placeholder="all"
            value={drilled ? ctx.drill!.index : ""}
            onClick={(e) => e.stopPropagation()}
            onMouseDown={(e) => e.stopPropagation()}
            onKeyDown={(e) => e.stopPropagation()}
            onChange={(e) => {
              const v = e.target.value;
              ctx.setDrill(v === "" ? null : { map: name, index: Math.max(0, Math.min(map.total - 1, Number(v))) });
            }}
          />
        </span>
      )}
    </>
  );
}
