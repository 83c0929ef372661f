import { useEffect, useState } from "react";
import { errorMessage, layoutDiagram, type Diagram } from "../backend/studio";

export interface DiagramState {
  /** The last diagram that laid out, kept while the text is broken. */
  diagram: Diagram | null;
  /** True when diagram no longer matches the text (the text does not parse). */
  stale: boolean;
  error: string | null;
}

const debounceMs = 120;

/** Lays out text through the Go backend as it changes, newest call wins. */
export function useDiagram(name: string, text: string): DiagramState {
  const [state, setState] = useState<DiagramState>({ diagram: null, stale: false, error: null });

  useEffect(() => {
    if (!text) return;
    let current = true;
    const timer = setTimeout(() => {
      layoutDiagram(name, text)
        .then((diagram) => current && setState({ diagram, stale: false, error: null }))
        .catch((err) => current && setState((s) => ({ diagram: s.diagram, stale: s.diagram !== null, error: errorMessage(err) })));
    }, debounceMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [name, text]);

  return state;
}
