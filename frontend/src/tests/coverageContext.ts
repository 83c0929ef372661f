// The coverage overlay as the canvas reads it: like a run, never part of
// the document. Without a provider (or with the toggle off) nothing is drawn.
import { createContext, useContext } from "react";
import type { CoverageMarks, Mark } from "./coverage";

export const CoverageContext = createContext<CoverageMarks | null>(null);

/** The class a box or arrow takes: "cov-covered", "cov-uncovered", or "". */
export function useCoverageClass(id: string, what: "node" | "edge"): string {
  const c = useContext(CoverageContext);
  const m: Mark | undefined = (what === "node" ? c?.nodes : c?.edges)?.get(id);
  return m ? ` cov-${m}` : "";
}

export function useCoverage(): CoverageMarks | null {
  return useContext(CoverageContext);
}
