// While the code cannot be drawn (it does not parse, or is not a state
// machine), the canvas shows the last diagram that worked, greyed, and the
// canvas and inspector are read-only: an edit made there would change a
// text the user cannot see, or fail in confusing ways. This says why, and
// where the mistake is, from Go's analysis.
import type { Diagnostic } from "../backend/studio";
import { lockedMessage } from "../document/syntax";
import type { AnalysisState } from "./useAnalysis";

export interface EditLock {
  /** "The code has a mistake on line N; fix it in the code view to edit the diagram." */
  message: string;
  /** The line of the mistake, or null when Go gave none. */
  line: number | null;
  /** The mistake, for the button that shows it in the code view. */
  diagnostic: Diagnostic | null;
}

/** The lock while analysis has no diagram for the current text; null when editing may go on. */
export function editLock(analysis: Pick<AnalysisState, "error" | "diagnostics">): EditLock | null {
  if (analysis.error === null) return null;
  const located = (d: Diagnostic) => d.severity === "ERROR" && (d.range?.start?.line ?? 0) > 0;
  const diagnostic =
    analysis.diagnostics.find((d) => d.code === "INVALID_JSON_DESCRIPTION" && located(d)) ?? analysis.diagnostics.find(located) ?? null;
  if (!diagnostic) return { message: `The diagram cannot be drawn right now, so it cannot be edited: ${analysis.error}`, line: null, diagnostic: null };
  const line = diagnostic.range.start.line;
  return { message: lockedMessage(line), line, diagnostic };
}
