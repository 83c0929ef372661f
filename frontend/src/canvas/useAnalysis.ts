import { useEffect, useEffectEvent, useState } from "react";
import { analyze, errorMessage, type Diagnostic, type Diagram } from "../backend/studio";
import { pinsKey, type Pins } from "./arrange";

export interface AnalysisState {
  /** The last diagram that laid out, kept while the text is broken. */
  diagram: Diagram | null;
  /** True when diagram no longer matches the text (the text does not parse). */
  stale: boolean;
  diagnostics: Diagnostic[];
  /** Why there is no current diagram, in words for the canvas. */
  error: string | null;
}

const debounceMs = 120;

/**
 * Validates and lays out text through Go as it changes; newest call wins.
 * Typing is debounced (delayMs); a canvas edit or undo passes 0 so the
 * diagram follows at once.
 */
export function useAnalysis(name: string, text: string, delayMs = debounceMs, collapsed: readonly string[] = [], pins: Pins = {}): AnalysisState {
  const [state, setState] = useState<AnalysisState>({ diagram: null, stale: false, diagnostics: [], error: null });
  // The delay only matters together with a new text: it is read, not followed.
  const delayNow = useEffectEvent(() => delayMs);
  // Folded containers change the picture only: a new list asks again at once.
  const folded = collapsed.join("\n");
  // So do pins (steps placed by hand): compared by value, not identity.
  const pinned = pinsKey(pins);

  useEffect(() => {
    if (!text) return;
    let current = true;
    const run = () => {
      analyze(name, text, folded ? folded.split("\n") : [], pinsFrom(pinned))
        .then((a) => {
          if (!current) return;
          setState((s) => {
            if (a.diagram) return { diagram: a.diagram, stale: false, diagnostics: a.diagnostics, error: null };
            const first = a.diagnostics[0];
            const error = a.layoutError || (first ? located(first) : "The definition cannot be drawn.");
            return { diagram: s.diagram, stale: s.diagram !== null, diagnostics: a.diagnostics, error };
          });
        })
        .catch((err) => current && setState((s) => ({ ...s, stale: s.diagram !== null, error: errorMessage(err) })));
    };
    // A canvas edit asks Go at once; typing waits for a pause.
    const delay = delayNow();
    const timer = delay > 0 ? setTimeout(run, delay) : (run(), undefined);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [name, text, folded, pinned]);

  return state;
}

/** "line 3, column 5: message" for a diagnostic with a position. */
export function located(d: Diagnostic): string {
  const at = d.range?.start;
  return at && at.line > 0 ? `line ${at.line}, column ${at.column}: ${d.message}` : d.message;
}

/** The pins back from their key. */
function pinsFrom(key: string): Pins {
  const out: Pins = {};
  for (const [name, x, y] of JSON.parse(key) as [string, number, number][]) out[name] = { x, y };
  return out;
}
