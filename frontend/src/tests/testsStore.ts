// The Tests panel as a plain store: the suite beside the open workflow,
// runs of all, one or the failed scenarios against the editor's text, the
// coverage overlay, "Re-run on save" and "Save this run as a scenario".
// No React here: useTests.ts subscribes; tests drive it with a fake backend.
import type * as studio from "../backend/studio";
import type { Coverage, ScenarioResult, TestListing } from "../backend/studio";
import { errorMessage } from "../backend/errors";
import type { KeyValueStorage } from "../run/settings";

export type TestsBackend = Pick<typeof studio, "listTests" | "runTests" | "saveRunAsScenario">;

export interface TestsSnapshot {
  listing: TestListing | null;
  /** The last result of each scenario, by name (a run of one keeps the others'). */
  results: ReadonlyMap<string, ScenarioResult>;
  /** Scenarios whose last run did not pass. */
  failed: string[];
  /** Coverage of the last run, and how many scenarios it is of. */
  coverage: Coverage | null;
  coverageOf: number;
  coverageShown: boolean;
  running: boolean;
  /** The scenario replayed on the diagram. */
  shown: string | null;
  watch: boolean;
  error: string | null;
  notice: string | null;
}

export interface TestsActions {
  refresh(): void;
  runAll(): Promise<void>;
  runOne(name: string): Promise<void>;
  runFailed(): Promise<void>;
  showCoverage(on: boolean): void;
  setWatch(on: boolean): void;
  /** Replays the scenario's last run on the diagram. */
  replay(name: string): Promise<void>;
  /** Appends the run to the test file as a scenario named name. */
  saveRun(runId: string, runStatus: string, name: string): Promise<boolean>;
  /** The workflow was saved: runs the suite when watching. */
  saved(): void;
  dismiss(): void;
}

export interface TestsWorkflow {
  /** The workflow file, or the template a state machine is inside. */
  path: string;
  text: string;
  /** The state machine's LogicalId inside the template path ("" for a workflow file). */
  logicalId?: string;
}

const WATCH = "stepstudio.tests.watch";

export class TestsStore {
  private wf: TestsWorkflow = { path: "", text: "" };
  private listing: TestListing | null = null;
  private results = new Map<string, ScenarioResult>();
  private coverage: Coverage | null = null;
  private coverageOf = 0;
  private coverageShown = false;
  private running = false;
  private shown: string | null = null;
  private watch: boolean;
  private error: string | null = null;
  private notice: string | null = null;
  /** Bumped when another workflow opens: late answers for the old one are dropped. */
  private loads = 0;
  private readonly listeners = new Set<() => void>();
  private snap: TestsSnapshot;
  readonly actions: TestsActions;

  constructor(
    private readonly backend: TestsBackend,
    private readonly storage: KeyValueStorage,
    /** Shows a run history on the diagram (the run session's import). */
    private readonly replayHistory: (history: string) => Promise<boolean>,
  ) {
    this.watch = storage.getItem(WATCH) === "1";
    this.actions = {
      refresh: this.refresh,
      runAll: () => this.run([]),
      runOne: (name) => this.run([name]),
      runFailed: () => this.run(this.failed()),
      showCoverage: (on) => this.set(() => (this.coverageShown = on)),
      setWatch: (on) =>
        this.set(() => {
          this.watch = on;
          this.storage.setItem(WATCH, on ? "1" : "0");
        }),
      replay: this.replay,
      saveRun: this.saveRun,
      saved: () => {
        if (this.watch && this.listing?.exists) void this.run([]);
      },
      dismiss: () => this.set(() => ((this.error = null), (this.notice = null))),
    };
    this.snap = this.makeSnapshot();
  }

  snapshot = (): TestsSnapshot => this.snap;

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  };

  /** The open workflow; another file starts with no results. */
  setWorkflow = (wf: TestsWorkflow) => {
    const other = wf.path !== this.wf.path || (wf.logicalId ?? "") !== (this.wf.logicalId ?? "");
    this.wf = wf;
    if (!other) return;
    this.loads++;
    this.listing = null;
    this.results = new Map();
    this.coverage = null;
    this.shown = null;
    this.error = this.notice = null;
    this.changed();
    this.refresh();
  };

  private refresh = () => {
    const load = this.loads;
    this.backend
      .listTests(this.wf.path, this.wf.text, this.wf.logicalId ?? "")
      .then((l) => {
        if (load !== this.loads) return;
        this.listing = l;
        this.changed();
      })
      .catch((err) => this.fail(err));
  };

  private failed(): string[] {
    return [...this.results.values()].filter((r) => r.status !== "passed").map((r) => r.name);
  }

  private run = async (only: string[]) => {
    if (this.running) return;
    const load = this.loads;
    this.running = true;
    this.error = null;
    this.changed();
    try {
      const r = await this.backend.runTests(this.wf.path, this.wf.text, only, this.wf.logicalId ?? "");
      if (load !== this.loads) return;
      const { results, passed, failed, coverage, ...listing } = r;
      void passed;
      void failed;
      this.listing = listing;
      // Results of scenarios that are gone (renamed, removed) go with them.
      const names = new Set(listing.scenarios.map((s) => s.name));
      const kept = new Map([...this.results].filter(([n]) => names.has(n)));
      for (const res of results) kept.set(res.name, res);
      this.results = kept;
      if (results.length) {
        this.coverage = coverage;
        this.coverageOf = results.length;
      }
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      if (load === this.loads) this.running = false;
      this.changed();
    }
  };

  private replay = async (name: string) => {
    const r = this.results.get(name);
    if (!r?.history) return;
    this.shown = name;
    this.changed();
    await this.replayHistory(r.history);
  };

  private saveRun = async (runId: string, runStatus: string, name: string): Promise<boolean> => {
    if (!this.wf.path) {
      this.set(() => (this.error = "Save the workflow to a file first: its tests live in a file beside it."));
      return false;
    }
    try {
      const s = await this.backend.saveRunAsScenario({ workflowPath: this.wf.path, logicalId: this.wf.logicalId ?? "", definition: this.wf.text, runId, name, runStatus });
      const file = s.file.split(/[\\/]/).pop();
      this.notice = `Saved the run as “${s.name}” in ${file}${s.created ? " (a new test file)" : ""}. Its expectations are what happened; edit them in the file.${s.note ? ` ${s.note}` : ""}`;
      this.changed();
      this.refresh();
      return true;
    } catch (err) {
      this.fail(err);
      return false;
    }
  };

  private fail(err: unknown) {
    this.error = errorMessage(err);
    this.changed();
  }

  private set(f: () => void) {
    f();
    this.changed();
  }

  private changed() {
    this.snap = this.makeSnapshot();
    for (const fn of this.listeners) fn();
  }

  private makeSnapshot(): TestsSnapshot {
    return {
      listing: this.listing,
      results: this.results,
      failed: this.failed(),
      coverage: this.coverage,
      coverageOf: this.coverageOf,
      coverageShown: this.coverageShown,
      running: this.running,
      shown: this.shown,
      watch: this.watch,
      error: this.error,
      notice: this.notice,
    };
  }
}
