// The Cloud tab's store for the open workflow, as React sees it. AWS
// histories reach the diagram through the run session's import, like a
// history file or a test scenario's run.
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { cloud, cloudAvailable } from "../backend/cloud";
import { CloudStore, type CloudActions, type CloudSnapshot, type CloudWorkflow, type HistorySink } from "./cloudStore";

export type Cloud = CloudSnapshot & CloudActions & { available: boolean };

export function useCloud(wf: CloudWorkflow, sink: HistorySink): Cloud {
  const [store] = useState(() => new CloudStore(cloud, sink));
  const { path, name, text, inTemplate } = wf;
  useEffect(() => store.setWorkflow({ path, name, text, inTemplate }), [store, path, name, text, inTemplate]);
  const snap = useSyncExternalStore(store.subscribe, store.snapshot);
  const available = cloudAvailable();
  return useMemo(() => ({ ...snap, ...store.actions, available }), [snap, store, available]);
}
