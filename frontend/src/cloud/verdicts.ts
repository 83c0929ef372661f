// AWS's verdict beside ours: ValidateStateMachineDefinition's findings
// merged into the problems panel, each located in the text, and the
// differences marked — a finding only AWS made, or an error only we made,
// is a bug in our validator to fix.
import { findNodeAtLocation, getNodeValue, parseTree } from "jsonc-parser";
import { isNode, parseDocument } from "yaml";
import type { Diagnostic } from "../backend/studio";
import type { CloudDiagnostic } from "../backend/cloud";
import { segments, toPath } from "../document/pointer";

export type Verdict = "both" | "aws-only" | "ours-only";

/** A problem as the panel shows it; source and verdict set once AWS validated. */
export type MarkedDiagnostic = Diagnostic & { source?: "aws"; verdict?: Verdict };

type Range = Diagnostic["range"];

const same = (a: { code: string; location: string }, b: { code: string; location: string }) =>
  a.code === b.code && (a.location === b.location || !a.location || !b.location);

/**
 * Ours and AWS's, for the problems panel. Without an AWS verdict (null)
 * ours are returned as they are. With one: ours found by AWS too are
 * "both"; our errors AWS did not report are "ours-only" (we reject what
 * AWS accepts); AWS's findings we did not make are added as "aws-only",
 * located through locate (the text's range at the pointer).
 */
export function mergeVerdicts(ours: Diagnostic[], aws: CloudDiagnostic[] | null, locate: (pointer: string) => Range | undefined): MarkedDiagnostic[] {
  if (!aws) return ours;
  // Spread copies keep the fields (the generated class's method is not needed by the panel).
  const mark = (d: Diagnostic, verdict: Verdict) => ({ ...d, verdict }) as MarkedDiagnostic;
  const out: MarkedDiagnostic[] = ours.map((d) => {
    if (aws.some((a) => same(a, d))) return mark(d, "both");
    return d.severity === "ERROR" ? mark(d, "ours-only") : d;
  });
  for (const a of aws) {
    if (ours.some((d) => same(a, d))) continue;
    const range = a.range ?? locate(a.location) ?? ({ start: { line: 0, column: 0, offset: 0 }, end: { line: 0, column: 0, offset: 0 } } as Range);
    out.push({ ...a, range, source: "aws", verdict: "aws-only" } as MarkedDiagnostic);
  }
  return out;
}

/** How many findings differ between AWS and us. */
export function differences(list: MarkedDiagnostic[]): number {
  return list.filter((d) => d.verdict === "aws-only" || d.verdict === "ours-only").length;
}

/** Line and column (1-based, code points) of a UTF-16 offset. */
function position(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const col = [...before.slice(before.lastIndexOf("\n") + 1)].length + 1;
  return { line, column: col, offset };
}

/**
 * The text's range at a JSON pointer (its deepest existing prefix when the
 * field itself is missing, as "MISSING_END_STATE" at a state), or
 * undefined when the text does not parse.
 */
export function locatePointer(text: string, format: "json" | "yaml", pointer: string): Range | undefined {
  let segs: string[];
  try {
    segs = segments(pointer);
  } catch {
    return undefined;
  }
  for (let n = segs.length; n >= 0; n--) {
    const r = format === "json" ? jsonRange(text, segs.slice(0, n)) : yamlRange(text, segs.slice(0, n));
    if (r) return { start: position(text, r[0]), end: position(text, r[1]) } as Range;
  }
  return undefined;
}

function jsonRange(text: string, segs: string[]): [number, number] | undefined {
  const tree = parseTree(text);
  if (!tree) return undefined;
  const node = findNodeAtLocation(tree, toPath(getNodeValue(tree), segs));
  if (!node) return undefined;
  // The key's place, where a person looks for the field.
  const at = node.parent?.type === "property" ? node.parent : node;
  return [at.offset, at.offset + at.length];
}

function yamlRange(text: string, segs: string[]): [number, number] | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length) return undefined;
  const path = toPath(doc.toJS(), segs);
  const node = path.length ? doc.getIn(path, true) : doc.contents;
  if (!isNode(node) || !node.range) return undefined;
  return [node.range[0], node.range[1]];
}
