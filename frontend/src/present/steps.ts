// A run as the steps a presenter walks through: one step per state visit
// (each StateEntered event), in event order, each saying where it ran
// inside a Map or a Parallel ("item 3 of 10", "branch 2"). Pure functions
// over the run index (run/fold.ts), so a saved run, a mocked test case, a
// Try it run and a history imported from AWS read the same way.
import type { Diagram } from "../backend/studio";
import { details, type RunIndex } from "../run/fold";
import type { StateIndex } from "../run/stateIndex";

export interface Step {
  /** The index of its StateEntered event in the run's events. */
  entered: number;
  state: string;
  /** Where it ran: "item 3 of 10", "branch 2", "branch 1 · item 2 of 4"; "" at the top level. */
  where: string;
}

/** The branch (1-based) of parallel that state sits in, or null. */
export type BranchOf = (state: string, parallel: string) => number | null;

/** Frames are Map iteration keys ("Map#2"), outermost first, joined by this (run/fold.ts). */
const SEP = "\u001f";

/**
 * The steps of a run: every state visit, oldest first. `states` gives each
 * state's enclosing Maps and Parallels; `branchOf` which branch of a
 * Parallel a state is in (from the diagram: branchesFrom); `until` how many
 * of the events to read (a live run's index grows in place).
 */
export function buildSteps(ix: RunIndex, states: StateIndex, branchOf: BranchOf = () => null, until = ix.length): Step[] {
  const out: Step[] = [];
  // A Map's item count, from its latest MapStateStarted (a Map inside a Map
  // starts once per outer item; each visit reads the count of its own start).
  const totals = new Map<string, number>();
  for (let i = 0; i < Math.min(until, ix.length); i++) {
    const e = ix.events[i];
    const s = ix.stateOf[i];
    if (!s) continue;
    if (e.type === "MapStateStarted") totals.set(s, details<{ length?: number }>(e)?.length ?? 0);
    if (!e.type.endsWith("StateEntered")) continue;
    out.push({ entered: i, state: s, where: whereOf(s, ix.frames[i], states, totals, branchOf) });
  }
  return out;
}

function whereOf(state: string, frames: string, states: StateIndex, totals: Map<string, number>, branchOf: BranchOf): string {
  const containers = [...(states.get(state)?.containers ?? [])].reverse(); // outermost first
  if (!containers.length) return "";
  // The Map iterations the visit ran in, by Map name.
  const items = new Map<string, number>();
  for (const f of frames ? frames.split(SEP) : []) {
    const at = f.lastIndexOf("#");
    if (at > 0) items.set(f.slice(0, at), Number(f.slice(at + 1)));
  }
  const parts: string[] = [];
  for (const c of containers) {
    const type = states.get(c)?.type;
    if (type === "Map" && items.has(c)) {
      const n = items.get(c)! + 1;
      const total = totals.get(c);
      parts.push(total ? `item ${n} of ${total}` : `item ${n}`);
    } else if (type === "Parallel") {
      const b = branchOf(state, c);
      if (b !== null) parts.push(`branch ${b}`);
    }
  }
  return parts.join(" · ");
}

/**
 * Which branch of a Parallel each state is in, read from the diagram:
 * states nest in branch boxes ("/States/P/Branches/1"), which nest in the
 * Parallel's box.
 */
export function branchesFrom(d: Diagram | null): BranchOf {
  const byId = new Map((d?.nodes ?? []).map((n) => [n.id, n]));
  const byName = new Map((d?.nodes ?? []).filter((n) => n.kind === "state" || n.kind === "container").map((n) => [n.name, n]));
  return (state, parallel) => {
    const target = byName.get(parallel)?.id;
    for (let n = byName.get(state); n?.parent; ) {
      const p = byId.get(n.parent);
      if (!p) return null;
      if (p.kind === "branch" && p.parent === target) {
        const m = /\/Branches\/(\d+)$/.exec(p.id);
        return m ? Number(m[1]) + 1 : null;
      }
      n = p;
    }
    return null;
  };
}
