// The File menu's behaviour: open, new from a template, save, save as,
// recent files, export, the unsaved-changes prompt, autosave with recovery
// after a crash, and the changed-on-disk notice. The document itself is the
// editor's (a DocumentStore or anything shaped like one): this hook only
// loads texts into it and tells it what was saved.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import {
  autosave,
  checkDisk,
  chooseOpenPath,
  chooseSavePath,
  discardAutosave,
  discardRecovered,
  errorMessage,
  exportDiagram,
  newFromTemplate,
  onCloseRequested,
  openExample,
  openFile,
  quitApp,
  recentFiles,
  recoveredWork,
  saveFile,
  setDirty,
  startupFile,
  type FileStamp,
  type OpenedFile,
  type RecentFile,
  type RecoverySnapshot,
} from "../backend/studio";
import { fileShortcut } from "./shortcuts";

type Format = "json" | "yaml";

/** What the file service needs of the document (DocumentStore fits). */
export interface FileTarget {
  snapshot(): { text: string; format: Format; dirty: boolean };
  subscribe(fn: () => void): () => void;
  /** Replaces the document: clean, with a fresh history. */
  open(text: string, format: Format): void;
  /** Replaces the text as one undoable edit (restored work). */
  editText(text: string, label?: string): void;
  /** The text given is now what is on disk. */
  markSaved(text?: string): void;
}

/** The file the document belongs to; path "" until first saved. */
export interface CurrentFile {
  path: string;
  name: string;
  lineEnding: string;
  stamp: FileStamp | null;
  /** Set for a document that is not a file of its own (a state machine
   * inside an IaC template): Save calls it and shows what it returns. */
  saveInPlace?: (text: string) => Promise<string>;
}

export interface Prompt {
  /** What the user was doing: "open another file", "close Stepstudio"… */
  reason: string;
  then: () => Promise<unknown> | void;
}

export interface Notice {
  kind: "info" | "error";
  text: string;
}

export type DiskNotice = { state: "changed"; stamp: FileStamp } | { state: "missing" };

/** A text to load: a file, a template or the example (no path, no stamp). */
type Loaded = Pick<OpenedFile, "path" | "name" | "text" | "format"> & Partial<Pick<OpenedFile, "lineEnding" | "stamp">>;

const autosaveDelayMs = 3000;
const diskPollMs = 3000;
const asFormat = (f: string): Format => (f === "yaml" ? "yaml" : "json");

export function useFiles(target: FileTarget) {
  const doc = useSyncExternalStore(target.subscribe, () => target.snapshot());
  const [file, setFile] = useState<CurrentFile | null>(null);
  const [galleryOpen, setGalleryOpen] = useState(false);
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const [recovered, setRecovered] = useState<RecoverySnapshot[]>([]);
  const [disk, setDisk] = useState<DiskNotice | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // Bumped whenever another document replaces the current one, so views
  // can reset what belonged to the old one (the canvas refits).
  const [generation, setGeneration] = useState(0);

  // Callbacks read the latest values through refs, so a save started from
  // a stale closure never writes old text.
  const fileRef = useRef(file);
  fileRef.current = file;
  const diskRef = useRef(disk);
  diskRef.current = disk;
  const targetRef = useRef(target);
  targetRef.current = target;

  const fail = (what: string, err: unknown) => setNotice({ kind: "error", text: `${what}: ${errorMessage(err)}` });

  const adopt = useCallback((f: Loaded) => {
    setFile({ path: f.path, name: f.name, lineEnding: f.lineEnding || "lf", stamp: f.path && f.stamp ? f.stamp : null });
    setDisk(null);
    setGeneration((g) => g + 1);
    targetRef.current.open(f.text, asFormat(f.format));
  }, []);

  const refreshRecent = useCallback(() => {
    recentFiles()
      .then(setRecent)
      .catch(() => setRecent([]));
  }, []);

  /** Runs action now, or after the user chose what to do with unsaved work. */
  const guard = useCallback((reason: string, action: () => Promise<unknown> | void) => {
    if (targetRef.current.snapshot().dirty) setPrompt({ reason, then: action });
    else void action();
  }, []);

  const writeTo = useCallback(async (path: string): Promise<boolean> => {
    const { text } = targetRef.current.snapshot();
    try {
      const saved = await saveFile(path, text, fileRef.current?.lineEnding ?? "lf");
      targetRef.current.markSaved(text);
      setFile({ path: saved.path, name: saved.name, lineEnding: saved.lineEnding, stamp: saved.stamp });
      setDisk(null);
      setNotice({ kind: "info", text: `Saved ${saved.path}` });
      refreshRecent();
      return true;
    } catch (err) {
      fail(`Could not save ${path}`, err);
      return false;
    }
  }, [refreshRecent]);

  const saveAs = useCallback(async (): Promise<boolean> => {
    const f = fileRef.current;
    try {
      const path = await chooseSavePath(f?.name ?? "untitled.asl.json", targetRef.current.snapshot().format);
      return path ? writeTo(path) : false;
    } catch (err) {
      fail("Could not save", err);
      return false;
    }
  }, [writeTo]);

  const save = useCallback(async (): Promise<boolean> => {
    const f = fileRef.current;
    if (f?.saveInPlace) {
      const { text } = targetRef.current.snapshot();
      try {
        setNotice({ kind: "info", text: await f.saveInPlace(text) });
        targetRef.current.markSaved(text);
        return true;
      } catch (err) {
        fail(`Could not save ${f.name}`, err);
        return false;
      }
    }
    return f?.path ? writeTo(f.path) : saveAs();
  }, [writeTo, saveAs]);

  /** Opens a document saved by its own saveInPlace (no path: no disk
   * polling, and recovered work comes back as a new document). */
  const openInPlace = useCallback(
    (load: () => Promise<{ name: string; text: string; format: string; saveInPlace: (text: string) => Promise<string> }>) => {
      guard("open another state machine", async () => {
        try {
          const d = await load();
          setFile({ path: "", name: d.name, lineEnding: "lf", stamp: null, saveInPlace: d.saveInPlace });
          setDisk(null);
          setGeneration((g) => g + 1);
          targetRef.current.open(d.text, asFormat(d.format));
        } catch (err) {
          fail("Could not open the state machine", err);
        }
      });
    },
    [guard],
  );

  const openPath = useCallback((path: string) => {
    guard("open another file", async () => {
      try {
        adopt(await openFile(path));
      } catch (err) {
        fail(`Could not open ${path}`, err);
      }
      refreshRecent();
    });
  }, [adopt, guard, refreshRecent]);

  const openDialog = useCallback(async () => {
    try {
      const path = await chooseOpenPath();
      if (path) openPath(path);
    } catch (err) {
      fail("Could not open", err);
    }
  }, [openPath]);

  const newFrom = useCallback((templateId: string) => {
    setGalleryOpen(false);
    guard("start a new workflow", async () => {
      try {
        adopt(await newFromTemplate(templateId));
      } catch (err) {
        fail("Could not create the workflow", err);
      }
    });
  }, [adopt, guard]);

  const exportAs = useCallback(async (format: "svg" | "png") => {
    const f = fileRef.current;
    try {
      const path = await exportDiagram(format, f?.name ?? "diagram.asl.json", targetRef.current.snapshot().text);
      if (path) setNotice({ kind: "info", text: `Diagram exported to ${path}` });
    } catch (err) {
      fail(`Could not export the diagram as ${format.toUpperCase()}`, err);
    }
  }, []);

  // Start: the file named on the command line, else the example; then
  // offer what a crashed session left behind.
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const f = await startupFile();
        if (f.name) {
          if (live) adopt(f);
        } else {
          const ex = await openExample();
          if (live) adopt(ex);
        }
      } catch (err) {
        if (live) fail("Could not open the file given on the command line", err);
        const ex = await openExample().catch(() => null);
        if (live && ex) adopt(ex);
      }
      const left = await recoveredWork().catch(() => []);
      if (live) setRecovered(left);
    })();
    refreshRecent();
    return () => {
      live = false;
    };
  }, [adopt, refreshRecent]);

  const restore = useCallback(async (s: RecoverySnapshot) => {
    let opened = false;
    if (s.path) {
      try {
        adopt(await openFile(s.path));
        opened = true;
      } catch {
        // The file is gone: restore the work as a new document.
      }
    }
    if (!opened) {
      setFile({ path: "", name: s.name, lineEnding: s.lineEnding || "lf", stamp: null });
      setDisk(null);
      setGeneration((g) => g + 1);
      targetRef.current.open("", asFormat(s.format));
    }
    targetRef.current.editText(s.text, "Restore recovered work");
    await discardRecovered(s.id).catch(() => undefined);
    setRecovered((r) => r.filter((x) => x.id !== s.id));
  }, [adopt]);

  const dropRecovered = useCallback(async (s: RecoverySnapshot) => {
    await discardRecovered(s.id).catch((err) => fail("Could not delete the recovered copy", err));
    setRecovered((r) => r.filter((x) => x.id !== s.id));
  }, []);

  // Autosave: a few seconds after the first unsaved change, then again
  // while changes keep coming; the copy goes once the document is clean.
  const pending = useRef<number | null>(null);
  const hasCopy = useRef(false);
  useEffect(() => {
    if (!file) return;
    if (!doc.dirty) {
      if (hasCopy.current) {
        hasCopy.current = false;
        void discardAutosave().catch(() => undefined);
      }
      return;
    }
    if (pending.current !== null) return;
    pending.current = window.setTimeout(() => {
      pending.current = null;
      const f = fileRef.current;
      const now = targetRef.current.snapshot();
      if (!f || !now.dirty) return;
      autosave({ path: f.path, name: f.name, format: now.format, lineEnding: f.lineEnding, text: now.text })
        .then(() => (hasCopy.current = true))
        .catch(() => undefined); // best effort: never interrupt editing for it
    }, autosaveDelayMs);
  }, [doc.text, doc.dirty, file]);
  useEffect(() => () => {
    if (pending.current !== null) window.clearTimeout(pending.current);
  }, []);

  // The window title and the close prompt follow the dirty state.
  useEffect(() => {
    if (file) void setDirty(file.name, doc.dirty).catch(() => undefined);
  }, [file?.name, doc.dirty]);

  useEffect(
    () =>
      onCloseRequested(() =>
        setPrompt({ reason: "close Stepstudio", then: () => quitApp() }),
      ),
    [],
  );

  // Changed on disk: checked when the window gets focus and every few
  // seconds while it is visible; cheap (Go compares time and size first).
  useEffect(() => {
    const check = async () => {
      const f = fileRef.current;
      if (!f?.path || !f.stamp || diskRef.current || document.hidden) return;
      try {
        const st = await checkDisk(f.path, f.stamp);
        if (fileRef.current?.path !== f.path) return;
        if (st.state === "changed") setDisk({ state: "changed", stamp: st.stamp });
        else if (st.state === "missing") setDisk({ state: "missing" });
        else if (st.stamp.modTime !== f.stamp.modTime) setFile({ ...f, stamp: st.stamp });
      } catch {
        // unreadable for now (permissions, a network drive): try again later
      }
    };
    window.addEventListener("focus", check);
    const timer = window.setInterval(check, diskPollMs);
    return () => {
      window.removeEventListener("focus", check);
      window.clearInterval(timer);
    };
  }, []);

  const reload = useCallback(async () => {
    const f = fileRef.current;
    if (!f?.path) return;
    try {
      adopt(await openFile(f.path));
    } catch (err) {
      fail(`Could not reload ${f.path}`, err);
    }
  }, [adopt]);

  const keepMine = useCallback(() => {
    const d = diskRef.current;
    const f = fileRef.current;
    if (f) setFile({ ...f, stamp: d?.state === "changed" ? d.stamp : null });
    setDisk(null);
    // The disk no longer holds the editor's text, so it is unsaved work
    // now: the close prompt and autosave protect the version kept. (NUL
    // never occurs in a text we opened: it stands for "something else".)
    targetRef.current.markSaved("\u0000");
  }, []);

  // Keyboard shortcuts, caught before the code editor sees them.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = fileShortcut(e);
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      if (action === "save") void save();
      else if (action === "saveAs") void saveAs();
      else if (action === "open") void openDialog();
      else setGalleryOpen(true);
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [save, saveAs, openDialog]);

  // Info notices fade; errors stay until dismissed.
  useEffect(() => {
    if (notice?.kind !== "info") return;
    const t = window.setTimeout(() => setNotice((n) => (n === notice ? null : n)), 4000);
    return () => window.clearTimeout(t);
  }, [notice]);

  const answerPrompt = useCallback(
    async (choice: "save" | "discard" | "cancel") => {
      const p = prompt;
      if (!p) return;
      if (choice === "cancel") {
        setPrompt(null);
        return;
      }
      if (choice === "save" && !(await save())) return; // stay: the save failed or was cancelled
      setPrompt(null);
      await p.then();
    },
    [prompt, save],
  );

  return {
    file,
    generation,
    dirty: doc.dirty,
    recent,
    refreshRecent,
    galleryOpen,
    setGalleryOpen,
    newFrom,
    openDialog,
    openPath,
    openInPlace,
    save,
    saveAs,
    exportAs,
    prompt,
    answerPrompt,
    recovered,
    restore,
    dropRecovered,
    disk,
    reload,
    keepMine,
    notice,
    dismissNotice: () => setNotice(null),
  };
}

export type Files = ReturnType<typeof useFiles>;
