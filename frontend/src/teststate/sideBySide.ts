// The studio's answer and AWS's to the same TestState request, compared
// field by field: where they differ is a difference in our engine to fix
// (or a mock that AWS checks more strictly).
import type { TestStateResult } from "../backend/studio";

export interface Agreement {
  same: boolean;
  /** What differs, in words: "status: SUCCEEDED here, FAILED in AWS". */
  differences: string[];
  /** Differences that do not count: a cause's text quotes the run's own names and times. */
  notes: string[];
}

/** JSON text compared as values (AWS and the engine space it differently). */
function sameJson(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  try {
    return JSON.stringify(sortKeys(JSON.parse(a))) === JSON.stringify(sortKeys(JSON.parse(b)));
  } catch {
    return false;
  }
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

/** Compares the two answers: refusals by code, responses by status, next state, output, error and cause. */
export function compareAnswers(local: TestStateResult, aws: TestStateResult): Agreement {
  const out: string[] = [];
  const notes: string[] = [];
  const said = (field: string, a: unknown, b: unknown) => out.push(`${field}: ${a ?? "none"} here, ${b ?? "none"} in AWS`);
  if (local.refused || aws.refused) {
    if (local.refused?.Code !== aws.refused?.Code) said("refused", local.refused?.Code, aws.refused?.Code);
    return { same: out.length === 0, differences: out, notes };
  }
  const a = local.response;
  const b = aws.response;
  if (a?.status !== b?.status) said("status", a?.status, b?.status);
  if ((a?.nextState ?? "") !== (b?.nextState ?? "")) said("next state", a?.nextState, b?.nextState);
  if (!sameJson(a?.output, b?.output)) out.push("output differs");
  if ((a?.error ?? "") !== (b?.error ?? "")) said("error", a?.error, b?.error);
  if ((a?.cause ?? "") !== (b?.cause ?? "")) (a?.error && a.error === b?.error ? notes : out).push("the cause's text differs");
  return { same: out.length === 0, differences: out, notes };
}
