import { describe, expect, it, vi } from "vitest";
import { TestsStore, type TestsBackend } from "./testsStore";
import type { ScenarioResult, TestReport } from "../backend/studio";

const listing = { file: "/p/flow.tests.yaml", exists: true, reason: "", problems: [], scenarios: [{ name: "a", line: 2, input: "{}" }, { name: "b", line: 9, input: "{}" }] };
const res = (name: string, status: ScenarioResult["status"]): ScenarioResult => ({
  name,
  line: 1,
  status,
  durationMs: 1,
  failures: [],
  history: `{"events":["${name}"]}`,
});
const report = (results: ScenarioResult[]): TestReport => ({
  ...listing,
  results,
  passed: results.filter((r) => r.status === "passed").length,
  failed: results.filter((r) => r.status !== "passed").length,
  coverage: { covered: 1, total: 2, percent: 50, states: [], transitions: [] },
});

function setup(runs: ScenarioResult[][]) {
  const backend = {
    listTests: vi.fn(async () => listing),
    runTests: vi.fn(async () => report(runs.shift() ?? [])),
    saveRunAsScenario: vi.fn(async () => ({ file: "/p/flow.tests.yaml", created: true, name: "saved" })),
  } satisfies TestsBackend;
  const mem = new Map<string, string>();
  const storage = { getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, v: string) => void mem.set(k, v), removeItem: (k: string) => void mem.delete(k) };
  const replay = vi.fn(async () => true);
  const store = new TestsStore(backend, storage, replay);
  store.setWorkflow({ path: "/p/flow.asl.json", text: "v1" });
  return { store, backend, replay, storage };
}

describe("TestsStore", () => {
  it("runs the failed scenarios of the last run, against the current text", async () => {
    const { store, backend } = setup([[res("a", "passed"), res("b", "failed")], [res("b", "passed")]]);
    await store.actions.runAll();
    expect(store.snapshot().failed).toEqual(["b"]);
    store.setWorkflow({ path: "/p/flow.asl.json", text: "v2" });
    await store.actions.runFailed();
    expect(backend.runTests).toHaveBeenLastCalledWith("/p/flow.asl.json", "v2", ["b"], "");
    const s = store.snapshot();
    expect(s.failed).toEqual([]);
    expect(s.results.get("a")?.status).toBe("passed"); // kept from the run before
    expect(s.coverageOf).toBe(1);
  });

  it("replays a scenario's run through the run session", async () => {
    const { store, replay } = setup([[res("a", "passed")]]);
    await store.actions.runAll();
    await store.actions.replay("a");
    expect(replay).toHaveBeenCalledWith('{"events":["a"]}');
    expect(store.snapshot().shown).toBe("a");
  });

  it("re-runs on save only when watching, and remembers the choice", async () => {
    const { store, backend, storage } = setup([[], []]);
    await vi.waitFor(() => expect(store.snapshot().listing).not.toBeNull());
    store.actions.saved();
    expect(backend.runTests).not.toHaveBeenCalled();
    store.actions.setWatch(true);
    expect(storage.getItem("stepstudio.tests.watch")).toBe("1");
    store.actions.saved();
    await vi.waitFor(() => expect(backend.runTests).toHaveBeenCalledTimes(1));
  });

  it("another workflow starts with no results", async () => {
    const { store } = setup([[res("a", "failed")]]);
    await store.actions.runAll();
    store.setWorkflow({ path: "/q/other.asl.json", text: "x" });
    expect(store.snapshot().results.size).toBe(0);
    expect(store.snapshot().coverage).toBeNull();
  });

  it("saves a run and says where; an unsaved workflow is refused", async () => {
    const { store, backend } = setup([]);
    expect(await store.actions.saveRun("run-1", "SUCCEEDED", "my run")).toBe(true);
    expect(backend.saveRunAsScenario).toHaveBeenCalledWith({ workflowPath: "/p/flow.asl.json", logicalId: "", definition: "v1", runId: "run-1", name: "my run", runStatus: "SUCCEEDED" });
    expect(store.snapshot().notice).toContain("“saved” in flow.tests.yaml (a new test file)");
    store.setWorkflow({ path: "", text: "x" });
    expect(await store.actions.saveRun("run-1", "SUCCEEDED", "x")).toBe(false);
    expect(store.snapshot().error).toContain("Save the workflow");
  });

  it("a state machine inside a template: its LogicalId goes with the template's path, and another machine starts afresh", async () => {
    const { store, backend } = setup([[res("a", "failed")], [res("a", "passed")]]);
    store.setWorkflow({ path: "/p/orders.yaml", logicalId: "CheckOrder", text: "m1" });
    await vi.waitFor(() => expect(backend.listTests).toHaveBeenLastCalledWith("/p/orders.yaml", "m1", "CheckOrder"));
    await store.actions.runAll();
    expect(backend.runTests).toHaveBeenLastCalledWith("/p/orders.yaml", "m1", [], "CheckOrder");
    expect(store.snapshot().failed).toEqual(["a"]);
    // The other machine of the same template: no results carried over.
    store.setWorkflow({ path: "/p/orders.yaml", logicalId: "ShipOrder", text: "m2" });
    expect(store.snapshot().failed).toEqual([]);
    await vi.waitFor(() => expect(backend.listTests).toHaveBeenLastCalledWith("/p/orders.yaml", "m2", "ShipOrder"));
  });
});
