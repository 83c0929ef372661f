import { useState, useSyncExternalStore } from "react";
import { PanelLayoutStore } from "./panelLayout";

function browserStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The window's one panel layout store and its current layout. */
export function usePanelLayout() {
  const [store] = useState(() => new PanelLayoutStore(browserStorage()));
  const layout = useSyncExternalStore(store.subscribe, store.snapshot);
  return { store, layout };
}
