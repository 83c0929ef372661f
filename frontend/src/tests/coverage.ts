// Coverage as the canvas draws it: which boxes and arrows no scenario
// reached, and the rules no arrow shows (a retry never retried, a Map
// whose items never ran), for the legend. Pure: tested without a canvas.
import type { Coverage, CoverageItem } from "../backend/studio";

export type Mark = "covered" | "uncovered";

export interface CoverageMarks {
  /** Diagram node id -> mark (states, and Parallel branches that never ran). */
  nodes: ReadonlyMap<string, Mark>;
  /** Diagram edge id -> mark. */
  edges: ReadonlyMap<string, Mark>;
  /** "Covered 12 of 14 transitions". */
  summary: string;
  states: { covered: number; total: number };
  transitions: { covered: number; total: number };
  /** Rules never reached that no arrow draws, in plain words. */
  unlisted: string[];
}

/** Items drawn as an arrow: the rest are named in the legend. */
const arrowKinds = new Set<CoverageItem["kind"]>(["next", "choice", "default", "catch"]);

export function coverageMarks(c: Coverage, edgeIds: ReadonlySet<string>): CoverageMarks {
  const nodes = new Map<string, Mark>();
  const edges = new Map<string, Mark>();
  const unlisted: string[] = [];
  for (const s of c.states) nodes.set(s.id, s.covered ? "covered" : "uncovered");
  for (const t of c.transitions) {
    if (arrowKinds.has(t.kind) && edgeIds.has(t.id)) {
      // Two rules to one target share an arrow: it is covered when either is.
      if (edges.get(t.id) !== "covered") edges.set(t.id, t.covered ? "covered" : "uncovered");
      continue;
    }
    if (t.covered) continue;
    if (t.kind === "branch") nodes.set(t.id, "uncovered");
    unlisted.push(describeItem(t));
  }
  const count = (items: { covered: boolean }[]) => ({ covered: items.filter((i) => i.covered).length, total: items.length });
  const states = count(c.states);
  const transitions = count(c.transitions);
  return {
    nodes,
    edges,
    states,
    transitions,
    summary: `Covered ${transitions.covered} of ${transitions.total} transitions · ${states.covered} of ${states.total} states`,
    unlisted,
  };
}

/** One item, for people: "Charge card: Catch 1 (PaymentDeclined) → Release items". */
export function describeItem(t: CoverageItem): string {
  const n = (t.index ?? 0) + 1;
  const errs = t.errors?.length ? ` (${t.errors.join(", ")})` : "";
  const to = t.target ? ` → ${t.target}` : "";
  switch (t.kind) {
    case "retry":
      return `${t.state}: retry rule ${n}${errs} never retried`;
    case "processor":
      return `${t.state}: no Map iteration ran`;
    case "branch":
      return `${t.state}: branch ${n} never ran`;
    case "choice":
      return `${t.state}: rule ${n}${to}`;
    case "default":
      return `${t.state}: Default${to}`;
    case "catch":
      return `${t.state}: Catch ${n}${errs}${to}`;
    default:
      return `${t.state}${to}`;
  }
}
