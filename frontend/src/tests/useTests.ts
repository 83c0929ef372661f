import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import * as studio from "../backend/studio";
import type { Diagram } from "../backend/studio";
import { TestsStore, type TestsActions, type TestsSnapshot } from "./testsStore";
import { coverageMarks, type CoverageMarks } from "./coverage";

export type Tests = TestsSnapshot & TestsActions & { marks: CoverageMarks | null };

/** How long the text rests before the scenario list is read again. */
const relistMs = 600;

/** The Tests panel's store for the open workflow; marks are the coverage overlay when shown. */
export function useTests(wf: { path: string; logicalId?: string; text: string; diagram: Diagram | null }, replay: (history: string) => Promise<boolean>): Tests {
  const [store] = useState(() => new TestsStore(studio, window.localStorage, (h) => replay(h)));
  const { path, logicalId = "", text, diagram } = wf;
  useEffect(() => store.setWorkflow({ path, logicalId, text }), [store, path, logicalId, text]);
  // A scenario naming a state that was just renamed is a problem to show: read the list again after typing.
  useEffect(() => {
    const t = setTimeout(() => store.actions.refresh(), relistMs);
    return () => clearTimeout(t);
  }, [store, text]);
  const snap = useSyncExternalStore(store.subscribe, store.snapshot);
  const marks = useMemo(() => {
    if (!snap.coverageShown || !snap.coverage || !diagram) return null;
    return coverageMarks(snap.coverage, new Set(diagram.edges.map((e) => e.id)));
  }, [snap.coverageShown, snap.coverage, diagram]);
  return useMemo(() => ({ ...snap, ...store.actions, marks }), [snap, store, marks]);
}
