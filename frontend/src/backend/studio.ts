// The only module that talks to the Go backend (wailsjs). Everything else
// imports these typed wrappers, so tests and the UI never touch window.go.
import { Analyze, OpenExample, ServedToBrowser } from "../../wailsjs/go/app/Studio";
import type { app, diagram, schema } from "../../wailsjs/go/models";
import * as FilesAPI from "../../wailsjs/go/app/Files";
import type { files, templates } from "../../wailsjs/go/models";
import { EventsOn } from "../../wailsjs/runtime/runtime";

export type Document = app.Document;
export type Analysis = app.Analysis;
export type Diagram = diagram.Diagram;
export type DiagramNode = diagram.Node;
export type DiagramEdge = diagram.Edge;
export type Diagnostic = schema.Diagnostic;

/**
 * Whether this page is the app's own window of a studio served to a
 * browser (the headless mode): that window, under Xvfb, is never seen.
 * Only the app's window (the wails: scheme) asks Go.
 */
export async function isHiddenWindow(): Promise<boolean> {
  return location.protocol === "wails:" && (await ServedToBrowser());
}

export function openExample(): Promise<Document> {
  return OpenExample();
}

/** Validates and lays out text in one pass; never rejects for bad text. */
/** collapsed: the Parallel and Map states (ids) drawn folded into one box. */
/** pinned: top-left corners of the states placed by hand, by state name. */
export function analyze(
  name: string,
  text: string,
  collapsed: readonly string[] = [],
  pinned: Record<string, { x: number; y: number }> = {},
): Promise<Analysis> {
  return Analyze(name, text, [...collapsed], pinned);
}

export { errorMessage } from "./errors";

// --- Files: open, save, recent, autosave/recovery, disk changes, export.
export type OpenedFile = files.File;
export type FileStamp = files.Stamp;
export type DiskStatus = files.Status;
export type RecentFile = files.RecentFile;
export type RecoverySnapshot = files.Snapshot;
export type Template = templates.Template;

export const listTemplates = (): Promise<Template[]> => FilesAPI.Templates();
export const newFromTemplate = (id: string): Promise<OpenedFile> => FilesAPI.NewFromTemplate(id);
/** The template's diagram as SVG text, for its gallery card. */
export const templatePreview = (id: string): Promise<string> => FilesAPI.TemplatePreview(id);
/** The file named on the command line; name "" when there is none. */
export const startupFile = (): Promise<OpenedFile> => FilesAPI.StartupFile();
/** Native open dialog; "" when cancelled. */
export const chooseOpenPath = (): Promise<string> => FilesAPI.ChooseOpenPath();
/** Native save dialog; "" when cancelled. */
export const chooseSavePath = (suggested: string, format: string): Promise<string> =>
  FilesAPI.ChooseSavePath(suggested, format);
export const openFile = (path: string): Promise<OpenedFile> => FilesAPI.Open(path);
export const saveFile = (path: string, text: string, lineEnding: string): Promise<OpenedFile> =>
  FilesAPI.Save(path, text, lineEnding);
export const recentFiles = (): Promise<RecentFile[]> => FilesAPI.RecentFiles();
export const checkDisk = (path: string, stamp: FileStamp): Promise<DiskStatus> => FilesAPI.CheckDisk(path, stamp);
export const autosave = (s: Omit<RecoverySnapshot, "id" | "savedAt">): Promise<void> =>
  FilesAPI.Autosave({ ...s, id: "", savedAt: 0 } as RecoverySnapshot);
export const discardAutosave = (): Promise<void> => FilesAPI.DiscardAutosave();
export const recoveredWork = (): Promise<RecoverySnapshot[]> => FilesAPI.Recovered();
export const discardRecovered = (id: string): Promise<void> => FilesAPI.DiscardRecovered(id);
export const setDirty = (name: string, dirty: boolean): Promise<void> => FilesAPI.SetDirty(name, dirty);
/** Closes the window, dropping unsaved work (after the user chose so). */
export const quitApp = (): Promise<void> => FilesAPI.Quit();
/** Draws the diagram of text as svg or png and saves it; "" when cancelled. */
export const exportDiagram = (format: "svg" | "png", name: string, text: string): Promise<string> =>
  FilesAPI.ExportDiagram(format, name, text);
/** Writes the process handbook of text (HTML, or Markdown with SVG pictures,
 * as the name chosen in the save dialog says); "" when cancelled. path is the
 * document's file ("" when unsaved), whose notes and test cases it reads;
 * notesPath names the notes of a machine inside a template. */
export const exportHandbook = (path: string, notesPath: string, name: string, text: string): Promise<string> =>
  FilesAPI.ExportHandbook(path, notesPath, name, text);
/** The window's close button was pressed over unsaved work. */
export function onCloseRequested(fn: () => void): () => void {
  return EventsOn("files:close-requested", fn);
}
/** The user opened a file from the file manager (or `stepstudio FILE`)
 * while this studio was running: a second start hands it over (app/instance.go). */
export function onOpenRequested(fn: (path: string) => void): () => void {
  return EventsOn("files:open-requested", fn);
}

// --- Runs: start and drive local runs, answer tasks, the run history.
import * as RunsAPI from "../../wailsjs/go/app/Runs";
import type { runs } from "../../wailsjs/go/models";

/** One AWS GetExecutionHistory event; details vary by type. */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: string;
  type: string;
  [details: string]: unknown;
}
export type RunMeta = runs.Meta;
/** A value between a state's processing steps (after InputPath, ResultSelector, ResultPath). */
export type StageRecord = runs.StageRecord;
export type PendingTask = runs.Pending;
export type StartRunRequest = Omit<runs.StartRequest, "convertValues">;
/** A batch of a run's progress; events follow on from the previous batch. */
export type RunUpdate = Omit<runs.Update, "events" | "convertValues"> & { events: HistoryEvent[] };

const asUpdate = (u: runs.Update) => u as unknown as RunUpdate;

export const startRun = (req: StartRunRequest): Promise<string> => RunsAPI.Start(req as runs.StartRequest);
export const rerunFrom = (req: StartRunRequest, from: string, state: string): Promise<string> =>
  RunsAPI.RerunFrom(req as runs.StartRequest, from, state);
/** Continues failed run id in place from where it failed, keeping what succeeded (AWS's redrive). */
export const redriveRun = (req: StartRunRequest, id: string): Promise<void> => RunsAPI.Redrive(req as runs.StartRequest, id);
export const runSnapshot = (id: string, after: number): Promise<RunUpdate> => RunsAPI.Snapshot(id, after).then(asUpdate);
export const runStages = (id: string, after: number): Promise<StageRecord[]> => RunsAPI.Stages(id, after);
export const stepRun = (id: string): Promise<void> => RunsAPI.Step(id);
/** One paused thread of a run: the top level, or a Map item (path, outermost first), with the input its state will get. */
export type RunPause = runs.PauseInfo;
/** Where a thread of a run is: its Map items (and Parallel branches), outermost first. */
export type RunPath = RunPause["path"];
/** Steps only the pause pauseId (a Map item): its siblings stay paused. */
export const stepPause = (id: string, pauseId: number): Promise<void> => RunsAPI.StepPause(id, pauseId);
/** "one": one Map item at a time stops at breakpoints; "all": every item. */
export const setRunPauseMode = (id: string, mode: string): Promise<void> => RunsAPI.SetPauseMode(id, mode);
export const continueRun = (id: string): Promise<void> => RunsAPI.Continue(id);
export const pauseRun = (id: string): Promise<void> => RunsAPI.Pause(id);
export const stopRun = (id: string): Promise<void> => RunsAPI.Stop(id);
export const setRunBreakpoint = (id: string, state: string, on: boolean): Promise<void> =>
  RunsAPI.SetBreakpoint(id, state, on);
export const succeedTask = (id: string, pending: string, output: string): Promise<void> =>
  RunsAPI.Succeed(id, pending, output);
export const failTask = (id: string, pending: string, error: string, cause: string): Promise<void> =>
  RunsAPI.Fail(id, pending, error, cause);
export const heartbeatTask = (id: string, pending: string): Promise<void> => RunsAPI.Heartbeat(id, pending);
/** Answers a "Trust this command?" card: yes runs the handler and remembers it on this machine; no answers by hand. */
export const trustHandler = (id: string, pending: string, yes: boolean): Promise<void> => RunsAPI.Trust(id, pending, yes);
export const listRuns = (workflow: string): Promise<RunMeta[]> => RunsAPI.List(workflow);
export const deleteRun = (id: string): Promise<void> => RunsAPI.Delete(id);
export const exportRun = (id: string): Promise<string> => RunsAPI.Export(id);

/** Counts of a Map Run's items (or child executions) by status, as DescribeMapRun gives them. */
export interface MapRunCounts {
  pending: number;
  running: number;
  succeeded: number;
  failed: number;
  timedOut: number;
  aborted: number;
  total: number;
  resultsWritten: number;
  /** Unsuccessful children a redrive cannot redrive (AWS's failuresNotRedrivable). */
  failuresNotRedrivable?: number;
  /** Unsuccessful children waiting to be redriven while a redriven Map Run goes on. */
  pendingRedrive?: number;
}
/** One child execution of a distributed Map: its own name, ARN, input and (when opened) history. */
export interface ChildExecution {
  index: number;
  name: string;
  executionArn: string;
  status: string;
  startDate?: string;
  stopDate?: string;
  input?: unknown;
  output?: unknown;
  error?: string;
  cause?: string;
  /** How many times this child was redriven with its Map Run (AWS's redriveCount). */
  redriveCount?: number;
  redriveDate?: string;
  events?: { id: number; type: string; timestamp: string; previousEventId?: number }[];
}
/** A distributed Map's run record (AWS's DescribeMapRun, plus the children). */
export interface MapRun {
  mapRunArn: string;
  /** The parent execution. */
  executionArn?: string;
  /** How many times a redrive of the parent redrove this Map Run, and when last. */
  redriveCount?: number;
  redriveDate?: string;
  stateName: string;
  status: string;
  startDate: string;
  stopDate?: string;
  maxConcurrency: number;
  toleratedFailureCount: number;
  toleratedFailurePercentage: number;
  itemCounts: MapRunCounts;
  executionCounts: MapRunCounts;
  children: ChildExecution[];
}
export const mapRuns = (id: string): Promise<MapRun[]> => RunsAPI.MapRuns(id).then((s) => JSON.parse(s) as MapRun[]);
export const childExecution = (id: string, mapRunArn: string, index: number): Promise<ChildExecution> =>
  RunsAPI.ChildExecution(id, mapRunArn, index).then((s) => JSON.parse(s) as ChildExecution);
/** Native save dialog, then writes the run's GetExecutionHistory JSON; the path, "" when cancelled. */
export const saveRunHistory = (id: string, suggestedName: string): Promise<string> => RunsAPI.SaveHistory(id, suggestedName);
export const importRun = (workflow: string, definition: string, history: string): Promise<RunMeta> =>
  RunsAPI.Import(workflow, definition, history);
/** A remote execution's history (arn) as one run, replaced each time it grows. */
export const importExecution = (workflow: string, definition: string, arn: string, history: string): Promise<RunMeta> =>
  RunsAPI.ImportExecution(workflow, definition, arn, history);
export const loadMocks = (workflowPath: string): Promise<string> => RunsAPI.LoadMocks(workflowPath);
export const saveMocks = (workflowPath: string, text: string): Promise<string> => RunsAPI.SaveMocks(workflowPath, text);
export type MockProblem = runs.MockProblem;
/** Located problems of a mock file as typed, against the workflow's text (path "" when unsaved). */
export const checkMocks = (workflowPath: string, definition: string, mocks: string): Promise<MockProblem[]> =>
  RunsAPI.CheckMocks(workflowPath, definition, mocks);
/** Why runs are not being saved; "" when they are. */
export const runStoreError = (): Promise<string> => RunsAPI.StoreError();
/** Subscribes to run updates; returns the unsubscribe function. */
/**
 * Calls fn with each run update, in order. Go keeps the updates and sends a
 * small "run:ready" event; the page fetches them from the asset server in
 * one answer (app/postbox.go), read by the browser's own JSON parser: as
 * Wails events, megabytes would be escaped into scripts to parse. An update
 * that cannot be fetched leaves a hole the session fills through Snapshot.
 */
export function onRunUpdate(fn: (u: RunUpdate) => void): () => void {
  // Go numbers what it keeps ("posts", across all runs, never going back);
  // per run: the last post fetched, and the last one announced.
  const fetched = new Map<string, number>();
  const ready = new Map<string, number>();
  const busy = new Set<string>();
  let closed = false;
  const pull = async (runId: string) => {
    if (busy.has(runId)) return; // the loop below picks up what comes meanwhile
    busy.add(runId);
    try {
      while (!closed && (ready.get(runId) ?? 0) > (fetched.get(runId) ?? 0)) {
        const announced = ready.get(runId) ?? 0;
        const res = await fetch(`/_studio/run-updates?run=${encodeURIComponent(runId)}&after=${fetched.get(runId) ?? 0}`, { cache: "no-store" });
        if (!res.ok) return;
        const { last, updates } = (await res.json()) as { last: number; updates: runs.Update[] };
        // With nothing newer, what was announced is no longer kept.
        fetched.set(runId, Math.max(announced, last));
        for (const u of updates) if (!closed) fn(asUpdate(u));
      }
    } catch {
      // the session's catch-up fills the hole
    } finally {
      busy.delete(runId);
    }
  };
  const off = EventsOn("run:ready", (n: { runId: string; post: number }) => {
    ready.set(n.runId, Math.max(ready.get(n.runId) ?? 0, n.post));
    void pull(n.runId);
  });
  return () => {
    closed = true;
    off();
  };
}

// --- IaC: state machines inside SAM/CloudFormation/Terraform/Serverless
// templates (open, save in place) and export to those tools.
import * as IaCAPI from "../../wailsjs/go/app/IaC";
import type { app as appModels, exporter, iac } from "../../wailsjs/go/models";

export type IaCTemplate = iac.Template;
export type IaCMachine = iac.Machine;
export type IaCOpened = iac.Opened;
export type IaCSubstitution = iac.Substitution;
export type ExportTarget = "asl-json" | "asl-yaml" | "sam" | "cfn" | "cdk" | "terraform";
export type ExportCandidate = exporter.Substitution;
export type ExportOptions = Omit<exporter.Options, "convertValues" | "target"> & { target: ExportTarget };
export type ExportResult = exporter.Result;
export type ExportFile = exporter.File;
export type ExportWritten = appModels.ExportWritten;

/** Native open dialog for a template; "" when cancelled. */
export const chooseTemplate = (): Promise<string> => IaCAPI.ChooseTemplate();
export const scanTemplate = (path: string): Promise<IaCTemplate> => IaCAPI.ScanTemplate(path);
export const openMachine = (path: string, id: string): Promise<IaCOpened> => IaCAPI.OpenMachine(path, id);
/** Writes text back in place; rejects when the file changed since hash was taken. */
export const saveMachine = (path: string, id: string, hash: string, text: string): Promise<IaCOpened> =>
  IaCAPI.SaveMachine(path, id, hash, text);
export const exportCandidates = (text: string): Promise<ExportCandidate[]> => IaCAPI.ExportCandidates(text);
export const exportPreview = (text: string, opts: ExportOptions): Promise<ExportResult> =>
  IaCAPI.Export(text, opts as exporter.Options);
/** Native save dialog for the export's main file; "" when cancelled. */
export const chooseExportPath = (mainFile: string): Promise<string> => IaCAPI.ChooseExportPath(mainFile);
/** Writes the files; with overwrite false nothing is written when any exists. */
export const writeExport = (mainPath: string, files: ExportFile[], overwrite: boolean): Promise<ExportWritten> =>
  IaCAPI.WriteExport(mainPath, files, overwrite);

// --- Notes: the NAME.studio.json beside a workflow (comments, descriptions, pinned positions).
import * as NotesAPI from "../../wailsjs/go/app/Notes";
import type { sidecar } from "../../wailsjs/go/models";

export interface NoteComment {
  id: string;
  author: string;
  time: string;
  text: string;
}
export interface NoteThread {
  id: string;
  resolved?: boolean;
  comments: NoteComment[];
}
export interface NoteEntry {
  description?: string;
  position?: { x: number; y: number };
  threads?: NoteThread[];
}
/** How a Task state is answered in studio runs (kept in NAME.studio.json; trust is kept in the user's config). */
export interface TaskHandler {
  kind: "command" | "http" | "lambda";
  command?: string[];
  dir?: string;
  url?: string;
  timeoutSeconds?: number;
}
export interface NotesFile {
  version: number;
  workflow: NoteEntry;
  states?: Record<string, NoteEntry>;
  handlers?: Record<string, TaskHandler>;
  /** The folder (relative to the workflow's, inside it) standing in for S3 in runs. */
  s3Root?: string;
}
export interface NotesLoaded {
  path: string;
  notes: NotesFile;
  orphans: string[];
}
export type NoteOp =
  | { kind: "comment"; state: string; text: string }
  | { kind: "reply"; thread: string; text: string }
  | { kind: "resolve" | "reopen"; thread: string }
  | { kind: "delete"; thread: string; comment: string }
  | { kind: "describe"; state: string; text: string }
  | { kind: "pin"; state: string; x: number; y: number }
  | { kind: "unpin"; state: string }
  | { kind: "unpinAll" }
  | { kind: "rename"; state: string; to: string }
  | { kind: "setHandler"; state: string; handler: TaskHandler }
  | { kind: "clearHandler"; state: string }
  | { kind: "setS3Root"; text: string };

/** The notes file of a definition file, or of the machine logicalId inside a template. */
export const notesPath = (definitionPath: string, logicalId = ""): Promise<string> => NotesAPI.NotesPath(definitionPath, logicalId);
export const loadNotes = (path: string, states: string[]): Promise<NotesLoaded> =>
  NotesAPI.Load(path, states) as unknown as Promise<NotesLoaded>;
/** Applies ops to the notes as they are on disk now and returns them as written. */
export const updateNotes = (path: string, ops: NoteOp[], states: string[]): Promise<NotesLoaded> =>
  NotesAPI.Update(path, ops as unknown as sidecar.Op[], states) as unknown as Promise<NotesLoaded>;
/** Copies a definition's notes to its new name (Save As); exists: the new name has notes already. */
export const carryNotes = (from: string, to: string, overwrite: boolean): Promise<{ exists: boolean }> => NotesAPI.Carry(from, to, overwrite);
/** The name comments are signed with (the one set, else git's user.name). */
export const notesAuthor = (dir: string): Promise<string> => NotesAPI.Author(dir);
export const setNotesAuthor = (name: string): Promise<void> => NotesAPI.SetAuthor(name);

// --- Compare: the diff view's two versions (app/versions, app/flowdiff).
import * as CompareAPI from "../../wailsjs/go/app/Compare";
import type { versions } from "../../wailsjs/go/models";

export type DiffStatus = "added" | "removed" | "changed" | "renamed" | "moved";
export interface DiffChange {
  op: "added" | "removed" | "changed";
  /** Readable place: "Retry 1 › MaxAttempts". */
  path: string;
  pointer: string;
  old?: string;
  new?: string;
  jsonata?: boolean;
}
export interface StateDiff {
  status: DiffStatus;
  name: string;
  oldName?: string;
  /** Diagram node id in the new version (in the old one when removed). */
  id: string;
  oldId?: string;
  type: string;
  parent?: string;
  parentName?: string;
  edited?: boolean;
  similarity?: number;
  changes?: DiffChange[];
  from?: { x: number; y: number };
  to?: { x: number; y: number };
  positionMoved?: boolean;
}
export interface TransitionDiff {
  op: "added" | "removed";
  kind: string;
  from?: string;
  to: string;
  fromId: string;
  toId: string;
  label?: string;
}
export interface DiffResult {
  same: boolean;
  layoutOnly?: boolean;
  summary: string;
  counts: Record<"added" | "removed" | "changed" | "renamed" | "moved" | "transitionsAdded" | "transitionsRemoved" | "machineChanges", number>;
  machine: DiffChange[];
  states: StateDiff[];
  transitions: TransitionDiff[];
}
export interface VersionSide {
  name: string;
  text: string;
  /** Which version, for people: "the last saved version", "3f2a9c1 · Add a retry (2026-12-01)". */
  label: string;
  pins: Record<string, { x: number; y: number }>;
  note?: string;
}
export interface Comparison {
  result: DiffResult;
  old: VersionSide;
  new: VersionSide;
}
export type Revision = { short: string; hash: string; when: string; author: string; subject: string };
export interface RevisionList {
  revisions: Revision[];
  reason?: string;
  root?: string;
}

/** Lists as lists: Go writes a nil slice as null, and the view maps over them. */
function asComparison(c: versions.Comparison): Comparison {
  const out = c as unknown as Comparison;
  const r = out.result;
  r.machine ??= [];
  r.states ??= [];
  r.transitions ??= [];
  return out;
}
/** Native open dialog for the file to compare with, starting beside path; "" when cancelled. */
export const chooseComparePath = (path: string): Promise<string> => CompareAPI.ChooseOtherPath(path);
/** The document (new side) against the file at other. */
export const compareWithFile = (name: string, text: string, path: string, other: string): Promise<Comparison> =>
  CompareAPI.WithFile(name, text, path, other).then(asComparison);
/** The document against its file as last saved. */
export const compareWithSaved = (name: string, text: string, path: string): Promise<Comparison> =>
  CompareAPI.WithSaved(name, text, path).then(asComparison);
/** The commits that changed the file at path, newest first (empty with a reason outside git). */
export const listRevisions = (path: string): Promise<RevisionList> => CompareAPI.Revisions(path) as Promise<RevisionList>;
/** The document against its file at git revision rev. */
export const compareWithRevision = (name: string, text: string, path: string, rev: string): Promise<Comparison> =>
  CompareAPI.WithRevision(name, text, path, rev).then(asComparison);
/** Two versions compared as given (the Swap button passes them the other way round). */
export const compareSides = (old: VersionSide, next: VersionSide): Promise<Comparison> =>
  CompareAPI.Sides(old as unknown as versions.Side, next as unknown as versions.Side).then(asComparison);

// --- TestState: one state of the open document, as AWS's TestState API answers.
import { TestState } from "../../wailsjs/go/app/Studio";
import type { teststate } from "../../wailsjs/go/models";

/** A TestState request without its definition: JSON documents as the text typed, "" when not given. */
export interface TestStateRequest {
  input: string;
  variables: string;
  context: string;
  inspectionLevel: string;
  mock?: { result?: string; errorOutput?: { error: string; cause: string }; fieldValidationMode: string };
  retrierRetryCount?: number;
  errorCausedByState?: string;
  mapIterationFailureCount?: number;
  mapItemReaderData?: string;
}
export interface TestStateResult {
  /** The API's response (JSON values as JSON text). */
  response?: Omit<teststate.Response, "convertValues" | "inspectionData"> & { inspectionData?: Omit<teststate.InspectionData, "convertValues"> };
  /** Why AWS would refuse the request: { Code, Message }. */
  refused?: teststate.APIError;
  /** The API request as sent, the definition left out. */
  request: unknown;
}
/** Tests the state named state of the definition text (the open document, JSON or YAML). */
export const testState = (text: string, state: string, req: TestStateRequest): Promise<TestStateResult> =>
  TestState(text, state, req as unknown as app.TestStateRequest) as unknown as Promise<TestStateResult>;

// --- Tests: the scenario suite beside the workflow (app/suiteview), run
// against the editor's text; "Save this run as a scenario".
import * as TestsAPI from "../../wailsjs/go/app/Tests";
import type { app as testsApp } from "../../wailsjs/go/models";

export interface TestFailure {
  expectation: string;
  line: number;
  column: number;
  /** In plain words: "expected error "A", got "B"". */
  message: string;
  /** JSON text ("" when there is none). */
  expected?: string;
  got?: string;
  diff: string[];
}
export interface ScenarioResult {
  name: string;
  line: number;
  status: "passed" | "failed" | "error";
  message?: string;
  runStatus?: string;
  durationMs: number;
  failures: TestFailure[];
  /** AWS GetExecutionHistory JSON of the scenario's run, "" when it did not run. */
  history: string;
}
export interface CoverageItem {
  state: string;
  kind: "next" | "choice" | "default" | "catch" | "retry" | "branch" | "processor";
  index?: number;
  target?: string;
  errors?: string[];
  covered: boolean;
  /** The diagram id of the edge (or node) that draws it. */
  id: string;
}
export interface Coverage {
  covered: number;
  total: number;
  percent: number;
  states: { name: string; type: string; id: string; covered: boolean }[];
  transitions: CoverageItem[];
}
export interface TestListing {
  /** The test file beside the workflow, or where a new one would go ("" while unsaved). */
  file: string;
  exists: boolean;
  /** Why there is nothing to run, in plain words ("" when there is). */
  reason: string;
  /** Each scenario, with the input it starts from as indented JSON. */
  scenarios: { name: string; line: number; input: string }[];
  problems: string[];
}
export interface TestReport extends TestListing {
  results: ScenarioResult[];
  passed: number;
  failed: number;
  coverage: Coverage | null;
}
export interface SavedScenario {
  file: string;
  created: boolean;
  name: string;
  note?: string;
}

/** The test file beside the workflow and its scenarios, read against the editor's text. */
export const listTests = (workflowPath: string, definition: string, logicalId = ""): Promise<TestListing> =>
  TestsAPI.List({ workflowPath, logicalId, definition, only: [] } as unknown as testsApp.TestsRequest) as unknown as Promise<TestListing>;
/** Runs the scenarios named (all when none) against the editor's text. */
export const runTests = (workflowPath: string, definition: string, only: string[], logicalId = ""): Promise<TestReport> =>
  TestsAPI.Run({ workflowPath, logicalId, definition, only } as unknown as testsApp.TestsRequest).then((r) => {
    const out = r as unknown as TestReport;
    out.coverage ??= null;
    return out;
  });
/** Appends a stored run to the test file as a scenario (creating the file when absent). */
export const saveRunAsScenario = (req: { workflowPath: string; logicalId: string; definition: string; runId: string; name: string; runStatus: string }): Promise<SavedScenario> =>
  TestsAPI.SaveRun(req as unknown as testsApp.SaveRunRequest) as unknown as Promise<SavedScenario>;

// --- Local endpoint: the Step Functions API inside the studio, for programs on this computer.
import * as EndpointAPI from "../../wailsjs/go/app/Endpoint";

export type EndpointStatus = appModels.EndpointStatus;
/** Switches the local endpoint on at port (0: any free one); rejects with why it could not. */
export const endpointStart = (port: number): Promise<EndpointStatus> => EndpointAPI.Start(port);
export const endpointStop = (): Promise<EndpointStatus> => EndpointAPI.Stop();
export const endpointStatus = (): Promise<EndpointStatus> => EndpointAPI.Status();
/** Runs programs started through the endpoint whose state machine is this definition (formatting aside). */
export const endpointRunsFor = (definition: string): Promise<RunMeta[]> => EndpointAPI.RunsFor(definition);
/** The definition an endpoint run's state machine had. */
export const endpointDefinition = (runId: string): Promise<string> => EndpointAPI.Definition(runId);
/** Calls fn when a program starts an execution through the endpoint (the studio now follows it as a run). */
export function onEndpointRun(fn: (n: { runId: string; machine: string }) => void): () => void {
  return EventsOn("endpoint:run", fn);
}
import { ClipboardSetText } from "../../wailsjs/runtime/runtime";

/** Copies text: the page's clipboard, else the desktop window's (Wails). */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    if (!(await ClipboardSetText(text))) throw new Error("The clipboard is not available: select the text and copy it.");
  }
}
