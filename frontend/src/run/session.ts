// The run the studio shows, as a plain store: starting and driving it,
// following its updates (catching up through Snapshot when some were missed
// or the page reloaded), replaying a stored one, the run panel's settings and
// mocks, and the overlay the canvas draws. No React here: useRunSession.ts
// subscribes (useSyncExternalStore) and forwards the open workflow; tests
// drive the store with a fake backend.
import type * as studio from "../backend/studio";
import type { Diagram, MockProblem, PendingTask, RunMeta, RunPath, RunPause, RunUpdate, StageRecord, StartRunRequest } from "../backend/studio";
import { errorMessage } from "../backend/errors";
import { OverlayBuilder, RunIndex, frameKey, type Overlay } from "./fold";
import { stateIndex, type StateIndex } from "./stateIndex";
import { defaultSettings, inputProblem, loadSettings, saveSettings, type KeyValueStorage, type RunSettings } from "./settings";
import type { RunOverlayValue } from "./overlayContext";

/** The Go calls a run session makes (backend/studio.ts fits; tests pass a fake). */
export type RunBackend = Pick<
  typeof studio,
  | "checkMocks"
  | "continueRun"
  | "deleteRun"
  | "endpointRunsFor"
  | "failTask"
  | "heartbeatTask"
  | "importExecution"
  | "importRun"
  | "listRuns"
  | "listTests"
  | "loadMocks"
  | "onEndpointRun"
  | "onRunUpdate"
  | "openExample"
  | "pauseRun"
  | "redriveRun"
  | "rerunFrom"
  | "runSnapshot"
  | "runStages"
  | "runStoreError"
  | "saveMocks"
  | "setRunBreakpoint"
  | "setRunPauseMode"
  | "stepPause"
  | "startRun"
  | "stepRun"
  | "stopRun"
  | "succeedTask"
  | "trustHandler"
>;

export interface WorkflowRef {
  /** The file path, or "" while the workflow has no file. */
  path: string;
  /** The project file of a workflow with no file of its own (a machine inside a template), else "". */
  notesPath?: string;
  name: string;
  text: string;
  diagram: Diagram | null;
}

export interface RunSnapshot {
  /** The workflow's key for settings and the run history: its path, else its name. */
  workflow: string;
  settings: RunSettings;
  sampleInput: string;
  /** Why the input cannot start a run (too large, not JSON), or null. */
  inputError: string | null;
  mocks: string;
  /** The mocks live in a file beside the workflow (it has a path). */
  mocksFromFile: boolean;
  /** The mock file beside the workflow, once saved. */
  mocksPath: string;
  mocksDirty: boolean;
  /** The run shown was made from a definition other than the one open. */
  otherDefinition: boolean;
  runId: string | null;
  meta: RunMeta | null;
  live: boolean;
  pausedAt: string[];
  /** The paused threads (the top level, Map items), in index order, with the input each state will get. */
  pauses: RunPause[];
  /** Map items queued before a breakpoint while another one is paused ("one item at a time"): where each runs, in item order. */
  waiting: RunPath[];
  /** The pause Step steps: the one picked (by its item, so the pick survives steps), else the first. */
  stepTarget: RunPause | null;
  pending: PendingTask[];
  notice: string | null;
  error: string | null;
  /** The run's events, placed by state and Map iteration; grows in place. */
  index: RunIndex | null;
  /** Events in the index when this snapshot was taken. */
  total: number;
  /** Values between processing steps, by the visit's StateEntered event id, then step. */
  stages: Map<number, Record<string, string>>;
  /** The definition the run shown was made from (the open one for live runs). */
  definition: string;
  /** Replay position: events shown (null: all of them, following live). */
  cursor: number | null;
  /** Events shown: the cursor, else all of them. */
  shown: number;
  overlay: Overlay | null;
  /** What the canvas reads of the run; the same object until one of its parts changes. */
  overlayValue: RunOverlayValue;
  history: RunMeta[];
}

/** What the run panel can do; every function keeps its identity for the store's life. */
export interface RunActions {
  update(patch: Partial<RunSettings>): void;
  setMocks(text: string): void;
  /** Sets the mocks and, for a workflow with a file, saves them beside it: the path, else null. Throws when saving fails. */
  writeMocks(text: string): Promise<string | null>;
  saveMocksFile(): Promise<void>;
  /** Located problems of a mock text against the open workflow. */
  checkMocks(text: string): Promise<MockProblem[]>;
  clearError(): void;
  setCursor(n: number | null): void;
  /** "try" plays the run with generated answers for every task without a mock (Try it). */
  start(mode: RunMode): Promise<void>;
  rerun(state: string): Promise<void>;
  /** Continues the failed run shown from where it failed, in the same run (AWS's redrive). */
  redrive(): Promise<void>;
  /** Steps the pause picked (else the first): only that Map item moves on. */
  step(): void;
  /** Picks which paused item Step steps. */
  pickPause(p: RunPause): void;
  resume(): void;
  pause(): void;
  stop(): void;
  answer(p: PendingTask, output: string): Promise<boolean>;
  reject(p: PendingTask, error: string, cause: string): Promise<boolean>;
  heartbeat(p: PendingTask): void;
  /** Answers a "Trust this command?" card: yes runs the handler, no answers its task by hand. */
  trust(p: PendingTask, yes: boolean): Promise<void>;
  refreshHistory(): void;
  open(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** Imports a history and shows it; false when it was refused (the error says why). */
  importHistory(text: string): Promise<boolean>;
  /** Shows a history (a test scenario's run) on the diagram, imported once: the same history again shows the same run. */
  replayHistory(text: string): Promise<boolean>;
  /** Shows a remote execution's history as it grows: one run, imported again each time. */
  showExecution(arn: string, text: string): Promise<boolean>;
}

export type RunSession = RunSnapshot & RunActions;

/** Run, pause at the first breakpoint, or Try it: play through with generated task answers. */
export type RunMode = "run" | "debug" | "try";

/** How the run history and the status bar name a Try it run. */
export const tryItLabel = "Try it (generated answers)";

export interface RunStorage {
  /** Per-workflow settings (localStorage). */
  local: KeyValueStorage;
  /** The run shown, so a reloaded page picks it up (sessionStorage). */
  session: KeyValueStorage;
}

const CURRENT = "stepstudio.run.current";
/** Updates are drawn at most this often: a run can go far faster than anyone can watch. */
export const drawMs = 120;
/** …and at most this often while updates come full (a large Map pouring in): each draw costs the page more than the eye gains. */
export const busyDrawMs = 300;
/** An update with this many events counts as full. */
const busyEvents = 1000;
/** How long a hole in the events may stay open before Snapshot fills it. */
export const catchUpMs = 250;
const noneWaiting: string[] = [];

type Drill = RunOverlayValue["drill"];

export class RunSessionStore {
  private wf: WorkflowRef = { path: "", name: "", text: "", diagram: null };
  private states: StateIndex = stateIndex(null);
  private names = new Map<string, string>();
  private settings: RunSettings = { ...defaultSettings };
  private sampleInput = "{}";
  private mocks = "";
  private savedMocks = "";
  private mocksPath = "";
  /** Bumped when another workflow opens, so late answers for the old one are dropped. */
  private loads = 0;
  private history: RunMeta[] = [];
  private error: string | null = null;
  private notice: string | null = null;

  // The run shown.
  private runId: string | null = null;
  private runDefinition: string | null = null;
  private meta: RunMeta | null = null;
  private live = false;
  private pausedAt: string[] = [];
  private pauses: RunPause[] = [];
  private waiting: RunPath[] = [];
  /** The picked pause's thread (pauseKey), or null for the first. */
  private picked: string | null = null;
  private pending: PendingTask[] = [];
  private index: RunIndex | null = null;
  private stages = new Map<number, Record<string, string>>();
  private stageCount = 0;
  private fetchingStages = false;
  private cursor: number | null = null;
  private drill: Drill = null;

  // Wails may deliver updates out of order, or not at all before the page
  // listens. Events are placed by id: an update that arrives early is held
  // until the ones before it come; a hole still open after a moment is
  // filled from Snapshot. State is taken only from an update newer than the
  // last one taken.
  private lastSeq = 0;
  private held = new Map<number, RunUpdate>();
  /** The last event id any update said exists. */
  private known = 0;
  private catchUpTimer: ReturnType<typeof setTimeout> | null = null;
  private drawTimer: ReturnType<typeof setTimeout> | null = null;
  private resumed = false;

  // The overlay is built incrementally while the run goes forward; going
  // back (the scrubber) or drilling into an iteration starts it afresh.
  private builder: OverlayBuilder | null = null;
  private overlay: Overlay | null = null;
  private overlayValue: RunOverlayValue;
  /** The input last checked and why it is not JSON: inputs can be large, snapshots frequent. */
  private checked: { input: string; error: string | null } = { input: "{}", error: null };

  private readonly listeners = new Set<() => void>();
  private snap: RunSnapshot;
  readonly actions: RunActions;

  constructor(
    private readonly backend: RunBackend,
    private readonly storage: RunStorage,
  ) {
    this.actions = {
      update: this.update,
      setMocks: this.setMocks,
      writeMocks: this.writeMocks,
      saveMocksFile: this.saveMocksFile,
      checkMocks: (text) => backend.checkMocks(this.wf.path, this.wf.text, text),
      clearError: this.clearError,
      setCursor: this.setCursor,
      start: this.start,
      rerun: this.rerun,
      redrive: this.redrive,
      step: this.step,
      pickPause: (p) => {
        this.picked = pauseKey(p);
        this.changed();
      },
      resume: () => this.control(backend.continueRun),
      pause: () => this.control(backend.pauseRun),
      stop: () => this.control(backend.stopRun),
      answer: (p, output) => this.guard(() => backend.succeedTask(this.shownRun(), p.id, output)),
      reject: (p, err, cause) => this.guard(() => backend.failTask(this.shownRun(), p.id, err, cause)),
      heartbeat: (p) => void this.guard(() => backend.heartbeatTask(this.shownRun(), p.id)),
      trust: (p, yes) => this.guard(() => backend.trustHandler(this.shownRun(), p.id, yes)).then(() => undefined),
      refreshHistory: this.refreshHistory,
      open: (id) => this.guard(() => this.show(id)).then(() => undefined),
      remove: this.remove,
      importHistory: this.importHistory,
      replayHistory: this.replayHistory,
      showExecution: this.showExecution,
    };
    this.overlayValue = this.makeOverlayValue();
    this.snap = this.makeSnapshot();
  }

  snapshot = (): RunSnapshot => this.snap;

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  };

  /**
   * Listens to run updates; the first time, also picks up the run a
   * reloaded page was showing. Returns the function that stops listening.
   */
  connect = (): (() => void) => {
    const off = this.backend.onRunUpdate(this.apply);
    // A program started an execution through the local endpoint: it may be of the open workflow.
    const offEndpoint = this.backend.onEndpointRun(() => this.refreshHistory());
    if (!this.resumed) {
      this.resumed = true;
      const id = this.storage.session.getItem(CURRENT);
      if (id) this.show(id).catch(() => this.storage.session.removeItem(CURRENT));
      this.backend
        .runStoreError()
        .then((msg) => {
          if (!msg) return;
          this.notice = msg;
          this.changed();
        })
        .catch(() => undefined);
    }
    return () => {
      off();
      offEndpoint();
      if (this.drawTimer !== null) this.changed(); // draw what is waiting now
    };
  };

  /** The workflow open in the editor: its file, text and diagram. */
  setWorkflow = (wf: WorkflowRef) => {
    const prev = this.wf;
    const wasOther = this.snap.otherDefinition;
    this.wf = wf;
    let redraw = false;
    if (wf.diagram !== prev.diagram) {
      // The index reads Map and Parallel nesting from the diagram: when it
      // arrives or changes (a reload, an edit), read the events again.
      this.states = stateIndex(wf.diagram);
      this.names = new Map((wf.diagram?.nodes ?? []).map((n) => [n.id, n.name]));
      if (this.index) {
        const ix = new RunIndex(this.states);
        ix.add(this.index.events);
        this.index = ix;
      }
      redraw = true;
    }
    if (wf.path !== prev.path || wf.name !== prev.name) {
      this.loadWorkflow();
      redraw = true;
    }
    if (redraw || this.otherDefinition() !== wasOther) this.changed();
  };

  /** Settings follow the workflow; so do the mocks, the sample input and the history. */
  private loadWorkflow() {
    const { path, name } = this.wf;
    const workflow = this.workflow;
    const load = ++this.loads;
    this.mocksPath = "";
    if (!workflow) return;
    this.settings = loadSettings(this.storage.local, workflow);
    this.mocks = this.savedMocks = this.settings.mocks;
    const current = () => load === this.loads;
    if (path) {
      this.backend
        .loadMocks(path)
        .then((text) => {
          if (!current()) return;
          this.mocks = this.savedMocks = text;
          this.changed();
        })
        .catch((err) => {
          if (!current()) return;
          this.error = errorMessage(err);
          this.changed();
        });
    }
    // The sample input (until one is typed): the example's own; for a file,
    // its first test scenario's (NAME.tests.yaml beside it), an input the
    // workflow was written for, so "Try it" does not fail on a {} it never
    // expected; else {}.
    (path
      ? this.backend.listTests(path, this.wf.text).then((l) => l.scenarios[0]?.input || "{}")
      : this.backend.openExample().then((d) => (d.name === name && d.input ? d.input : "{}"))
    )
      .catch(() => "{}")
      .then((input) => {
        if (!current() || input === this.sampleInput) return;
        this.sampleInput = input;
        this.changed();
      });
    this.refreshHistory();
  }

  private get workflow(): string {
    return this.wf.path || this.wf.name;
  }

  private otherDefinition(): boolean {
    return this.runDefinition !== null && !sameDefinition(this.runDefinition, this.wf.text);
  }

  private update = (patch: Partial<RunSettings>) => {
    // The pause mode also applies to the run going on.
    if (patch.pauseMode && patch.pauseMode !== this.settings.pauseMode && this.runId && this.live) {
      const id = this.runId;
      void this.guard(() => this.backend.setRunPauseMode(id, patch.pauseMode!));
    }
    this.settings = { ...this.settings, ...patch };
    saveSettings(this.storage.local, this.workflow, this.settings);
    this.changed();
  };

  private setMocks = (text: string) => {
    this.mocks = text;
    // A workflow with no file keeps its mocks with its settings.
    if (!this.wf.path) this.update({ mocks: text });
    else this.changed();
  };

  private writeMocks = async (text: string): Promise<string | null> => {
    this.setMocks(text);
    const path = this.wf.path;
    if (!path) return null;
    const saved = await this.backend.saveMocks(path, text);
    this.markMocksSaved(text, saved);
    return saved;
  };

  private saveMocksFile = async () => {
    const text = this.mocks;
    await this.guard(async () => this.markMocksSaved(text, await this.backend.saveMocks(this.wf.path, text)));
  };

  private markMocksSaved(text: string, path: string) {
    this.savedMocks = text;
    this.mocksPath = path;
    this.changed();
  }

  private clearError = () => {
    this.error = null;
    this.changed();
  };

  private setCursor = (n: number | null) => {
    this.cursor = n;
    this.changed();
  };

  private setDrill = (d: Drill) => {
    this.drill = d;
    this.changed();
  };

  private toggleBreakpoint = (state: string) => {
    const bps = this.settings.breakpoints;
    const on = !bps.includes(state);
    this.update({ breakpoints: on ? [...bps, state] : bps.filter((b) => b !== state) });
    if (this.runId && this.live) void this.backend.setRunBreakpoint(this.runId, state, on).catch(() => undefined);
  };

  private get input(): string {
    return this.settings.input ?? this.sampleInput;
  }

  private request(mode: RunMode): StartRunRequest {
    const s = this.settings;
    return {
      workflow: this.workflow,
      notes: this.wf.path ? "" : (this.wf.notesPath ?? ""),
      name: this.wf.name,
      definition: this.wf.text,
      input: this.input,
      mocks: this.mocks,
      testCase: s.testCase,
      type: s.type,
      wait: s.realWaits ? "real" : "skip",
      pace: s.pace,
      // Try it plays straight through: one click shows the whole path.
      breakpoints: mode === "try" ? [] : s.breakpoints,
      pauseAtStart: mode === "debug" && s.breakpoints.length === 0,
      pauseMode: s.pauseMode,
      tryIt: mode === "try",
      startAt: "",
      variables: {},
    };
  }

  /** Clears the error, runs f, and shows why it failed; true when it did not. */
  private async guard(f: () => Promise<unknown>): Promise<boolean> {
    if (this.error !== null) this.clearError();
    try {
      await f();
      return true;
    } catch (err) {
      this.error = errorMessage(err);
      this.changed();
      return false;
    }
  }

  private start = async (mode: RunMode) => {
    const bad = inputProblem(this.input);
    if (bad) {
      this.error = bad;
      this.changed();
      return;
    }
    await this.guard(async () => this.show(await this.backend.startRun(this.request(mode))));
  };

  private rerun = async (state: string) => {
    const from = this.runId;
    if (!from) return;
    await this.guard(async () => this.show(await this.backend.rerunFrom(this.request("run"), from, state)));
  };

  private redrive = async () => {
    const id = this.runId;
    if (!id) return;
    await this.guard(async () => {
      await this.backend.redriveRun(this.request("run"), id);
      // The same run goes on: follow it from its first event again.
      await this.show(id);
    });
  };

  /** The pause Step steps: the picked item while it is paused, else the first pause. */
  private stepTarget(): RunPause | null {
    if (this.picked !== null) {
      const p = this.pauses.find((p) => pauseKey(p) === this.picked);
      if (p) return p;
    }
    return this.pauses[0] ?? null;
  }

  private step = () => {
    const id = this.runId;
    const target = this.stepTarget();
    if (!id) return;
    if (!target) return this.control(this.backend.stepRun);
    void this.guard(() => this.backend.stepPause(id, target.id));
  };

  private control(f: (id: string) => Promise<void>) {
    const id = this.runId;
    if (id) void this.guard(() => f(id));
  }

  /** The run shown; pending tasks only exist while there is one. */
  private shownRun(): string {
    return this.runId ?? "";
  }

  private refreshHistory = () => {
    const workflow = this.workflow;
    if (!workflow) return;
    // Runs programs started through the local endpoint join the list when
    // their state machine is this workflow (formatting aside).
    const fromEndpoint = this.backend.endpointRunsFor(this.wf.text).catch(() => [] as RunMeta[]);
    Promise.all([this.backend.listRuns(workflow), fromEndpoint])
      .then(([own, endpoint]) => {
        if (workflow !== this.workflow) return;
        this.history = endpoint.length ? [...own, ...endpoint].sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0)) : own;
        this.changed();
      })
      .catch((err) => {
        this.error = errorMessage(err);
        this.changed();
      });
  };

  private remove = async (id: string) => {
    if (!(await this.guard(() => this.backend.deleteRun(id)))) return;
    if (id === this.runId) {
      this.runId = null;
      this.index = null;
      this.meta = null;
      this.storage.session.removeItem(CURRENT);
      this.changed();
    }
    this.refreshHistory();
  };

  private importHistory = async (text: string): Promise<boolean> => {
    let id = "";
    const imported = await this.guard(async () => {
      id = (await this.backend.importRun(this.workflow, this.wf.text, text)).id;
    });
    if (!imported) return false;
    this.refreshHistory();
    await this.guard(() => this.show(id));
    return true;
  };

  /** Histories replayed, to the run they were imported as. */
  private replayed = new Map<string, string>();

  private replayHistory = async (text: string): Promise<boolean> => {
    const known = this.replayed.get(text);
    if (known && (await this.guard(() => this.show(known)))) return true;
    let id = "";
    const imported = await this.guard(async () => {
      id = (await this.backend.importRun(this.workflow, this.wf.text, text)).id;
    });
    if (!imported) return false;
    this.replayed.set(text, id);
    this.refreshHistory();
    return this.guard(() => this.show(id));
  };

  private showExecution = async (arn: string, text: string): Promise<boolean> => {
    let id = "";
    const imported = await this.guard(async () => {
      id = (await this.backend.importExecution(this.workflow, this.wf.text, arn, text)).id;
    });
    if (!imported) return false;
    this.refreshHistory();
    return this.guard(() => this.show(id));
  };

  /** Shows run id from its first event, following it while it is live. */
  private async show(id: string) {
    this.runId = id;
    this.lastSeq = 0;
    this.known = 0;
    this.held = new Map();
    this.stageCount = 0;
    this.stages = new Map();
    this.index = new RunIndex(this.states);
    this.meta = null;
    this.runDefinition = null;
    this.cursor = null;
    this.drill = null;
    this.pending = [];
    this.pausedAt = [];
    this.pauses = [];
    this.waiting = [];
    this.picked = null;
    this.storage.session.setItem(CURRENT, id);
    this.changed();
    this.apply(await this.backend.runSnapshot(id, 0));
    this.changed();
  }

  private apply = (u: RunUpdate) => {
    if (u.runId !== this.runId) return;
    let ix = this.index;
    if (!ix) ix = this.index = new RunIndex(this.states);
    if (u.events.length && u.firstEvent > ix.length + 1) this.held.set(u.firstEvent, u);
    else ix.add(u.events);
    for (let next = this.held.get(ix.length + 1); next; next = this.held.get(ix.length + 1)) {
      this.held.delete(next.firstEvent);
      ix.add(next.events);
    }
    // Held updates a snapshot already covered: their events are in.
    for (const [first, h] of this.held) if (h.lastEvent <= ix.length) this.held.delete(first);
    this.known = Math.max(this.known, u.meta.events);
    if (u.seq >= this.lastSeq) {
      this.lastSeq = u.seq;
      // Updates between a run's first and last leave its input out (it can
      // be large and does not change): keep the one already here.
      if (!u.meta.input && this.meta) u.meta.input = this.meta.input;
      this.meta = u.meta;
      this.live = u.live;
      this.pausedAt = u.pausedAt ?? [];
      this.pauses = u.pauses ?? [];
      this.waiting = u.waiting ?? [];
      this.pending = u.pending ?? [];
      // An imported history that does not match the workflow says where.
      this.notice = u.unsaved || u.meta.importNotes?.join(" ") || null;
      // Stored runs come back with their definition; live ones are of the open text.
      if (u.meta.definition) this.runDefinition = u.meta.definition;
      // A finished run belongs in the history list.
      if (!u.live) this.refreshHistory();
    }
    this.addStages(u.stages ?? []);
    if (this.stageCount < u.meta.stages && !this.fetchingStages) {
      this.fetchingStages = true;
      const id = u.runId;
      this.backend
        .runStages(id, this.stageCount)
        .then((rs) => {
          if (this.runId === id) this.addStages(rs);
          this.scheduleDraw();
        })
        .catch(() => undefined) // the next update asks again
        .finally(() => (this.fetchingStages = false));
    }
    if (ix.length < this.known && this.catchUpTimer === null) {
      const id = u.runId;
      this.catchUpTimer = setTimeout(() => {
        this.catchUpTimer = null;
        const have = this.index?.length ?? 0;
        if (this.runId !== id || have >= this.known) return;
        this.backend
          .runSnapshot(id, have)
          .then(this.apply)
          .catch(() => undefined); // the next update asks again
      }, catchUpMs);
    }
    // A run that ended or stopped at a breakpoint is drawn at once: the
    // draw tick only spares the page while events pour in.
    if ((!this.live || this.pausedAt.length > 0) && ix.length >= this.known) this.changed();
    else this.scheduleDraw(u.events.length >= busyEvents ? busyDrawMs : drawMs);
  };

  private addStages(rs: StageRecord[]) {
    for (const r of rs) {
      if (r.seq !== this.stageCount + 1) continue;
      this.stageCount = r.seq;
      this.stages.set(r.event, { ...this.stages.get(r.event), [r.step]: r.value });
    }
  }

  private scheduleDraw(ms = drawMs) {
    if (this.drawTimer !== null) return;
    this.drawTimer = setTimeout(() => {
      this.drawTimer = null;
      this.changed();
    }, ms);
  }

  private changed() {
    if (this.drawTimer !== null) {
      clearTimeout(this.drawTimer);
      this.drawTimer = null;
    }
    this.snap = this.makeSnapshot();
    for (const fn of this.listeners) fn();
  }

  private makeSnapshot(): RunSnapshot {
    const ix = this.index;
    const total = ix?.length ?? 0;
    const shown = this.cursor ?? total;
    this.overlay = this.overlayAt(ix, shown);
    this.overlayValue = this.makeOverlayValue();
    const input = this.input;
    if (input !== this.checked.input) this.checked = { input, error: inputProblem(input) };
    const fromFile = this.wf.path !== "";
    return {
      workflow: this.workflow,
      settings: this.settings,
      sampleInput: this.sampleInput,
      inputError: this.checked.error,
      mocks: this.mocks,
      mocksFromFile: fromFile,
      mocksPath: this.mocksPath,
      mocksDirty: fromFile && this.mocks !== this.savedMocks,
      otherDefinition: this.otherDefinition(),
      runId: this.runId,
      meta: this.meta,
      live: this.live,
      pausedAt: this.pausedAt,
      pauses: this.pauses,
      waiting: this.waiting,
      stepTarget: this.stepTarget(),
      pending: this.pending,
      notice: this.notice,
      error: this.error,
      index: ix,
      total,
      stages: this.stages,
      definition: this.runDefinition ?? this.wf.text,
      cursor: this.cursor,
      shown,
      overlay: this.overlay,
      overlayValue: this.overlayValue,
      history: this.history,
    };
  }

  /** The overlay after `shown` events; the same object while nothing new was read. */
  private overlayAt(ix: RunIndex | null, shown: number): Overlay | null {
    if (!ix) {
      this.builder = null;
      return null;
    }
    const d = this.drill;
    const iteration = d ? { map: d.map, key: frameKey(d.map, d.index) } : undefined;
    let b = this.builder;
    if (!b || b.ix !== ix || b.iteration?.key !== iteration?.key || b.pos > shown) {
      b = this.builder = new OverlayBuilder(ix, iteration);
    } else if (this.overlay && b.pos === Math.min(shown, ix.length)) {
      return this.overlay;
    }
    return b.advance(shown);
  }

  /** The canvas's view of the run: rebuilt only when one of its parts changed, so nodes redraw only then. */
  private makeOverlayValue(): RunOverlayValue {
    const prev = this.overlayValue as RunOverlayValue | undefined;
    const pausedAt = this.cursor === null ? this.pausedAt : noneWaiting;
    const breakpoints = prev && sameItems(prev.breakpoints, this.settings.breakpoints) ? prev.breakpoints : new Set(this.settings.breakpoints);
    if (
      prev &&
      prev.overlay === this.overlay &&
      prev.names === this.names &&
      prev.breakpoints === breakpoints &&
      prev.pausedAt === pausedAt &&
      prev.drill === this.drill
    ) {
      return prev;
    }
    return {
      overlay: this.overlay,
      names: this.names,
      breakpoints,
      toggleBreakpoint: this.toggleBreakpoint,
      pausedAt,
      drill: this.drill,
      setDrill: this.setDrill,
    };
  }
}

/** The last comparison, as snapshots are made many times a second while a run goes on. */
let lastCompared: { a: string; b: string; same: boolean } | null = null;

/**
 * Whether two definitions are the same workflow: the same text, or the same
 * JSON written differently (a program's CreateStateMachine text against the
 * open file's).
 */
export function sameDefinition(a: string, b: string): boolean {
  if (a.trim() === b.trim()) return true;
  if (lastCompared && lastCompared.a === a && lastCompared.b === b) return lastCompared.same;
  let same: boolean;
  try {
    same = canonical(JSON.parse(a)) === canonical(JSON.parse(b));
  } catch {
    same = false; // YAML or broken text: only the same text is the same
  }
  lastCompared = { a, b, same };
  return same;
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

function sameItems(set: ReadonlySet<string>, list: readonly string[]): boolean {
  return set.size === list.length && list.every((x) => set.has(x));
}

/** Which thread a pause is of: its Map items, so a pick holds while the item steps from state to state. */
export function pauseKey(p: RunPause): string {
  return p.path.map((s) => `${s.state}#${s.index}`).join("/");
}

/** "item 3 of Each item" (innermost first), "" at the top level. Items count from 1, as the timeline names them. */
export function pauseWhere(p: RunPause): string {
  return [...p.path]
    .reverse()
    .map((s) => `${s.branch ? "branch" : "item"} ${s.index + 1} of ${s.state}`)
    .join(", ");
}
