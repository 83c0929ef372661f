// What the run views need to know of the diagram: for each state name, its
// type, its node id and the Map/Parallel states around it (innermost
// first). State names are unique in a state machine, and history events
// name states, not nodes.
import type { Diagram } from "../backend/studio";

export interface StateInfo {
  id: string;
  type: string;
  /** Enclosing Map and Parallel states, innermost first. */
  containers: string[];
  /** How many of the containers are Maps: the depth of its iteration frames. */
  mapDepth: number;
}

export type StateIndex = Map<string, StateInfo>;

export function stateIndex(d: Diagram | null): StateIndex {
  const out: StateIndex = new Map();
  if (!d) return out;
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  for (const n of d.nodes) {
    if (n.kind !== "state" && n.kind !== "container") continue;
    const containers: string[] = [];
    let mapDepth = 0;
    for (let p = n.parent ? byId.get(n.parent) : undefined; p; p = p.parent ? byId.get(p.parent) : undefined) {
      if (p.kind === "container") {
        containers.push(p.name);
        if (p.type === "Map") mapDepth++;
      }
    }
    out.set(n.name, { id: n.id, type: n.type, containers, mapDepth });
  }
  return out;
}
