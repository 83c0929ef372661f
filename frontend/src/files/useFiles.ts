// The file service as React sees it: one FileStore per window over the
// document store, its snapshot subscribed to, and the window's File
// shortcuts and focus (a chance to look at the disk) handed to it. The
// behaviour lives in fileStore.ts.
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import * as studio from "../backend/studio";
import { FileStore, type FileStoreOptions, type FileTarget, type Files } from "./fileStore";
import { fileShortcut } from "./shortcuts";

/** The file service of target, the window's one document (its first value is kept). */
export function useFiles(target: FileTarget, options: Pick<FileStoreOptions, "onSavedAs"> = {}): Files {
  const [store] = useState(() => new FileStore(studio, target, { hidden: () => document.hidden, start: startParam(), ...options }));
  useEffect(() => store.start(), [store]);
  useEffect(() => {
    const onFocus = () => void store.checkDisk();
    // Caught before the code editor sees them.
    const onKey = (e: KeyboardEvent) => {
      const action = fileShortcut(e);
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      store.shortcut(action);
    };
    window.addEventListener("focus", onFocus);
    window.addEventListener("keydown", onKey, true);
    return () => {
      window.removeEventListener("focus", onFocus);
      window.removeEventListener("keydown", onKey, true);
    };
  }, [store]);
  const snap = useSyncExternalStore(store.subscribe, store.snapshot);
  return useMemo(() => ({ ...snap, ...store.actions }), [snap, store]);
}

/**
 * ?start=example opens the example instead of the welcome when no file was
 * named (the browser tests, and anyone who bookmarks it in the headless
 * studio); the desktop window has no query and shows the welcome.
 */
function startParam(): "welcome" | "example" {
  return new URLSearchParams(window.location.search).get("start") === "example" ? "example" : "welcome";
}
