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

/** The segments of a JSON pointer, unescaped ("/States/a~1b" -> ["States", "a/b"]). */
function segments(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/**
 * Where a problem is, for people: state names and the field inside the
 * innermost one, e.g. "/States/Process items/ItemProcessor/States/Charge card/Retry/0"
 * -> ["Process items", "Charge card", "Retry 1"]. Branches and item
 * processors between nested states are left out (state names are unique in
 * the whole workflow), list items count from 1, a pointer at a state's Type
 * means the state itself, and machine-level fields start with "Workflow".
 */
export function where(pointer: string): string[] {
  const segs = segments(pointer);
  const out: string[] = [];
  let atMachine = true; // the segments so far end at a machine object (top, branch, item processor)
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    const next = segs[i + 1];
    if (atMachine && s === "States" && next !== undefined) {
      out.push(next);
      i++;
      atMachine = false;
      continue;
    }
    if (!atMachine && s === "Branches" && next !== undefined && /^\d+$/.test(next) && segs[i + 2] !== undefined) {
      i++;
      atMachine = true;
      if (segs[i + 1] === "States" && segs[i + 2] !== undefined) continue;
      out.push(`Branch ${Number(next) + 1}`);
      continue;
    }
    if (!atMachine && (s === "ItemProcessor" || s === "Iterator") && next !== undefined) {
      atMachine = true;
      if (next === "States" && segs[i + 2] !== undefined) continue;
      out.push(s);
      continue;
    }
    atMachine = false;
    if (/^\d+$/.test(s) && out.length > 0) {
      out[out.length - 1] += ` ${Number(s) + 1}`;
      continue;
    }
    out.push(s);
  }
  // A problem on a state's Type is about the state as a whole.
  if (segs.length >= 3 && segs[segs.length - 1] === "Type" && segs[segs.length - 3] === "States") out.pop();
  if (segs[0] !== "States" || segs.length === 1) out.unshift("Workflow");
  return out;
}

/** One line of the problems list: a problem, or several warnings of one code. */
export type ProblemRow =
  | { kind: "one"; problem: Diagnostic }
  | { kind: "group"; code: string; severity: string; problems: Diagnostic[] };

/**
 * The problems list's lines, in text order: warnings that repeat one code
 * become one group, at the place of the first; errors always stand alone.
 */
export function problemRows(diagnostics: Diagnostic[]): ProblemRow[] {
  const counts = new Map<string, number>();
  for (const d of diagnostics) if (d.severity !== "ERROR") counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  const groups = new Map<string, Diagnostic[]>();
  const rows: ProblemRow[] = [];
  for (const d of diagnostics) {
    if (d.severity === "ERROR" || (counts.get(d.code) ?? 0) < 2) {
      rows.push({ kind: "one", problem: d });
      continue;
    }
    const g = groups.get(d.code);
    if (g) {
      g.push(d);
      continue;
    }
    const problems = [d];
    groups.set(d.code, problems);
    rows.push({ kind: "group", code: d.code, severity: d.severity, problems });
  }
  return rows;
}

/** A problem as a developer copies it: line:column, severity, code, message and pointer, as `stepstudio validate` prints it. */
export function problemText(d: Diagnostic): string {
  const at = d.range?.start.line ? `${d.range.start.line}:${d.range.start.column}: ` : "";
  return `${at}${d.severity.toLowerCase()} ${d.code}: ${d.message} [${d.location}]`;
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
