// The run overlay as the canvas reads it. Run state is never part of the
// document: nodes and edges look it up here, by state name, and draw it
// over themselves. Without a provider there is no overlay.
import { createContext, useContext } from "react";
import type { Overlay, StateRun, MapProgress } from "./fold";
import { arrow } from "./fold";

export interface RunOverlayValue {
  overlay: Overlay | null;
  /** Diagram node id -> state name, for edges. */
  names: Map<string, string>;
  breakpoints: ReadonlySet<string>;
  toggleBreakpoint: (state: string) => void;
  pausedAt: readonly string[];
  /** The Map iteration drilled into, if any. */
  drill: { map: string; index: number } | null;
  setDrill: (d: { map: string; index: number } | null) => void;
}

export const RunOverlayContext = createContext<RunOverlayValue | null>(null);

export interface NodeRun {
  run?: StateRun;
  map?: MapProgress;
  breakpoint: boolean;
  paused: boolean;
  ctx: RunOverlayValue;
}

/** What the run says about one state; null when there is no run overlay. */
export function useNodeRun(name: string): NodeRun | null {
  const ctx = useContext(RunOverlayContext);
  if (!ctx) return null;
  return {
    run: ctx.overlay?.states.get(name),
    map: ctx.overlay?.maps.get(name),
    breakpoint: ctx.breakpoints.has(name),
    paused: ctx.pausedAt.includes(name),
    ctx,
  };
}

/** Whether the run went along this edge (source and target node ids). */
export function useEdgeTaken(source: string, target: string, kind: string): boolean {
  const ctx = useContext(RunOverlayContext);
  const o = ctx?.overlay;
  if (!o) return false;
  const from = ctx.names.get(source);
  const to = ctx.names.get(target);
  if (kind === "start") return to !== undefined && o.states.has(to);
  if (kind === "end") return from !== undefined && o.states.get(from)?.status === "succeeded" && o.end?.status === "SUCCEEDED";
  return from !== undefined && to !== undefined && o.transitions.has(arrow(from, to));
}
