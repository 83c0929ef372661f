// The run session as React sees it: one RunSessionStore per window, fed the
// open workflow, its snapshot subscribed to. The protocol lives in session.ts.
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import * as studio from "../backend/studio";
import { RunSessionStore, type RunSession, type WorkflowRef } from "./session";

export type { RunSession, WorkflowRef } from "./session";

export function useRunSession({ path, notesPath, name, text, diagram }: WorkflowRef): RunSession {
  const [store] = useState(() => new RunSessionStore(studio, { local: window.localStorage, session: window.sessionStorage }));
  useEffect(() => store.connect(), [store]);
  useEffect(() => store.setWorkflow({ path, notesPath, name, text, diagram }), [store, path, notesPath, name, text, diagram]);
  const snap = useSyncExternalStore(store.subscribe, store.snapshot);
  return useMemo(() => ({ ...snap, ...store.actions }), [snap, store]);
}
