import type { Diagnostic, Diagram } from "../backend/studio";

/**
 * The diagram node a diagnostic belongs to: the deepest state whose JSON
 * pointer is a prefix of the diagnostic's location ("/States/A/Next" ->
 * "/States/A"), or null for machine-level problems.
 */
export function nodeFor(d: Diagnostic, diagram: Diagram | null): string | null {
  if (!diagram || !d.location) return null;
  let best: string | null = null;
  for (const n of diagram.nodes) {
    if (!n.type) continue;
    if ((d.location === n.id || d.location.startsWith(n.id + "/")) && (!best || n.id.length > best.length)) {
      best = n.id;
    }
  }
  return best;
}

export interface Badge {
  errors: number;
  warnings: number;
}

/** Counts problems per diagram node, for the badges on the canvas. */
export function badges(diagnostics: Diagnostic[], diagram: Diagram | null): Map<string, Badge> {
  const out = new Map<string, Badge>();
  for (const d of diagnostics) {
    const id = nodeFor(d, diagram);
    if (!id) continue;
    const b = out.get(id) ?? { errors: 0, warnings: 0 };
    if (d.severity === "ERROR") b.errors++;
    else b.warnings++;
    out.set(id, b);
  }
  return out;
}

/**
 * The problems worth showing: a workflow with no steps yet (a new blank
 * one) is not told that its States is empty and its StartAt names nothing,
 * in red, before anyone did anything; the canvas says what to do instead.
 * Any other problem of it still shows.
 */
export function shown(diagnostics: Diagnostic[], diagram: Diagram | null): Diagnostic[] {
  if (!diagram || diagram.nodes.some((n) => n.type)) return diagnostics;
  const noise = (d: Diagnostic) =>
    (d.location === "/States" && d.code === "SCHEMA_VALIDATION_FAILED") || (d.location === "/StartAt" && d.code === "MISSING_TRANSITION_TARGET");
  return diagnostics.filter((d) => !noise(d));
}
