// Keeps the React Flow node and edge objects that did not change from one
// diagram to the next, so React Flow re-renders only what an edit moved:
// after an edit most boxes stay where they were.

/** Structural equality of plain JSON-like values. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => same(x, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * A function that returns the flow it is given with every node and edge
 * equal to one it returned last time replaced by that one: keep one per
 * canvas (useState) and pass it each new flow.
 */
export function flowKeeper<N extends { id: string }, E extends { id: string }>() {
  let last: { nodes: N[]; edges: E[] } = { nodes: [], edges: [] };
  return (f: { nodes: N[]; edges: E[] }) => (last = { nodes: reuse(last.nodes, f.nodes), edges: reuse(last.edges, f.edges) });
}

/** next, with each element replaced by its previous version when equal. */
export function reuse<T extends { id: string }>(prev: readonly T[], next: T[]): T[] {
  if (prev.length === 0) return next;
  const old = new Map(prev.map((x) => [x.id, x]));
  return next.map((x) => {
    const p = old.get(x.id);
    return p && same(p, x) ? p : x;
  });
}
