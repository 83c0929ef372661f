import { useState, useSyncExternalStore } from "react";
import { DocumentStore, type Snapshot } from "../document/store";

/** The one document store of the window, and its current snapshot. */
export function useDocument(): { store: DocumentStore; snap: Snapshot } {
  const [store] = useState(() => new DocumentStore());
  const snap = useSyncExternalStore(store.subscribe, () => store.snapshot());
  return { store, snap };
}
