// The run the studio shows: starting and driving it, following its
// updates (catching up through Snapshot when some were missed or the page
// reloaded), replaying a stored one, and the overlay the canvas draws.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  continueRun,
  errorMessage,
  failTask,
  heartbeatTask,
  listRuns,
  loadMocks,
  saveMocks,
  onRunUpdate,
  openExample,
  pauseRun,
  rerunFrom,
  runSnapshot,
  runStages,
  runStoreError,
  setRunBreakpoint,
  startRun,
  stepRun,
  stopRun,
  succeedTask,
  deleteRun,
  importRun,
  type Diagram,
  type PendingTask,
  type RunMeta,
  type RunUpdate,
  type StageRecord,
  type StartRunRequest,
} from "../backend/studio";
import { OverlayBuilder, RunIndex, frameKey, type Overlay } from "./fold";
import { stateIndex } from "./stateIndex";
import { defaultSettings, jsonError, loadSettings, saveSettings, type RunSettings } from "./settings";
import type { RunOverlayValue } from "./overlayContext";

export interface WorkflowRef {
  /** The file path, or "" while the workflow has no file. */
  path: string;
  name: string;
  text: string;
  diagram: Diagram | null;
}

export interface RunSession {
  workflow: string;
  settings: RunSettings;
  update: (patch: Partial<RunSettings>) => void;
  sampleInput: string;
  inputError: string | null;
  mocks: string;
  setMocks: (text: string) => void;
  mocksFromFile: boolean;
  /** The mock file beside the workflow, once saved or loaded. */
  mocksPath: string;
  mocksDirty: boolean;
  saveMocksFile: () => Promise<void>;
  markMocksSaved: (text: string, path: string) => void;
  /** The run shown was made from a definition other than the one open. */
  otherDefinition: boolean;
  runId: string | null;
  meta: RunMeta | null;
  live: boolean;
  pausedAt: string[];
  pending: PendingTask[];
  notice: string | null;
  error: string | null;
  clearError: () => void;
  index: RunIndex | null;
  /** Values between processing steps, by the visit's StateEntered event id, then step. */
  stages: Map<number, Record<string, string>>;
  version: number;
  /** Replay position: events shown (null: all of them, following live). */
  cursor: number | null;
  setCursor: (n: number | null) => void;
  overlay: Overlay | null;
  overlayValue: RunOverlayValue;
  start: (mode: "run" | "debug") => Promise<void>;
  rerun: (state: string) => Promise<void>;
  step: () => void;
  resume: () => void;
  pause: () => void;
  stop: () => void;
  answer: (p: PendingTask, output: string) => Promise<boolean>;
  reject: (p: PendingTask, error: string, cause: string) => Promise<boolean>;
  heartbeat: (p: PendingTask) => void;
  history: RunMeta[];
  refreshHistory: () => void;
  open: (id: string) => Promise<void>;
  remove: (id: string) => Promise<void>;
  /** Imports a history and shows it; false when it was refused (the error says why). */
  importHistory: (text: string) => Promise<boolean>;
}

const CURRENT = "stepstudio.run.current";

export function useRunSession(wf: WorkflowRef): RunSession {
  const workflow = wf.path || wf.name;
  const [settings, setSettings] = useState<RunSettings>(defaultSettings);
  const [sampleInput, setSampleInput] = useState("{}");
  const [mocks, setMocksState] = useState("");
  const [savedMocks, setSavedMocks] = useState("");
  const [mocksPath, setMocksPath] = useState("");
  const [runDefinition, setRunDefinition] = useState<string | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [meta, setMeta] = useState<RunMeta | null>(null);
  const [live, setLive] = useState(false);
  const [pausedAt, setPausedAt] = useState<string[]>([]);
  const [pending, setPending] = useState<PendingTask[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [cursor, setCursor] = useState<number | null>(null);
  const [drill, setDrill] = useState<{ map: string; index: number } | null>(null);
  const [history, setHistory] = useState<RunMeta[]>([]);
  const indexRef = useRef<RunIndex | null>(null);
  const stagesRef = useRef(new Map<number, Record<string, string>>());
  const stageCount = useRef(0);
  const fetchingStages = useRef(false);
  const runRef = useRef<string | null>(null);
  const states = useMemo(() => stateIndex(wf.diagram), [wf.diagram]);
  const statesRef = useRef(states);
  statesRef.current = states;
  // The index reads Map and Parallel nesting from the diagram: when the
  // diagram arrives or changes (a reload, an edit), read the events again.
  useEffect(() => {
    const old = indexRef.current;
    if (!old || old.length === 0) return;
    const ix = new RunIndex(states);
    ix.add(old.events);
    indexRef.current = ix;
    setVersion((v) => v + 1);
  }, [states]);

  // Settings follow the workflow; the sample input of the example comes
  // from the backend, other workflows start from {}.
  useEffect(() => {
    if (!workflow) return;
    const s = loadSettings(workflow);
    setSettings(s);
    setMocksState(s.mocks);
    if (wf.path) {
      loadMocks(wf.path)
        .then((text) => {
          setMocksState(text);
          setSavedMocks(text);
        })
        .catch((err) => setError(errorMessage(err)));
    }
    openExample()
      .then((d) => setSampleInput(d.name === wf.name && !wf.path && d.input ? d.input : "{}"))
      .catch(() => setSampleInput("{}"));
  }, [workflow, wf.path, wf.name]);

  const update = useCallback(
    (patch: Partial<RunSettings>) =>
      setSettings((s) => {
        const next = { ...s, ...patch };
        saveSettings(workflow, next);
        return next;
      }),
    [workflow],
  );

  const setMocks = useCallback(
    (text: string) => {
      setMocksState(text);
      if (!wf.path) update({ mocks: text });
    },
    [wf.path, update],
  );

  // Updates are drawn at most ~8 times a second: the run can go far
  // faster than anyone can watch, and the page must stay responsive.
  const pendingDraw = useRef<number | null>(null);
  const scheduleDraw = useCallback(() => {
    if (pendingDraw.current !== null) return;
    pendingDraw.current = window.setTimeout(() => {
      pendingDraw.current = null;
      setVersion((v) => v + 1);
    }, 120);
  }, []);

  // Wails may deliver updates out of order, or not at all before the page
  // listens. Events are placed by id: an update that arrives early is held
  // until the ones before it come; a hole still open after a moment is
  // filled from Snapshot. State is taken only from an update newer than
  // the last one taken.
  const lastSeq = useRef(0);
  const held = useRef(new Map<number, RunUpdate>());
  const known = useRef(0); // the last event id any update said exists
  const catchUpTimer = useRef<number | null>(null);
  const addStages = (rs: StageRecord[]) => {
    for (const r of rs) {
      if (r.seq !== stageCount.current + 1) continue;
      stageCount.current = r.seq;
      const m = stagesRef.current;
      m.set(r.event, { ...m.get(r.event), [r.step]: r.value });
    }
  };
  const apply = useCallback(
    (u: RunUpdate) => {
      if (u.runId !== runRef.current) return;
      let ix = indexRef.current;
      if (!ix) ix = indexRef.current = new RunIndex(statesRef.current);
      if (u.events.length && u.firstEvent > ix.length + 1) held.current.set(u.firstEvent, u);
      else ix.add(u.events);
      for (let next = held.current.get(ix.length + 1); next; next = held.current.get(ix.length + 1)) {
        held.current.delete(next.firstEvent);
        ix.add(next.events);
      }
      // Held updates a snapshot already covered: their events are in.
      for (const [first, h] of held.current) if (h.lastEvent <= ix.length) held.current.delete(first);
      known.current = Math.max(known.current, u.meta.events);
      if (u.seq >= lastSeq.current) {
        lastSeq.current = u.seq;
        setMeta(u.meta);
        setLive(u.live);
        setPausedAt(u.pausedAt ?? []);
        setPending(u.pending ?? []);
        setNotice(u.unsaved || null);
        // Stored runs come back with their definition; live ones are of the open text.
        if (u.meta.definition) setRunDefinition(u.meta.definition);
      }
      addStages(u.stages ?? []);
      if (stageCount.current < u.meta.stages && !fetchingStages.current) {
        fetchingStages.current = true;
        const id = u.runId;
        void runStages(id, stageCount.current)
          .then((rs) => {
            if (runRef.current === id) addStages(rs);
            scheduleDraw();
          })
          .finally(() => (fetchingStages.current = false));
      }
      if (ix.length < known.current && catchUpTimer.current === null) {
        const id = u.runId;
        catchUpTimer.current = window.setTimeout(() => {
          catchUpTimer.current = null;
          const have = indexRef.current?.length ?? 0;
          if (runRef.current !== id || have >= known.current) return;
          void runSnapshot(id, have).then(apply);
        }, 250);
      }
      scheduleDraw();
    },
    [scheduleDraw],
  );

  useEffect(() => onRunUpdate(apply), [apply]);

  const show = useCallback(
    async (id: string) => {
      runRef.current = id;
      lastSeq.current = 0;
      known.current = 0;
      held.current = new Map();
      stageCount.current = 0;
      stagesRef.current = new Map();
      indexRef.current = new RunIndex(statesRef.current);
      setRunId(id);
      setMeta(null);
      setRunDefinition(null);
      setCursor(null);
      setDrill(null);
      setPending([]);
      setPausedAt([]);
      sessionStorage.setItem(CURRENT, id);
      apply(await runSnapshot(id, 0));
      setVersion((v) => v + 1);
    },
    [apply],
  );

  // A reloaded page picks up the run it was showing.
  useEffect(() => {
    const id = sessionStorage.getItem(CURRENT);
    if (id) show(id).catch(() => sessionStorage.removeItem(CURRENT));
    runStoreError()
      .then((msg) => msg && setNotice(msg))
      .catch(() => {});
  }, [show]);

  const refreshHistory = useCallback(() => {
    if (!workflow) return;
    listRuns(workflow)
      .then(setHistory)
      .catch((err) => setError(errorMessage(err)));
  }, [workflow]);
  useEffect(refreshHistory, [refreshHistory]);
  useEffect(() => {
    if (meta && !live) refreshHistory();
  }, [meta, live, refreshHistory]);

  const input = settings.input ?? sampleInput;
  const inputError = jsonError(input);

  const request = useCallback(
    (mode: "run" | "debug"): StartRunRequest => ({
      workflow,
      name: wf.name,
      definition: wf.text,
      input,
      mocks,
      testCase: settings.testCase,
      type: "STANDARD", // EXPRESS lifts the 25,000-event history limit; not offered yet
      wait: settings.realWaits ? "real" : "skip",
      pace: settings.pace,
      breakpoints: settings.breakpoints,
      pauseAtStart: mode === "debug" && settings.breakpoints.length === 0,
      startAt: "",
      variables: {},
    }),
    [workflow, wf.name, wf.text, input, mocks, settings],
  );

  const guard = useCallback(async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    }
  }, []);

  const start = useCallback(
    async (mode: "run" | "debug") => {
      if (inputError) {
        setError(`The input is not valid JSON: ${inputError}`);
        return;
      }
      await guard(async () => show(await startRun(request(mode))));
    },
    [guard, show, request, inputError],
  );

  const rerun = useCallback(
    async (state: string) => {
      if (!runId) return;
      const from = runId;
      await guard(async () => show(await rerunFrom(request("run"), from, state)));
    },
    [guard, show, request, runId],
  );

  const toggleBreakpoint = useCallback(
    (state: string) => {
      const on = !settings.breakpoints.includes(state);
      update({ breakpoints: on ? [...settings.breakpoints, state] : settings.breakpoints.filter((b) => b !== state) });
      if (runId && live) void setRunBreakpoint(runId, state, on).catch(() => {});
    },
    [settings.breakpoints, update, runId, live],
  );

  const control = (f: (id: string) => Promise<void>) => () => {
    if (runId) void guard(() => f(runId));
  };

  const index = indexRef.current;
  const shown = cursor ?? index?.length ?? 0;
  // The overlay is built incrementally while the run goes forward; going
  // back (the scrubber) or drilling into an iteration starts it afresh.
  const builder = useRef<OverlayBuilder | null>(null);
  const overlay = useMemo(
    () => {
      if (!index) return null;
      const iteration = drill ? { map: drill.map, key: frameKey(drill.map, drill.index) } : undefined;
      let b = builder.current;
      if (!b || b.ix !== index || b.iteration?.key !== iteration?.key || b.pos > shown) {
        b = builder.current = new OverlayBuilder(index, iteration);
      }
      return b.advance(shown);
    },
    // version tells when the index grew
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [index, shown, drill, version],
  );
  const names = useMemo(() => new Map((wf.diagram?.nodes ?? []).map((n) => [n.id, n.name])), [wf.diagram]);
  const breakpointSet = useMemo(() => new Set(settings.breakpoints), [settings.breakpoints]);
  const overlayValue = useMemo<RunOverlayValue>(
    () => ({
      overlay,
      names,
      breakpoints: breakpointSet,
      toggleBreakpoint,
      pausedAt: cursor === null ? pausedAt : [],
      drill,
      setDrill,
    }),
    [overlay, names, breakpointSet, toggleBreakpoint, pausedAt, cursor, drill],
  );

  return {
    workflow,
    settings,
    update,
    sampleInput,
    inputError,
    mocks,
    setMocks,
    mocksFromFile: wf.path !== "",
    mocksPath,
    mocksDirty: wf.path !== "" && mocks !== savedMocks,
    saveMocksFile: async () => {
      await guard(async () => {
        setMocksPath(await saveMocks(wf.path, mocks));
        setSavedMocks(mocks);
      });
    },
    markMocksSaved: (text, path) => {
      setSavedMocks(text);
      setMocksPath(path);
    },
    otherDefinition: runDefinition !== null && runDefinition.trim() !== wf.text.trim(),
    runId,
    meta,
    live,
    pausedAt,
    pending,
    notice,
    error,
    clearError: () => setError(null),
    index,
    stages: stagesRef.current,
    version,
    cursor,
    setCursor,
    overlay,
    overlayValue,
    start,
    rerun,
    step: control(stepRun),
    resume: control(continueRun),
    pause: control(pauseRun),
    stop: control(stopRun),
    answer: (p, output) => guard(() => succeedTask(runId!, p.id, output)),
    reject: (p, err, cause) => guard(() => failTask(runId!, p.id, err, cause)),
    heartbeat: (p) => void guard(() => heartbeatTask(runId!, p.id)),
    history,
    refreshHistory,
    open: (id) => guard(() => show(id)).then(() => {}),
    remove: async (id) => {
      if (await guard(() => deleteRun(id))) {
        if (id === runId) {
          runRef.current = null;
          indexRef.current = null;
          setRunId(null);
          setMeta(null);
          sessionStorage.removeItem(CURRENT);
        }
        refreshHistory();
      }
    },
    importHistory: async (text) => {
      let id = "";
      if (!(await guard(async () => (id = (await importRun(workflow, wf.text, text)).id)))) return false;
      refreshHistory();
      await guard(() => show(id));
      return true;
    },
  };
}
