// The File menu's behaviour as a plain store: the welcome shown at start,
// open, new (blank or from a template), save, save as, recent files,
// export, the unsaved-changes prompt, autosave with recovery after a
// crash, and the changed-on-disk notice. The document
// itself is the editor's (a DocumentStore or anything shaped like one): this
// store only loads texts into it and tells it what was saved. No React here:
// useFiles.ts subscribes and wires the window's keys and focus; tests drive
// the store with a fake backend.
import type * as studio from "../backend/studio";
import type { FileStamp, OpenedFile, RecentFile, RecoverySnapshot } from "../backend/studio";
import { errorMessage } from "../backend/errors";
import { convertText, formatForPath } from "../document/convert";
import type { FileAction } from "./shortcuts";
import { blankName, blankText } from "./blank";

type Format = "json" | "yaml";

/** The Go calls the file service makes (backend/studio.ts fits; tests pass a fake). */
export type FileBackend = Pick<
  typeof studio,
  | "autosave"
  | "checkDisk"
  | "chooseOpenPath"
  | "chooseSavePath"
  | "discardAutosave"
  | "discardRecovered"
  | "exportDiagram"
  | "exportHandbook"
  | "newFromTemplate"
  | "onCloseRequested"
  | "onOpenRequested"
  | "openExample"
  | "openFile"
  | "quitApp"
  | "recentFiles"
  | "recoveredWork"
  | "saveFile"
  | "setDirty"
  | "startupFile"
>;

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
  /** The notes file of a document that is not a file of its own. */
  notesPath?: string;
  /** The template and LogicalId of a state machine inside a template. */
  machine?: TemplateMachine;
}

export interface TemplateMachine {
  template: string;
  id: string;
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

/** A document saved by its own saver rather than to a path of its own. */
export interface InPlaceDocument {
  name: string;
  text: string;
  format: string;
  saveInPlace: (text: string) => Promise<string>;
  /** Where its notes are kept (beside the template). */
  notesPath?: string;
  /** Which machine of which template it is (its tests are kept beside the template). */
  machine?: TemplateMachine;
}

export interface FilesSnapshot {
  file: CurrentFile | null;
  /** The welcome is shown: the studio started with no file and nothing was chosen yet. */
  welcome: boolean;
  /** Bumped whenever another document replaces the current one, so views
   * can reset what belonged to the old one (the canvas refits). */
  generation: number;
  /** Counts the successful saves to a file (Save, Save As): "Re-run on save" follows it. */
  saves: number;
  dirty: boolean;
  recent: RecentFile[];
  galleryOpen: boolean;
  prompt: Prompt | null;
  recovered: RecoverySnapshot[];
  disk: DiskNotice | null;
  notice: Notice | null;
}

/** What the File menu and banners can do; every function keeps its identity. */
export interface FileActions {
  refreshRecent(): void;
  setGalleryOpen(open: boolean): void;
  newFrom(templateId: string): void;
  /** A new workflow with no steps yet. */
  newBlank(): void;
  /** The example workflow (an order process), unsaved. */
  openExample(): void;
  openDialog(): Promise<void>;
  openPath(path: string): void;
  /** Opens a document saved by its own saveInPlace (no path: no disk
   * polling, and recovered work comes back as a new document). */
  openInPlace(load: () => Promise<InPlaceDocument>): void;
  /** Opens text as a new unsaved document called name (asking first about unsaved changes); then runs once it is open. */
  openText(name: string, text: string, then?: () => void): void;
  /** Saves; false when it failed or was cancelled. */
  save(): Promise<boolean>;
  saveAs(): Promise<boolean>;
  exportAs(format: "svg" | "png"): Promise<void>;
  /** File → Export handbook: asks where, writes HTML or Markdown. */
  exportHandbook(): Promise<void>;
  answerPrompt(choice: "save" | "discard" | "cancel"): Promise<void>;
  restore(s: RecoverySnapshot): Promise<void>;
  dropRecovered(s: RecoverySnapshot): Promise<void>;
  reload(): Promise<void>;
  keepMine(): void;
  dismissNotice(): void;
}

export type Files = FilesSnapshot & FileActions;

/** A text to load: a file, a template or the example (no path, no stamp). */
type Loaded = Pick<OpenedFile, "path" | "name" | "text" | "format"> & Partial<Pick<OpenedFile, "lineEnding" | "stamp">>;

export const autosaveDelayMs = 3000;
export const diskPollMs = 3000;
export const noticeFadeMs = 4000;
const asFormat = (f: string): Format => (f === "yaml" ? "yaml" : "json");

export interface FileStoreOptions {
  /** True while the window is hidden: the disk is not polled then. */
  hidden?: () => boolean;
  /**
   * What to show when the studio starts with no file named on the command
   * line: the welcome (the default), or the example at once (the browser
   * tests ask for it with ?start=example).
   */
  start?: "welcome" | "example";
  /** Called after the document was saved from one file to another (Save As), so what lives beside it can follow. */
  onSavedAs?: (from: string, to: string) => void;
}

export class FileStore {
  private file: CurrentFile | null = null;
  private welcome = false;
  private generation = 0;
  private saves = 0;
  private recent: RecentFile[] = [];
  private galleryOpen = false;
  private prompt: Prompt | null = null;
  private recovered: RecoverySnapshot[] = [];
  private disk: DiskNotice | null = null;
  private notice: Notice | null = null;

  private started = false;
  private autosaveTimer: ReturnType<typeof setTimeout> | null = null;
  /** A recovery copy of the current work exists. */
  private hasCopy = false;
  /** What the window was last told (title and close prompt). */
  private reported: { name: string; dirty: boolean } | null = null;

  private readonly listeners = new Set<() => void>();
  private snap: FilesSnapshot;
  readonly actions: FileActions;

  constructor(
    private readonly backend: FileBackend,
    private readonly target: FileTarget,
    private readonly options: FileStoreOptions = {},
  ) {
    this.actions = {
      refreshRecent: this.refreshRecent,
      setGalleryOpen: this.setGalleryOpen,
      newFrom: this.newFrom,
      newBlank: this.newBlank,
      openExample: this.openExample,
      openDialog: this.openDialog,
      openPath: this.openPath,
      openInPlace: this.openInPlace,
      openText: this.openText,
      save: this.save,
      saveAs: this.saveAs,
      exportAs: this.exportAs,
      exportHandbook: this.exportHandbook,
      answerPrompt: this.answerPrompt,
      restore: this.restore,
      dropRecovered: this.dropRecovered,
      reload: this.reload,
      keepMine: this.keepMine,
      dismissNotice: () => this.setNotice(null),
    };
    this.snap = this.makeSnapshot();
  }

  snapshot = (): FilesSnapshot => this.snap;

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  };

  /**
   * Follows the document, the window's close button, files handed over by
   * a second start and the disk; the
   * first time, also loads the start document (the file named on the
   * command line, else the welcome, or the example when asked) and offers
   * what a crashed session left behind. Returns the function that stops
   * following.
   */
  start = (): (() => void) => {
    const offDoc = this.target.subscribe(this.documentChanged);
    const offClose = this.backend.onCloseRequested(() => this.ask("close Stepstudio", () => this.backend.quitApp()));
    // A file opened from the file manager while the studio runs comes here
    // instead of a second window: opened like a recent file, so unsaved
    // work is asked about first.
    const offOpen = this.backend.onOpenRequested((path) => this.openPath(path));
    const poll = setInterval(() => void this.checkDisk(), diskPollMs);
    if (!this.started) {
      this.started = true;
      void this.startup();
    }
    this.refreshRecent();
    this.documentChanged();
    return () => {
      offDoc();
      offClose();
      offOpen();
      clearInterval(poll);
    };
  };

  private async startup() {
    let named = false;
    try {
      const f = await this.backend.startupFile();
      if (f.name) {
        this.adopt(f);
        named = true;
      }
    } catch (err) {
      this.fail("Could not open the file given on the command line", err);
    }
    if (!named) {
      const ex = this.options.start === "example" ? await this.backend.openExample().catch(() => null) : null;
      if (ex) this.adopt(ex);
      else this.welcome = true;
    }
    this.recovered = await this.backend.recoveredWork().catch(() => []);
    this.changed();
  }

  /** Runs a File menu shortcut (the hook catches the keys). */
  shortcut = (action: FileAction) => {
    if (action === "save") void this.save();
    else if (action === "saveAs") void this.saveAs();
    else if (action === "open") void this.openDialog();
    else this.setGalleryOpen(true);
  };

  /**
   * Looks whether the file changed on disk: called every few seconds and
   * when the window gets focus; cheap (Go compares time and size first).
   */
  checkDisk = async () => {
    const f = this.file;
    if (!f?.path || !f.stamp || this.disk || this.options.hidden?.()) return;
    try {
      const st = await this.backend.checkDisk(f.path, f.stamp);
      // Another document, a save or a choice made meanwhile: the answer is stale.
      if (this.file !== f || this.disk) return;
      if (st.state === "changed") this.disk = { state: "changed", stamp: st.stamp };
      else if (st.state === "missing") this.disk = { state: "missing" };
      else if (st.stamp.modTime !== f.stamp.modTime) this.setFile({ ...f, stamp: st.stamp });
      else return;
      this.changed();
    } catch {
      // unreadable for now (permissions, a network drive): try again later
    }
  };

  private documentChanged = () => {
    // The window title and the close prompt follow the dirty state.
    const f = this.file;
    const { dirty } = this.target.snapshot();
    if (f && (this.reported?.name !== f.name || this.reported.dirty !== dirty)) {
      this.reported = { name: f.name, dirty };
      void this.backend.setDirty(f.name, dirty).catch(() => undefined);
    }
    this.autosave();
    if (dirty !== this.snap.dirty) this.changed();
  };

  /**
   * Autosave: a few seconds after the first unsaved change, then again
   * while changes keep coming; the copy goes once the document is clean.
   */
  private autosave() {
    if (!this.file) return;
    if (!this.target.snapshot().dirty) {
      if (this.hasCopy) {
        this.hasCopy = false;
        void this.backend.discardAutosave().catch(() => undefined);
      }
      return;
    }
    if (this.autosaveTimer !== null) return;
    this.autosaveTimer = setTimeout(() => {
      this.autosaveTimer = null;
      const f = this.file;
      const now = this.target.snapshot();
      if (!f || !now.dirty) return;
      this.backend
        .autosave({ path: f.path, name: f.name, format: now.format, lineEnding: f.lineEnding, text: now.text })
        .then(() => (this.hasCopy = true))
        .catch(() => undefined); // best effort: never interrupt editing for it
    }, autosaveDelayMs);
  }

  private setFile(f: CurrentFile) {
    this.file = f;
    this.documentChanged();
  }

  /** Makes f the document, replacing the current one. */
  private replace(f: CurrentFile, text: string, format: string) {
    this.disk = null;
    this.welcome = false;
    this.generation++;
    this.file = f;
    this.target.open(text, asFormat(format));
    this.documentChanged();
    this.changed();
  }

  private adopt(f: Loaded) {
    const stamp = f.path && f.stamp ? f.stamp : null;
    this.replace({ path: f.path, name: f.name, lineEnding: f.lineEnding || "lf", stamp }, f.text, f.format);
  }

  private setNotice(n: Notice | null) {
    this.notice = n;
    this.changed();
    // Info notices fade; errors stay until dismissed.
    if (n?.kind === "info") {
      setTimeout(() => {
        if (this.notice === n) this.setNotice(null);
      }, noticeFadeMs);
    }
  }

  private fail(what: string, err: unknown) {
    this.setNotice({ kind: "error", text: `${what}: ${errorMessage(err)}` });
  }

  private refreshRecent = () => {
    this.backend
      .recentFiles()
      .catch(() => [])
      .then((r) => {
        this.recent = r;
        this.changed();
      });
  };

  private setGalleryOpen = (open: boolean) => {
    this.galleryOpen = open;
    this.changed();
  };

  /** Runs action now, or after the user chose what to do with unsaved work. */
  private guard(reason: string, action: () => Promise<unknown> | void) {
    if (this.target.snapshot().dirty) this.ask(reason, action);
    else void action();
  }

  private ask(reason: string, then: Prompt["then"]) {
    this.prompt = { reason, then };
    this.changed();
  }

  private async writeTo(path: string): Promise<boolean> {
    const { text } = this.target.snapshot();
    try {
      const from = this.file?.path;
      const saved = await this.backend.saveFile(path, text, this.file?.lineEnding ?? "lf");
      this.target.markSaved(text);
      this.disk = null;
      this.setFile({ path: saved.path, name: saved.name, lineEnding: saved.lineEnding, stamp: saved.stamp });
      this.savedAs(from, saved.path);
      this.setNotice({ kind: "info", text: `Saved ${saved.path}` });
      this.refreshRecent();
      return true;
    } catch (err) {
      this.fail(`Could not save ${path}`, err);
      return false;
    }
  }

  private savedAs(from: string | undefined, to: string) {
    this.saves++;
    if (from && from !== to) this.options.onSavedAs?.(from, to);
  }

  private saveAs = async (): Promise<boolean> => {
    try {
      const format = this.target.snapshot().format;
      const path = await this.backend.chooseSavePath(this.file?.name ?? "untitled.asl.json", format);
      if (!path) return false;
      const to = formatForPath(path, format);
      return to === format ? this.writeTo(path) : this.convertTo(path, to);
    } catch (err) {
      this.fail("Could not save", err);
      return false;
    }
  };

  /**
   * Save As under a name of the other format (.yaml for a JSON document,
   * .json for a YAML one): the definition is written in that format, and
   * the document becomes the new file's text, with a history of its own
   * (the old steps are texts in the old format). The notice says so.
   */
  private async convertTo(path: string, to: Format): Promise<boolean> {
    const { text, format } = this.target.snapshot();
    const label = (f: Format) => (f === "yaml" ? "YAML" : "JSON");
    let converted: ReturnType<typeof convertText>;
    try {
      converted = convertText(text, format, to);
    } catch (err) {
      this.fail(`Could not save as ${label(to)}`, err);
      return false;
    }
    const before = this.file;
    try {
      const saved = await this.backend.saveFile(path, converted.text, before?.lineEnding ?? "lf");
      this.target.open(converted.text, to);
      this.disk = null;
      this.setFile({ path: saved.path, name: saved.name, lineEnding: saved.lineEnding, stamp: saved.stamp });
      this.savedAs(before?.path, saved.path);
      const kept = before?.path ? ` ${before.name} is unchanged.` : "";
      const comments = converted.commentsDropped ? " Its comments are left out: JSON has none." : "";
      this.setNotice({ kind: "info", text: `Saved ${saved.path} as ${label(to)}, converted from ${label(format)}.${comments}${kept}` });
      this.refreshRecent();
      return true;
    } catch (err) {
      this.fail(`Could not save ${path}`, err);
      return false;
    }
  }

  private save = async (): Promise<boolean> => {
    const f = this.file;
    if (f?.saveInPlace) {
      const { text } = this.target.snapshot();
      try {
        const said = await f.saveInPlace(text);
        this.target.markSaved(text);
        this.setNotice({ kind: "info", text: said });
        return true;
      } catch (err) {
        this.fail(`Could not save ${f.name}`, err);
        return false;
      }
    }
    return f?.path ? this.writeTo(f.path) : this.saveAs();
  };

  private openInPlace = (load: () => Promise<InPlaceDocument>) => {
    this.guard("open another state machine", async () => {
      try {
        const d = await load();
        this.replace({ path: "", name: d.name, lineEnding: "lf", stamp: null, saveInPlace: d.saveInPlace, notesPath: d.notesPath, machine: d.machine }, d.text, d.format);
      } catch (err) {
        this.fail("Could not open the state machine", err);
      }
    });
  };

  private openPath = (path: string) => {
    this.guard("open another file", async () => {
      try {
        this.adopt(await this.backend.openFile(path));
      } catch (err) {
        this.fail(`Could not open ${path}`, err);
      }
      this.refreshRecent();
    });
  };

  private openDialog = async () => {
    try {
      const path = await this.backend.chooseOpenPath();
      if (path) this.openPath(path);
    } catch (err) {
      this.fail("Could not open", err);
    }
  };

  private newFrom = (templateId: string) => {
    this.setGalleryOpen(false);
    this.guard("start a new workflow", async () => {
      try {
        this.adopt(await this.backend.newFromTemplate(templateId));
      } catch (err) {
        this.fail("Could not create the workflow", err);
      }
    });
  };

  private openText = (name: string, text: string, then?: () => void) => {
    this.guard("open the state machine", () => {
      this.replace({ path: "", name, lineEnding: "lf", stamp: null }, text, "json");
      then?.();
    });
  };

  private newBlank = () => {
    this.setGalleryOpen(false);
    this.guard("start a new workflow", () => {
      this.replace({ path: "", name: blankName, lineEnding: "lf", stamp: null }, blankText, "json");
    });
  };

  private openExample = () => {
    this.guard("open the example", async () => {
      try {
        this.adopt(await this.backend.openExample());
      } catch (err) {
        this.fail("Could not open the example", err);
      }
    });
  };

  private exportAs = async (format: "svg" | "png") => {
    try {
      const path = await this.backend.exportDiagram(format, this.file?.name ?? "diagram.asl.json", this.target.snapshot().text);
      if (path) this.setNotice({ kind: "info", text: `Diagram exported to ${path}` });
    } catch (err) {
      this.fail(`Could not export the diagram as ${format.toUpperCase()}`, err);
    }
  };

  private exportHandbook = async () => {
    // A state machine inside a template has no file of its own: its notes file names its notes.
    const inPlace = !!this.file?.saveInPlace;
    const path = this.file && !inPlace ? this.file.path : "";
    const notes = inPlace ? (this.file?.notesPath ?? "") : "";
    try {
      const written = await this.backend.exportHandbook(path, notes, this.file?.name ?? "workflow.asl.json", this.target.snapshot().text);
      if (written) this.setNotice({ kind: "info", text: `Handbook exported to ${written}` });
    } catch (err) {
      this.fail("Could not export the handbook", err);
    }
  };

  private restore = async (s: RecoverySnapshot) => {
    let opened = false;
    if (s.path) {
      try {
        this.adopt(await this.backend.openFile(s.path));
        opened = true;
      } catch {
        // The file is gone: restore the work as a new document.
      }
    }
    if (!opened) this.replace({ path: "", name: s.name, lineEnding: s.lineEnding || "lf", stamp: null }, "", s.format);
    this.target.editText(s.text, "Restore recovered work");
    await this.backend.discardRecovered(s.id).catch(() => undefined);
    this.forgetRecovered(s);
  };

  private dropRecovered = async (s: RecoverySnapshot) => {
    await this.backend.discardRecovered(s.id).catch((err) => this.fail("Could not delete the recovered copy", err));
    this.forgetRecovered(s);
  };

  private forgetRecovered(s: RecoverySnapshot) {
    this.recovered = this.recovered.filter((x) => x.id !== s.id);
    this.changed();
  }

  private reload = async () => {
    const f = this.file;
    if (!f?.path) return;
    try {
      this.adopt(await this.backend.openFile(f.path));
    } catch (err) {
      this.fail(`Could not reload ${f.path}`, err);
    }
  };

  private keepMine = () => {
    const d = this.disk;
    const f = this.file;
    this.disk = null;
    if (f) this.setFile({ ...f, stamp: d?.state === "changed" ? d.stamp : null });
    // The disk no longer holds the editor's text, so it is unsaved work
    // now: the close prompt and autosave protect the version kept. (NUL
    // never occurs in a text we opened: it stands for "something else".)
    this.target.markSaved("\u0000");
    this.changed();
  };

  private answerPrompt = async (choice: "save" | "discard" | "cancel") => {
    const p = this.prompt;
    if (!p) return;
    if (choice === "save" && !(await this.save())) return; // stay: the save failed or was cancelled
    this.prompt = null;
    this.changed();
    if (choice !== "cancel") await p.then();
  };

  private changed() {
    this.snap = this.makeSnapshot();
    for (const fn of this.listeners) fn();
  }

  private makeSnapshot(): FilesSnapshot {
    return {
      file: this.file,
      welcome: this.welcome,
      generation: this.generation,
      saves: this.saves,
      dirty: this.target.snapshot().dirty,
      recent: this.recent,
      galleryOpen: this.galleryOpen,
      prompt: this.prompt,
      recovered: this.recovered,
      disk: this.disk,
      notice: this.notice,
    };
  }
}
