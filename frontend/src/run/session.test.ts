import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import historyJson from "./testdata/retry.history.json?raw";
import type { Diagram, DiagramNode, HistoryEvent, PendingTask, RunMeta, RunPause, RunUpdate, StageRecord, StartRunRequest } from "../backend/studio";
import { RunSessionStore, catchUpMs, drawMs, pauseWhere, type RunBackend, type WorkflowRef } from "./session";
import type { KeyValueStorage } from "./settings";

// The store is driven the way Go drives the app: a fake backend answers the
// calls, and test code plays the "run:update" events, out of order or with
// holes when it suits the test.

const history: HistoryEvent[] = JSON.parse(historyJson).events;

class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

const node = (id: string, name: string, type: string, kind = "state", parent?: string) =>
  ({ id, name, type, kind, parent, x: 0, y: 0, width: 0, height: 0 }) as DiagramNode;

/** The diagram of testdata/retry.asl.json, as far as the run views read it. */
const diagram = {
  width: 0,
  height: 0,
  edges: [],
  nodes: [
    node("/States/Pay", "Pay", "Task"),
    node("/States/Refund", "Refund", "Pass"),
    node("/States/Items", "Items", "Map", "container"),
    node("/States/Items/ItemProcessor/States/Pick", "Pick", "Pass", "state", "/States/Items"),
    node("/States/Items/ItemProcessor/States/Pack", "Pack", "Pass", "state", "/States/Items"),
    node("/States/Both", "Both", "Parallel", "container"),
    node("/States/Both/Branches/0", "", "", "branch", "/States/Both"),
    node("/States/Both/Branches/0/States/Left", "Left", "Pass", "state", "/States/Both/Branches/0"),
    node("/States/Both/Branches/1", "", "", "branch", "/States/Both"),
    node("/States/Both/Branches/1/States/Right", "Right", "Fail", "state", "/States/Both/Branches/1"),
  ],
} as unknown as Diagram;

const workflow: WorkflowRef = { path: "/flows/retry.asl.json", name: "retry.asl.json", text: '{"StartAt": "Pay"}', diagram };

function meta(id: string, more: Partial<RunMeta> = {}): RunMeta {
  return { id, workflow: workflow.path, name: "retry", status: "RUNNING", events: history.length, stages: 0, input: "{}", startDate: "", stopDate: "", ...more } as RunMeta;
}

/** An update carrying events from..to (1-based, inclusive) of the history. */
function update(runId: string, seq: number, from: number, to: number, more: Partial<RunUpdate> = {}): RunUpdate {
  const events = history.slice(from - 1, to);
  return {
    runId,
    seq,
    firstEvent: events.length ? from : 0,
    lastEvent: events.length ? to : 0,
    events,
    stages: [],
    meta: meta(runId),
    pausedAt: [],
    pending: [],
    live: true,
    ...more,
  } as RunUpdate;
}

function fake() {
  const calls: { name: string; args: unknown[] }[] = [];
  const listeners = new Set<(u: RunUpdate) => void>();
  const endpointListeners = new Set<(n: { runId: string; machine: string }) => void>();
  const called = (name: string) => calls.filter((c) => c.name === name).map((c) => c.args);
  const state = {
    nextRun: "run-1",
    /** What Snapshot answers, by run id; defaults to the whole history, finished. */
    snapshots: new Map<string, (after: number) => RunUpdate>(),
    stages: [] as StageRecord[],
    mocks: new Map<string, string>(),
    /** The scenarios of the test file beside a workflow, by its path. */
    scenarios: new Map<string, { name: string; line: number; input: string }[]>(),
    example: { name: "retry.asl.json", input: '{"items": [1, 2, 3]}' },
    runs: [] as RunMeta[],
    /** Runs programs started through the local endpoint, of the open workflow. */
    endpointRuns: [] as RunMeta[],
    storeError: "",
    fail: new Set<string>(),
  };
  const record =
    <T,>(name: string, answer: (...args: never[]) => T) =>
    async (...args: unknown[]): Promise<Awaited<T>> => {
      calls.push({ name, args });
      if (state.fail.has(name)) throw `${name} failed`; // Wails rejects with strings
      return await (answer as (...a: unknown[]) => T)(...args);
    };
  const backend: RunBackend = {
    startRun: record("startRun", () => state.nextRun),
    rerunFrom: record("rerunFrom", () => state.nextRun),
    redriveRun: record("redriveRun", () => undefined),
    checkMocks: record("checkMocks", () => []),
    runSnapshot: record("runSnapshot", (id: string, after: number) =>
      (state.snapshots.get(id) ?? ((a: number) => update(id, 1, a + 1, history.length, { live: false, meta: meta(id, { status: "FAILED" }) })))(after),
    ),
    runStages: record("runStages", (_id: string, after: number) => state.stages.filter((s) => s.seq > after)),
    stepRun: record("stepRun", () => undefined),
    stepPause: record("stepPause", () => undefined),
    setRunPauseMode: record("setRunPauseMode", () => undefined),
    continueRun: record("continueRun", () => undefined),
    pauseRun: record("pauseRun", () => undefined),
    stopRun: record("stopRun", () => undefined),
    setRunBreakpoint: record("setRunBreakpoint", () => undefined),
    succeedTask: record("succeedTask", () => undefined),
    failTask: record("failTask", () => undefined),
    heartbeatTask: record("heartbeatTask", () => undefined),
    trustHandler: record("trustHandler", () => undefined),
    listRuns: record("listRuns", () => state.runs),
    endpointRunsFor: record("endpointRunsFor", () => state.endpointRuns),
    deleteRun: record("deleteRun", () => undefined),
    importRun: record("importRun", () => meta("imported-1", { imported: true })),
    importExecution: record("importExecution", () => meta("remote-1", { imported: true })),
    loadMocks: record("loadMocks", (path: string) => state.mocks.get(path) ?? ""),
    listTests: record("listTests", (path: string) => {
      const scenarios = state.scenarios.get(path) ?? [];
      return { file: path.replace(/\.asl\.json$/, ".tests.yaml"), exists: scenarios.length > 0, reason: "", problems: [], scenarios };
    }),
    saveMocks: record("saveMocks", (path: string) => path.replace(/\.asl\.json$/, ".mocks.json")),
    runStoreError: record("runStoreError", () => state.storeError),
    openExample: record("openExample", () => ({ name: state.example.name, path: "", text: "", format: "json", input: state.example.input })),
    onEndpointRun: (fn) => {
      endpointListeners.add(fn);
      return () => endpointListeners.delete(fn);
    },
    onRunUpdate: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  const emit = (u: RunUpdate) => listeners.forEach((fn) => fn(u));
  const endpointRun = (runId: string) => endpointListeners.forEach((fn) => fn({ runId, machine: "Orders" }));
  return { backend, calls, called, state, emit, listeners, endpointRun };
}

/** Lets the fake's promises settle (and timers due by then run). */
const settle = () => vi.advanceTimersByTimeAsync(0);

function setup(wf: WorkflowRef | null = workflow) {
  const f = fake();
  const local = new MemoryStorage();
  const session = new MemoryStorage();
  const store = new RunSessionStore(f.backend, { local, session });
  let draws = 0;
  store.subscribe(() => draws++);
  const disconnect = store.connect();
  if (wf) store.setWorkflow(wf);
  return { ...f, store, local, session, disconnect, draws: () => draws, snap: () => store.snapshot() };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("following a run", () => {
  test("a run started shows its updates, placed by event id whatever order they come in", async () => {
    const t = setup();
    t.state.snapshots.set("run-1", () => update("run-1", 1, 1, 4));
    await t.store.actions.start("run");
    expect(t.called("startRun")).toHaveLength(1);
    expect(t.snap()).toMatchObject({ runId: "run-1", total: 4, live: true });
    expect(t.session.getItem("stepstudio.run.current")).toBe("run-1");

    // 9..20 arrives before 5..8: it waits for the hole to close.
    t.emit(update("run-1", 3, 9, 20));
    t.emit(update("run-1", 2, 5, 8));
    await vi.advanceTimersByTimeAsync(drawMs);
    expect(t.snap().total).toBe(20);
    expect(t.snap().overlay?.states.get("Pay")?.status).toBe("caught");
    expect(t.snap().overlay?.states.get("Refund")?.status).toBe("succeeded");
    expect(t.snap().overlay?.states.get("Items")?.status).toBe("running");
  });

  test("updates are drawn at most every drawMs, however many arrive", async () => {
    const t = setup();
    t.state.snapshots.set("run-1", () => update("run-1", 1, 1, 1));
    await t.store.actions.start("run");
    const before = t.draws();
    for (let i = 2; i <= 30; i++) t.emit(update("run-1", i, i, i));
    expect(t.draws()).toBe(before);
    await vi.advanceTimersByTimeAsync(drawMs);
    expect(t.draws()).toBe(before + 1);
    expect(t.snap().total).toBe(30);
  });

  test("the update that ends the run is drawn at once, not at the next draw tick", async () => {
    const t = setup();
    t.state.snapshots.set("run-1", () => update("run-1", 1, 1, 4));
    await t.store.actions.start("run");
    t.emit(update("run-1", 2, 5, 8));
    const before = t.draws();
    t.emit(update("run-1", 3, 9, history.length, { live: false, meta: meta("run-1", { status: "FAILED" }) }));
    expect(t.draws()).toBe(before + 1);
    expect(t.snap()).toMatchObject({ total: history.length, live: false });
  });

  test("a hole still open after a moment is filled from Snapshot", async () => {
    const t = setup();
    t.state.snapshots.set("run-1", (after) => (after === 0 ? update("run-1", 1, 1, 4) : update("run-1", 5, after + 1, 12)));
    await t.store.actions.start("run");
    t.emit(update("run-1", 3, 9, 12)); // 5..8 never comes
    await vi.advanceTimersByTimeAsync(catchUpMs - 1);
    expect(t.called("runSnapshot")).toEqual([["run-1", 0]]);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.called("runSnapshot")).toEqual([
      ["run-1", 0],
      ["run-1", 4],
    ]);
    await vi.advanceTimersByTimeAsync(drawMs);
    expect(t.snap().total).toBe(12);
    expect(t.snap().index?.events.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  test("state is taken only from the newest update; updates of other runs are ignored", async () => {
    const t = setup();
    t.state.snapshots.set("run-1", () => update("run-1", 1, 1, 2));
    await t.store.actions.start("run");
    t.emit(update("run-1", 5, 3, 3, { pausedAt: ["Refund"] }));
    t.emit(update("run-1", 4, 4, 4, { pausedAt: ["Pay"] }));
    t.emit(update("other", 9, 5, 5, { pausedAt: ["Items"] }));
    await vi.advanceTimersByTimeAsync(drawMs);
    expect(t.snap().pausedAt).toEqual(["Refund"]);
    expect(t.snap().total).toBe(4);
  });

  test("updates that leave the run's input out keep the one the run has", async () => {
    const t = setup();
    t.state.snapshots.set("run-1", () => update("run-1", 1, 1, 2, { meta: meta("run-1", { input: '{"items":[1,2]}' }) }));
    await t.store.actions.start("run");
    t.emit(update("run-1", 2, 3, 3, { meta: meta("run-1", { input: "", status: "RUNNING" }) }));
    await vi.advanceTimersByTimeAsync(drawMs);
    expect(t.snap().meta?.input).toBe('{"items":[1,2]}');
    expect(t.snap().total).toBe(3);
  });

  test("stage values are fetched when updates say there are more than arrived", async () => {
    const t = setup();
    t.state.stages = [
      { seq: 1, event: 2, state: "Pay", step: "InputPath", value: '{"a":1}' },
      { seq: 2, event: 2, state: "Pay", step: "ResultPath", value: '{"b":2}' },
    ] as StageRecord[];
    t.state.snapshots.set("run-1", () => update("run-1", 1, 1, 4, { meta: meta("run-1", { stages: 2 }) }));
    await t.store.actions.start("run");
    await settle();
    expect(t.called("runStages")).toEqual([["run-1", 0]]);
    await vi.advanceTimersByTimeAsync(drawMs);
    expect(t.snap().stages.get(2)).toEqual({ InputPath: '{"a":1}', ResultPath: '{"b":2}' });
  });

  test("a remote execution shown again as it grows is imported again as the same run", async () => {
    const t = setup();
    const arn = "arn:aws:states:us-east-1:123456789012:execution:retry:e-1";
    expect(await t.store.actions.showExecution(arn, '{"events": []}')).toBe(true);
    expect(await t.store.actions.showExecution(arn, '{"events": [1]}')).toBe(true);
    expect(t.called("importExecution").map((a) => a[2])).toEqual([arn, arn]);
    expect(t.snap().runId).toBe("remote-1");
  });

  test("a finished run is listed in the history", async () => {
    const t = setup();
    await settle();
    t.state.runs = [meta("run-1", { status: "FAILED" })];
    await t.store.actions.start("run");
    await settle();
    expect(t.snap().history.map((r) => r.id)).toEqual(["run-1"]);
    expect(t.snap()).toMatchObject({ live: false, meta: { status: "FAILED" } });
  });

  test("a program's execution of this workflow through the local endpoint joins the history, newest first, as it starts", async () => {
    const t = setup();
    await settle();
    t.state.runs = [meta("run-1", { status: "FAILED", startDate: "2026-12-07T03:00:00Z" })];
    t.state.endpointRuns = [meta("ep-1", { workflow: "local-endpoint", machine: "Orders", startDate: "2026-12-07T03:05:00Z" })];
    t.endpointRun("ep-1");
    await settle();
    expect(t.snap().history.map((r) => r.id)).toEqual(["ep-1", "run-1"]);
    expect(t.called("endpointRunsFor").at(-1)).toEqual([workflow.text]);
  });

  test("a run of the same workflow written differently is not of another definition", async () => {
    const t = setup();
    const spaced = JSON.stringify(JSON.parse(workflow.text), null, 7);
    t.state.snapshots.set("ep-1", () => update("ep-1", 1, 1, 4, { meta: meta("ep-1", { definition: spaced }) }));
    await t.store.actions.open("ep-1");
    expect(t.snap().otherDefinition).toBe(false);
    t.state.snapshots.set("ep-2", () => update("ep-2", 1, 1, 4, { meta: meta("ep-2", { definition: '{"StartAt":"X","States":{"X":{"Type":"Succeed"}}}' }) }));
    await t.store.actions.open("ep-2");
    expect(t.snap().otherDefinition).toBe(true);
  });

  test("the diagram arriving after the events places them in their Map iterations", async () => {
    const t = setup({ ...workflow, diagram: null });
    await t.store.actions.start("run");
    const pick = history.findIndex((e) => (e.stateEnteredEventDetails as { name?: string } | undefined)?.name === "Pick");
    expect(t.snap().index?.frames[pick]).toBe("");
    t.store.setWorkflow(workflow);
    expect(t.snap().index?.frames[pick]).toBe("Items#0");
    expect(t.snap().overlay?.states.get("Right")?.status).toBe("failed");
  });
});

describe("a reloaded page", () => {
  test("picks up the run it was showing, and says why runs are not saved", async () => {
    const f = fake();
    f.state.storeError = "runs are not saved: the disk is full";
    const session = new MemoryStorage();
    session.setItem("stepstudio.run.current", "run-7");
    const store = new RunSessionStore(f.backend, { local: new MemoryStorage(), session });
    store.connect();
    store.setWorkflow(workflow);
    await settle();
    expect(f.called("runSnapshot")).toEqual([["run-7", 0]]);
    expect(store.snapshot()).toMatchObject({ runId: "run-7", total: history.length, notice: "runs are not saved: the disk is full" });
  });

  test("forgets a run that is gone", async () => {
    const f = fake();
    f.state.fail.add("runSnapshot");
    const session = new MemoryStorage();
    session.setItem("stepstudio.run.current", "run-7");
    const store = new RunSessionStore(f.backend, { local: new MemoryStorage(), session });
    store.connect();
    await settle();
    expect(session.getItem("stepstudio.run.current")).toBeNull();
  });

  test("connecting twice (React's strict mode) listens once and resumes once", async () => {
    const t = setup();
    t.disconnect();
    const off = t.store.connect();
    expect(t.listeners.size).toBe(1);
    expect(t.called("runStoreError")).toHaveLength(1);
    off();
    expect(t.listeners.size).toBe(0);
  });
});

describe("starting and driving runs", () => {
  test("the request carries the workflow, its text and the settings", async () => {
    const t = setup();
    await settle();
    t.store.actions.update({ input: '{"n": 1}', testCase: "Happy", breakpoints: ["Refund"], pace: "slow", realWaits: true, type: "EXPRESS" });
    await t.store.actions.start("debug");
    const [req] = t.called("startRun")[0] as [StartRunRequest];
    expect(req).toMatchObject({
      workflow: workflow.path,
      name: workflow.name,
      definition: workflow.text,
      input: '{"n": 1}',
      testCase: "Happy",
      type: "EXPRESS",
      wait: "real",
      pace: "slow",
      breakpoints: ["Refund"],
      pauseAtStart: false,
    });
  });

  test("a machine inside a template sends its project file; a workflow file sends none", async () => {
    const inTemplate = setup({ path: "", notesPath: "/w/template.Checkout.studio.json", name: "Checkout", text: workflow.text, diagram });
    await settle();
    await inTemplate.store.actions.start("run");
    expect(inTemplate.called("startRun")[0][0]).toMatchObject({ notes: "/w/template.Checkout.studio.json" });
    const file = setup({ ...workflow, notesPath: "/w/ignored.studio.json" });
    await settle();
    await file.store.actions.start("run");
    expect(file.called("startRun")[0][0]).toMatchObject({ workflow: workflow.path, notes: "" });
  });

  test("Try it asks for generated answers and plays straight through, past breakpoints", async () => {
    const t = setup();
    await settle();
    t.store.actions.update({ testCase: "Happy", breakpoints: ["Refund"] });
    await t.store.actions.start("try");
    await t.store.actions.start("run");
    const [[tryReq], [runReq]] = t.called("startRun") as [StartRunRequest][];
    expect(tryReq).toMatchObject({ tryIt: true, breakpoints: [], pauseAtStart: false, testCase: "Happy" });
    expect(runReq).toMatchObject({ tryIt: false, breakpoints: ["Refund"] });
  });

  test("input that is not JSON is refused before Go is asked", async () => {
    const t = setup();
    t.store.actions.update({ input: '{"orderId": ' });
    expect(t.snap().inputError).toBeTruthy();
    await t.store.actions.start("run");
    expect(t.called("startRun")).toHaveLength(0);
    expect(t.snap().error).toMatch(/^The input is not valid JSON: /);
  });

  test("an input over AWS's 256 KiB is refused as it is typed, before Go is asked", async () => {
    const t = setup();
    const big = JSON.stringify({ text: "é".repeat(140 * 1024) }); // 280 KiB of UTF-8, 140 K characters
    t.store.actions.update({ input: big });
    expect(t.snap().inputError).toBe("The input is 281 KiB; an execution's input can be at most 256 KiB, as on AWS.");
    await t.store.actions.start("run");
    expect(t.called("startRun")).toHaveLength(0);
    t.store.actions.update({ input: JSON.stringify({ text: "e".repeat(200 * 1024) }) });
    expect(t.snap().inputError).toBeNull();
  });

  test("a refused call shows why; the next call clears it", async () => {
    const t = setup();
    t.state.fail.add("startRun");
    await t.store.actions.start("run");
    expect(t.snap().error).toBe("startRun failed");
    t.state.fail.delete("startRun");
    await t.store.actions.start("run");
    expect(t.snap().error).toBeNull();
  });

  test("controls and answers go to the run shown", async () => {
    const t = setup();
    t.state.snapshots.set("run-1", () => update("run-1", 1, 1, 3, { pending: [{ id: "p1", state: "Pay" } as PendingTask] }));
    await t.store.actions.start("run");
    t.store.actions.step();
    t.store.actions.resume();
    t.store.actions.pause();
    t.store.actions.stop();
    const p = t.snap().pending[0];
    expect(await t.store.actions.answer(p, '{"ok": true}')).toBe(true);
    expect(await t.store.actions.reject(p, "Declined", "no money")).toBe(true);
    t.store.actions.heartbeat(p);
    await settle();
    expect(t.calls.map((c) => c.name).filter((n) => !["startRun", "runSnapshot", "listRuns", "endpointRunsFor", "loadMocks", "listTests", "openExample", "runStoreError"].includes(n))).toEqual([
      "stepRun",
      "continueRun",
      "pauseRun",
      "stopRun",
      "succeedTask",
      "failTask",
      "heartbeatTask",
    ]);
    expect(t.called("failTask")[0]).toEqual(["run-1", "p1", "Declined", "no money"]);
  });

  test("a breakpoint is kept in the settings and set on a live run", async () => {
    const t = setup();
    t.state.snapshots.set("run-1", () => update("run-1", 1, 1, 2));
    await t.store.actions.start("run");
    t.snap().overlayValue.toggleBreakpoint("Refund");
    expect(t.snap().settings.breakpoints).toEqual(["Refund"]);
    expect([...t.snap().overlayValue.breakpoints]).toEqual(["Refund"]);
    await settle();
    expect(t.called("setRunBreakpoint")).toEqual([["run-1", "Refund", true]]);
    t.snap().overlayValue.toggleBreakpoint("Refund");
    expect(t.snap().settings.breakpoints).toEqual([]);
  });

  test("re-running from a state starts from the run shown", async () => {
    const t = setup();
    await t.store.actions.start("run");
    t.state.nextRun = "run-2";
    await t.store.actions.rerun("Items");
    expect(t.called("rerunFrom")[0].slice(1)).toEqual(["run-1", "Items"]);
    expect(t.snap().runId).toBe("run-2");
  });

  test("redrive continues the run shown in place and follows it again from its first event", async () => {
    const t = setup();
    await t.store.actions.start("run");
    const before = t.called("runSnapshot").length;
    await t.store.actions.redrive();
    expect(t.called("redriveRun")[0][1]).toBe("run-1");
    expect(t.snap().runId).toBe("run-1");
    expect(t.called("runSnapshot").slice(before)).toEqual([["run-1", 0]]);
  });
});

describe("replay", () => {
  test("the cursor shows the run as it was after that many events", async () => {
    const t = setup();
    await t.store.actions.start("run");
    t.store.actions.setCursor(11);
    expect(t.snap()).toMatchObject({ shown: 11, total: history.length });
    expect(t.snap().overlay?.states.get("Refund")?.status).toBe("succeeded");
    expect(t.snap().overlay?.states.has("Items")).toBe(false);
    t.store.actions.setCursor(null);
    expect(t.snap().overlay?.states.get("Items")?.status).toBe("succeeded");
  });

  test("drilling into one Map iteration counts only its events", async () => {
    const t = setup();
    await t.store.actions.start("run");
    t.snap().overlayValue.setDrill({ map: "Items", index: 1 });
    expect(t.snap().overlay?.states.get("Pick")?.entries).toBe(1);
    t.snap().overlayValue.setDrill(null);
    expect(t.snap().overlay?.states.get("Pick")?.entries).toBe(3);
  });

  test("the canvas's overlay value keeps its identity while nothing it shows changes", async () => {
    const t = setup();
    await t.store.actions.start("run");
    const before = t.snap().overlayValue;
    t.store.actions.update({ input: '{"typing": true}' });
    t.store.setWorkflow({ ...workflow, text: workflow.text + " " });
    expect(t.snap().overlayValue).toBe(before);
    t.store.actions.setCursor(5);
    expect(t.snap().overlayValue).not.toBe(before);
  });
});

describe("the history", () => {
  test("opening a stored run tells whether it was of another definition", async () => {
    const t = setup();
    t.state.snapshots.set("old", () => update("old", 1, 1, history.length, { live: false, meta: meta("old", { definition: '{"StartAt": "Other"}' }) }));
    await t.store.actions.open("old");
    expect(t.snap()).toMatchObject({ runId: "old", otherDefinition: true });
    t.store.setWorkflow({ ...workflow, text: '{"StartAt": "Other"}\n' });
    expect(t.snap().otherDefinition).toBe(false);
  });

  test("deleting the run shown clears it", async () => {
    const t = setup();
    await t.store.actions.start("run");
    await t.store.actions.remove("run-1");
    expect(t.snap()).toMatchObject({ runId: null, index: null, meta: null });
    expect(t.session.getItem("stepstudio.run.current")).toBeNull();
  });

  test("an imported history is shown; a refused one says why", async () => {
    const t = setup();
    expect(await t.store.actions.importHistory('{"events": [...]}')).toBe(true);
    expect(t.called("importRun")[0]).toEqual([workflow.path, workflow.text, '{"events": [...]}']);
    expect(t.snap().runId).toBe("imported-1");
    expect(t.snap().notice).toBeNull();
    t.state.fail.add("importRun");
    expect(await t.store.actions.importHistory('{"events": []}')).toBe(false);
    expect(t.snap().error).toBe("importRun failed");
  });

  test("a test scenario's history is imported once, then shown again as the same run", async () => {
    const t = setup();
    expect(await t.store.actions.replayHistory('{"events": [1]}')).toBe(true);
    expect(await t.store.actions.replayHistory('{"events": [1]}')).toBe(true);
    expect(t.called("importRun")).toHaveLength(1);
    expect(t.snap().runId).toBe("imported-1");
  });

  test("an imported history recorded for another workflow says what does not match", async () => {
    const t = setup();
    const notes = ["The history visits 1 step(s) this workflow does not have: “Charge Card”."];
    t.state.snapshots.set("imported-1", () => update("imported-1", 1, 1, history.length, { live: false, meta: meta("imported-1", { status: "SUCCEEDED", imported: true, importNotes: notes }) }));
    expect(await t.store.actions.importHistory("[]")).toBe(true);
    expect(t.snap().notice).toBe(notes[0]);
  });
});

describe("settings and mocks follow the workflow", () => {
  test("settings are kept per workflow", async () => {
    const t = setup();
    t.store.actions.update({ testCase: "Happy" });
    t.store.setWorkflow({ ...workflow, path: "/flows/other.asl.json", name: "other.asl.json" });
    expect(t.snap().settings.testCase).toBe("");
    t.store.setWorkflow(workflow);
    expect(t.snap().settings.testCase).toBe("Happy");
    expect(JSON.parse(t.local.getItem(`stepstudio.run.${workflow.path}`)!).testCase).toBe("Happy");
  });

  test("the example's sample input is offered for the example only", async () => {
    const t = setup({ ...workflow, path: "" });
    await settle();
    expect(t.snap().sampleInput).toBe('{"items": [1, 2, 3]}');
    t.store.setWorkflow(workflow); // the same name, but a file
    await settle();
    expect(t.snap().sampleInput).toBe("{}");
  });

  test("a file's sample input is its first test scenario's", async () => {
    const t = setup(null);
    t.state.scenarios.set(workflow.path, [
      { name: "happy", line: 2, input: '{\n  "items": [4]\n}' },
      { name: "empty", line: 9, input: "{}" },
    ]);
    t.store.setWorkflow(workflow);
    await settle();
    expect(t.called("listTests")).toEqual([[workflow.path, workflow.text]]);
    expect(t.snap().sampleInput).toBe('{\n  "items": [4]\n}');
    t.state.fail.add("listTests"); // an unreadable test file: {} as before
    t.store.setWorkflow({ ...workflow, path: "/flows/other.asl.json", name: "other.asl.json" });
    await settle();
    expect(t.snap().sampleInput).toBe("{}");
  });

  test("a saved workflow's mocks are read from beside it and saved there", async () => {
    const t = setup(null);
    t.state.mocks.set(workflow.path, '{"StateMachines": {}}');
    t.store.setWorkflow(workflow);
    await settle();
    expect(t.snap()).toMatchObject({ mocks: '{"StateMachines": {}}', mocksFromFile: true, mocksDirty: false });
    t.store.actions.setMocks("{}");
    expect(t.snap().mocksDirty).toBe(true);
    await t.store.actions.saveMocksFile();
    expect(t.called("saveMocks")).toEqual([[workflow.path, "{}"]]);
    expect(t.snap()).toMatchObject({ mocksDirty: false, mocksPath: "/flows/retry.mocks.json" });
    expect(await t.store.actions.writeMocks('{"a": 1}')).toBe("/flows/retry.mocks.json");
  });

  test("an unsaved workflow keeps its mocks with its settings", async () => {
    const t = setup({ ...workflow, path: "" });
    expect(await t.store.actions.writeMocks('{"a": 1}')).toBeNull();
    expect(t.called("saveMocks")).toHaveLength(0);
    expect(t.snap()).toMatchObject({ mocks: '{"a": 1}', mocksFromFile: false, mocksDirty: false });
    expect(t.snap().settings.mocks).toBe('{"a": 1}');
  });

  test("mocks that arrive for a workflow no longer open are dropped", async () => {
    const t = setup(null);
    t.state.mocks.set(workflow.path, "late");
    t.store.setWorkflow(workflow);
    t.store.setWorkflow({ ...workflow, path: "/flows/b.asl.json", name: "b.asl.json" });
    await settle();
    expect(t.snap().mocks).toBe("");
  });
});

describe("pauses inside a Map", () => {
  const pause = (id: number, state: string, index: number | null, input = "{}"): RunPause =>
    ({ id, state, path: index === null ? [] : [{ state: "Items", index }], input }) as RunPause;

  test("several pauses: Step steps the first, or the item picked, and the pick follows the item", async () => {
    const t = setup();
    t.state.snapshots.set("run-1", () => update("run-1", 1, 1, 2));
    await t.store.actions.start("run");
    t.emit(update("run-1", 2, 3, 3, { pausedAt: ["Pick", "Pick"], pauses: [pause(7, "Pick", 0, '{"v":1}'), pause(8, "Pick", 3, '{"v":4}')], waiting: [[{ state: "Items", index: 1 }], [{ state: "Items", index: 2 }]] } as Partial<RunUpdate>));
    await vi.advanceTimersByTimeAsync(drawMs);
    expect(t.snap().pauses.map((p) => p.id)).toEqual([7, 8]);
    expect(t.snap().waiting).toHaveLength(2);
    expect(t.snap().stepTarget?.id).toBe(7);
    expect(pauseWhere(t.snap().stepTarget!)).toBe("item 1 of Items");

    t.store.actions.pickPause(t.snap().pauses[1]);
    expect(t.snap().stepTarget?.id).toBe(8);
    t.store.actions.step();
    await settle();
    expect(t.called("stepPause")).toEqual([["run-1", 8]]);
    expect(t.called("stepRun")).toEqual([]);

    // Item 4 moved on to Pack (a new pause id): Step still steps it, not item 1.
    t.emit(update("run-1", 3, 4, 4, { pausedAt: ["Pick", "Pack"], pauses: [pause(7, "Pick", 0), pause(9, "Pack", 3, '{"v":8}')] }));
    await vi.advanceTimersByTimeAsync(drawMs);
    expect(t.snap().stepTarget).toMatchObject({ id: 9, state: "Pack", input: '{"v":8}' });
    t.store.actions.step();
    await settle();
    expect(t.called("stepPause")).toEqual([["run-1", 8], ["run-1", 9]]);

    // Item 4 ended: Step falls back to the first pause.
    t.emit(update("run-1", 4, 5, 5, { pausedAt: ["Pick"], pauses: [pause(7, "Pick", 0)] }));
    await vi.advanceTimersByTimeAsync(drawMs);
    expect(t.snap().stepTarget?.id).toBe(7);
  });

  test("a pause at the top level steps by id too; an older backend's update without pauses steps the run", async () => {
    const t = setup();
    t.state.snapshots.set("run-1", () => update("run-1", 1, 1, 2));
    await t.store.actions.start("run");
    t.emit(update("run-1", 2, 3, 3, { pausedAt: ["Pay"], pauses: [pause(1, "Pay", null)] }));
    await vi.advanceTimersByTimeAsync(drawMs);
    expect(pauseWhere(t.snap().stepTarget!)).toBe("");
    t.store.actions.step();
    t.emit(update("run-1", 3, 4, 4, { pausedAt: ["Refund"] }));
    await vi.advanceTimersByTimeAsync(drawMs);
    expect(t.snap().pauses).toEqual([]);
    t.store.actions.step();
    await settle();
    expect(t.called("stepPause")).toEqual([["run-1", 1]]);
    expect(t.called("stepRun")).toEqual([["run-1"]]);
  });

  test("the pause mode is a setting, sent with the run and to the run going on", async () => {
    const t = setup();
    expect(t.snap().settings.pauseMode).toBe("one");
    t.store.actions.update({ pauseMode: "all" });
    expect(t.called("setRunPauseMode")).toEqual([]); // no run yet
    t.state.snapshots.set("run-1", () => update("run-1", 1, 1, 2));
    await t.store.actions.start("debug");
    expect((t.called("startRun")[0][0] as StartRunRequest).pauseMode).toBe("all");
    t.store.actions.update({ pauseMode: "one" });
    await settle();
    expect(t.called("setRunPauseMode")).toEqual([["run-1", "one"]]);
    expect(t.local.items.get("stepstudio.run./flows/retry.asl.json")).toContain('"pauseMode":"one"');
  });
});
