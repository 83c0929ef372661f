import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import type { Diagnostic, Diagram } from "./backend/studio";
import { TopBar, type ViewMode } from "./frame/TopBar";
import { Palette } from "./frame/Palette";
import { Inspector, type FieldFocus } from "./inspector/Inspector";
import { BottomPanel, type BottomTab } from "./frame/BottomPanel";
import { badges, nodeFor, shown } from "./frame/problems";
import { Canvas } from "./canvas/Canvas";
import { CutOffDialog } from "./canvas/CutOffDialog";
import { CodeView, type Reveal } from "./code/CodeView";
import { useAnalysis } from "./canvas/useAnalysis";
import { editLock } from "./canvas/editLock";
import { useDocument } from "./canvas/useDocument";
import { useEditor } from "./canvas/useEditor";
import { useFiles } from "./files/useFiles";
import { FileMenu } from "./files/FileMenu";
import { FileBanners } from "./files/FileBanners";
import { Welcome } from "./files/Welcome";
import { useIaC } from "./iac/useIaC";
import { IaCMenu } from "./iac/IaCMenu";
import { IaCDialogs } from "./iac/IaCDialogs";
import { useRunSession } from "./run/useRunSession";
import { RunPanel } from "./run/RunPanel";
import { RunOverlayContext } from "./run/overlayContext";
import { usePanelLayout } from "./frame/usePanelLayout";
import { PanelToggles } from "./frame/PanelToggles";
import { Splitter } from "./frame/Splitter";
import { actionFor } from "./canvas/shortcuts";
import { useNotes, useNotesStore } from "./notes/useNotes";
import { useArrange, usePins } from "./canvas/useArrange";
import { NotesBanners } from "./notes/NotesBanners";
import { CommentsContext } from "./notes/comments";
import { useCommentsUI } from "./notes/useCommentsUI";
import { CommentsPanel, type CommentFocus } from "./notes/CommentsPanel";
import { WorkflowMarker } from "./notes/CommentMarker";
import { CommentThreads, DescriptionField } from "./notes/NotesSection";
import { HandlerSection } from "./notes/HandlerSection";
import { S3FolderSection } from "./notes/S3FolderSection";
import { Present } from "./present/Present";
import { useCompare } from "./diff/useCompare";
import { ComparePicker } from "./diff/ComparePicker";
import { DiffView } from "./diff/DiffView";
import { TestStatePanel, type TestTarget } from "./teststate/TestStatePanel";
import { TestMemory } from "./teststate/memory";
import { useTests } from "./tests/useTests";
import { TestsPanel } from "./tests/TestsPanel";
import { CoverageContext } from "./tests/coverageContext";
import { CoverageLegend } from "./tests/CoverageLegend";
import { EndpointButton } from "./endpoint/EndpointPanel";
import { endpointDefinition, endpointRunsFor } from "./backend/studio";
import { sameDefinition } from "./run/session";
import { useCloud } from "./cloud/useCloud";
import { cloud as cloudBackend } from "./backend/cloud";
import { CloudPanel } from "./cloud/CloudPanel";
import { DeployReview } from "./cloud/DeployReview";
import { differences, locatePointer, mergeVerdicts } from "./cloud/verdicts";

/** The bottom panel's height the Cloud tab opens to, at least. */
const cloudPanelHeight = 340;

// The inspector's notes: keyed by place, so a draft never moves to another step.
const inspectorNotes = {
  description: (t: { state: string; comment: string }) => <DescriptionField key={t.state} {...t} />,
  threads: (t: { state: string; type: string }) => (
    <>
      {t.type === "Task" && <HandlerSection key={`h:${t.state}`} state={t.state} />}
      {t.type === "Map" && <S3FolderSection key="s3" />}
      <CommentThreads key={t.state} state={t.state} />
    </>
  ),
};

export default function App() {
  // The document store owns the text and its one undo history.
  const { store, snap } = useDocument();
  // The file service loads the start document (a file given on the
  // command line, else the welcome offers a start) and owns the file it
  // came from.
  // The notes beside the file (comments, descriptions, pinned positions)
  // follow it through Save As.
  const notesStore = useNotesStore();
  const files = useFiles(store, { onSavedAs: notesStore.carry });
  const iac = useIaC(files);
  const doc = files.file;
  const text = snap.text;
  const [view, setView] = useState<ViewMode>("design");
  const [selection, setSelection] = useState<string[]>([]);
  const selected = selection[0] ?? null;
  const setSelected = useCallback((id: string | null) => setSelection(id ? [id] : []), []);
  const [reveal, setReveal] = useState<Reveal | null>(null);
  const [fieldFocus, setFieldFocus] = useState<FieldFocus | null>(null);
  // Parallels and Maps the person folded into one box: the picture only.
  // They belong to the document they were folded in: another file starts unfolded.
  const [fold, setFold] = useState<{ generation: number; ids: string[] }>({ generation: -1, ids: [] });
  const collapsed = useMemo(() => (fold.generation === files.generation ? fold.ids : []), [fold, files.generation]);
  const toggleCollapse = useCallback(
    (id: string) => setFold({ generation: files.generation, ids: collapsed.includes(id) ? collapsed.filter((x) => x !== id) : [...collapsed, id] }),
    [collapsed, files.generation],
  );
  // Steps placed by hand (pins in the notes file) are laid out where they were put.
  const pins = usePins(notesStore);
  const pinned = useMemo(() => new Set(Object.keys(pins)), [pins]);
  const analysis = useAnalysis(doc?.name ?? "", text, snap.origin === "typing" ? undefined : 0, collapsed, pins);
  const notes = useNotes(notesStore, doc, analysis.stale ? null : analysis.diagram);
  const ownProblems = useMemo(() => shown(analysis.diagnostics, analysis.diagram), [analysis]);
  // Runs: an overlay on the diagram, never part of the document.
  const run = useRunSession({ path: doc?.path ?? "", notesPath: doc?.notesPath ?? "", name: doc?.name ?? "", text, diagram: analysis.diagram });
  // The cloud link: offline until connected; AWS histories play through the run session's import.
  const inTemplate = !!(doc?.saveInPlace || (doc && !doc.path && doc.machine));
  const cloudSink = useMemo(() => ({ show: run.showExecution, open: run.open }), [run.showExecution, run.open]);
  // A SAM, CloudFormation or Terraform machine keeps its deploy settings in its resource: the store writes them there.
  const tplMachine = iac.current && /^(AWS::(Serverless|StepFunctions)::StateMachine|aws_sfn_state_machine)$/.test(iac.current.type) ? iac.current : null;
  const cloud = useCloud(
    { path: doc?.path ?? "", name: doc?.name ?? "", text, inTemplate, template: tplMachine ? { path: tplMachine.template, id: tplMachine.id, hash: tplMachine.hash } : undefined },
    cloudSink,
  );
  // Its write moved the template's hash on: the machine is reopened to follow it.
  const { templateWritten } = iac;
  useEffect(() => {
    if (cloud.templateWrites) void templateWritten();
  }, [cloud.templateWrites, templateWritten]);
  // AWS's verdict joins ours while it is of the text as it is now.
  const awsVerdict = cloud.aws && cloud.validatedText === text ? cloud.aws : null;
  const format = snap.format;
  const problems = useMemo(() => mergeVerdicts(ownProblems, awsVerdict, (p) => locatePointer(text, format, p)), [ownProblems, awsVerdict, text, format]);
  const nodeBadges = useMemo(() => badges(problems, analysis.diagram), [problems, analysis.diagram]);
  // While the code cannot be drawn, the canvas and inspector are read-only.
  const lock = useMemo(() => editLock(analysis), [analysis]);
  const editor = useEditor(store, analysis.diagram, setSelection, lock?.message ?? null);
  // The canvas refits on the first diagram of a newly opened document: the
  // generation of the document each diagram arrived for is noted as it
  // arrives (the generation alone changes before the new diagram does).
  const [drawnFor, setDrawnFor] = useState<{ diagram: Diagram | null; generation: number }>({ diagram: null, generation: 0 });
  if (analysis.diagram && analysis.diagram !== drawnFor.diagram) setDrawnFor({ diagram: analysis.diagram, generation: files.generation });
  const fitGen = drawnFor.generation;
  // Until its own first diagram arrives, a newly opened document shows none
  // (not the previous file's, marked stale); one that cannot be drawn (not
  // JSON/YAML, not ASL) opens beside its code, where its problems are.
  const drawn = fitGen === files.generation;
  const [splitFor, setSplitFor] = useState(-1);
  if (!drawn && analysis.error !== null && splitFor !== files.generation) {
    setSplitFor(files.generation);
    if (view === "design") setView("split");
  }
  // Tests: the scenarios beside the file, run against the text as it is now; a scenario replays as a run.
  // A state machine inside a template keeps its tests beside the template (T.<LogicalId>.tests.yaml).
  const machine = doc && !doc.path ? doc.machine : undefined;
  const tests = useTests({ path: doc?.path || machine?.template || "", logicalId: machine?.id ?? "", text, diagram: analysis.diagram }, run.replayHistory);
  // "Re-run on save": each successful save of this document runs the suite.
  const savesSeen = useRef(files.saves);
  const { saved: testsSaved } = tests;
  useEffect(() => {
    if (files.saves === savesSeen.current) return;
    savesSeen.current = files.saves;
    testsSaved();
  }, [files.saves, testsSaved]);
  // Moving steps, tidying up (one undo history with the text); not while a run plays on the diagram.
  const arrange = useArrange(store, notesStore, pins);

  const pickProblem = (d: Diagnostic) => {
    setSelected(nodeFor(d, analysis.diagram));
    if (view === "design") setView("split");
    setReveal({ range: d.range, at: Date.now() });
    setFieldFocus({ location: d.location, at: Date.now() });
  };

  // A failed run's "Show where": the failing field, as a problem is shown.
  const locateFailure = (pointer: string, range: Diagnostic["range"]) => pickProblem({ location: pointer, range } as Diagnostic);

  // The lock's button: the code at the mistake, with the caret there to type the fix.
  const showMistake = () => {
    if (!lock?.diagnostic) return;
    if (view === "design") setView("split");
    setReveal({ range: lock.diagnostic.range, at: Date.now() });
  };

  const dirty = doc !== null && snap.dirty;

  // Test this state: one state on its own, as AWS's TestState API runs it;
  // what was typed for each state is kept while the document is open.
  const [testing, setTesting] = useState<TestTarget | null>(null);
  const [testMemory] = useState(() => new TestMemory());
  const testState = useCallback(
    (name: string) => {
      const n = analysis.diagram?.nodes.find((x) => x.name === name && (x.kind === "state" || x.kind === "container"));
      if (n?.type) setTesting({ name, type: n.type });
    },
    [analysis.diagram],
  );

  // Panels: shown, hidden or resized by the person; remembered (frame/panelLayout).
  const { store: panels, layout } = usePanelLayout();
  // Present mode: drawn over the editor, which stays as it is underneath.
  const [presenting, setPresenting] = useState(false);
  const canPresent = drawn && analysis.diagram !== null;
  // Compare…: the diff view, also drawn over the editor; the document is its new side.
  const compareDoc = useMemo(() => (doc ? { name: doc.name, path: doc.path, text, inTemplate: !!doc.saveInPlace } : null), [doc, text]);
  const compare = useCompare(compareDoc);
  const diffing = compare.comparison !== null;
  const visible = { palette: panels.isShown("palette"), inspector: panels.isShown("inspector"), bottom: panels.isShown("bottom") };

  // Comments: a marker or "Add comment" selects the place and opens the Comments tab there.
  const [bottomTab, setBottomTab] = useState<BottomTab>("problems");
  const [commentFocus, setCommentFocus] = useState<CommentFocus | null>(null);
  const stateNames = useMemo(
    () => (analysis.diagram?.nodes ?? []).filter((n) => n.kind === "state" || n.kind === "container").map((n) => n.name),
    [analysis.diagram],
  );
  const selectState = useCallback(
    (name: string) => {
      const n = name ? analysis.diagram?.nodes.find((x) => x.name === name && (x.kind === "state" || x.kind === "container")) : undefined;
      setSelected(n?.id ?? null);
    },
    [analysis.diagram, setSelected],
  );
  const showComments = useCallback(
    (state: string, compose: boolean) => {
      selectState(state);
      setBottomTab("comments");
      if (!panels.isShown("bottom")) panels.toggle("bottom", true);
      setCommentFocus({ state, compose, at: Date.now() });
    },
    [selectState, panels],
  );
  const commentActions = useMemo(
    () => ({ open: (s: string) => showComments(s, false), compose: (s: string) => showComments(s, true) }),
    [showComments],
  );
  const comments = useCommentsUI(notesStore, notes, stateNames, commentActions);
  // A run a program started through the local endpoint: shown on the open
  // file's diagram when it is the same workflow, else its state machine's
  // definition opens as a new unsaved document (named after the machine).
  const { open: openRun } = run;
  const showEndpointRun = useCallback(
    async (id: string, machine: string) => {
      const show = () => {
        setBottomTab("run");
        if (!panels.isShown("bottom")) panels.toggle("bottom", true);
        void openRun(id);
      };
      const def = await endpointDefinition(id);
      if (sameDefinition(def, text) || (await endpointRunsFor(text)).some((r) => r.id === id)) show();
      else files.openText(`${machine}.asl.json`, def, show);
    },
    [openRun, panels, text, files],
  );
  const openThreads = useMemo(() => [...comments.counts.values()].reduce((n, c) => n + c.open, 0), [comments.counts]);
  useEffect(() => {
    const key = (ev: KeyboardEvent) => {
      const a = actionFor(ev);
      if (a === "present" && canPresent) {
        ev.preventDefault();
        setPresenting(true);
      }
      if (a !== "focus") return;
      ev.preventDefault();
      panels.setFocus();
    };
    window.addEventListener("keydown", key);
    return () => window.removeEventListener("keydown", key);
  }, [panels, canPresent]);
  const grid = {
    "--palette-width": visible.palette ? `${layout.palette.size}px` : "0px",
    "--inspector-width": visible.inspector ? `${layout.inspector.size}px` : "0px",
    // A hidden bottom panel keeps its tab bar, to bring it back.
    "--bottom-height": visible.bottom ? `${layout.bottom.size}px` : layout.focus ? "0px" : "auto",
  } as CSSProperties;

  return (
    <div
      className={`frame view-${view}${presenting || diffing ? " covered" : ""}${layout.focus ? " focus" : ""}${visible.palette ? "" : " no-palette"}${visible.inspector ? "" : " no-inspector"}${visible.bottom ? "" : " no-bottom"}`}
      style={grid}
      data-testid="frame"
      inert={presenting || diffing}
    >
      <TopBar
        name={doc?.name ?? (files.welcome ? "" : "…")}
        path={doc?.path}
        dirty={dirty}
        view={view}
        onView={setView}
        panels={<PanelToggles store={panels} layout={layout} />}
        onPresent={canPresent ? () => setPresenting(true) : undefined}
        endpoint={<EndpointButton onOpenRun={showEndpointRun} />}
        menu={
          <>
            <FileMenu files={files} onCompare={compare.openPicker} />
            <IaCMenu iac={iac} canExport={!!doc} />
          </>
        }
      />
      <Palette onAdd={(id) => editor.insertAfter(id, selected)} />
      <CommentsContext.Provider value={comments}>
      <RunOverlayContext.Provider value={run.overlayValue}>
      <CoverageContext.Provider value={tests.marks}>
      <main className="workspace">
        {view !== "code" && (
          <Canvas
            diagram={drawn ? analysis.diagram : null}
            stale={drawn && analysis.stale}
            error={analysis.error}
            badges={nodeBadges}
            selection={selection}
            onSelection={setSelection}
            editor={editor}
            fitKey={`${view}:${fitGen}`}
            lock={lock}
            onShowMistake={showMistake}
            onToggleCollapse={toggleCollapse}
            onComment={comments.compose}
            overlay={
              <>
                <WorkflowMarker />
                <CoverageLegend />
              </>
            }
            arrange={run.live ? null : arrange}
            pinned={pinned}
            onTestState={testState}
          />
        )}
        {view !== "design" && doc && (
          <CodeView
            text={text}
            format={snap.format}
            diagnostics={problems}
            reveal={reveal}
            onChange={(t) => store.editText(t)}
            onUndo={editor.undo}
            onRedo={editor.redo}
          />
        )}
      </main>
      </CoverageContext.Provider>
      </RunOverlayContext.Provider>
      <Inspector
        store={store}
        text={text}
        format={snap.format}
        diagram={drawn ? analysis.diagram : null}
        diagnostics={problems}
        selected={selected}
        lock={lock}
        onShowMistake={showMistake}
        focus={fieldFocus}
        onSelect={setSelected}
        onRename={editor.rename}
        runEdit={editor.guarded}
        notes={inspectorNotes}
        onTestState={testState}
      />
      <BottomPanel
        problems={problems}
        onPick={pickProblem}
        run={
          <RunPanel
            session={run}
            diagram={analysis.diagram}
            selected={selected}
            onLocate={locateFailure}
            onSaveAsScenario={
              doc?.path || machine
                ? (runId, status) =>
                    void tests.saveRun(runId, status, `saved run: ended ${status}`).then((ok) => ok && setBottomTab("tests"))
                : undefined
            }
          />
        }
        runStatus={run.meta ? (run.live ? (run.pausedAt.length ? "PAUSED" : "RUNNING") : run.meta.status) : null}
        comments={<CommentsPanel focus={commentFocus} onPick={selectState} />}
        commentCount={openThreads}
        tests={<TestsPanel tests={tests} onShowRun={() => setBottomTab("run")} />}
        testStatus={tests.results.size ? { text: tests.failed.length ? `${tests.failed.length} failed` : `${tests.results.size} ✓`, failed: tests.failed.length > 0 } : null}
        cloud={
          <CloudPanel
            cloud={cloud}
            inTemplate={inTemplate}
            differences={awsVerdict ? differences(problems) : null}
            onDeploy={() => void cloud.planDeploy()}
            onPulled={() => void files.reload()}
            dirty={dirty}
            onExport={iac.openExport}
            onShowRun={() => setBottomTab("run")}
            onRunLocally={(input) => {
              run.update({ input });
              setBottomTab("run");
              void run.start("run");
            }}
          />
        }
        cloudStatus={cloud.connection ? "on" : null}
        tab={bottomTab}
        onTab={(t) => {
          setBottomTab(t);
          // The Cloud tab holds forms side by side: give it room once.
          if (t === "cloud" && layout.bottom.size < cloudPanelHeight) panels.resize("bottom", cloudPanelHeight);
        }}
        open={visible.bottom}
        onToggle={(open) => panels.toggle("bottom", open)}
      />
      </CommentsContext.Provider>
      {visible.palette && (
        <Splitter panel="palette" label="Resize the steps palette" size={layout.palette.size} open grow={1} onResize={(n) => panels.resize("palette", n)} onToggle={() => panels.toggle("palette")} />
      )}
      {visible.inspector && (
        <Splitter panel="inspector" label="Resize the inspector" size={layout.inspector.size} open grow={-1} onResize={(n) => panels.resize("inspector", n)} onToggle={() => panels.toggle("inspector")} />
      )}
      {visible.bottom && (
        <Splitter panel="bottom" label="Resize the problems and run panel" size={layout.bottom.size} open grow={-1} onResize={(n) => panels.resize("bottom", n)} onToggle={() => panels.toggle("bottom")} />
      )}
      {files.welcome && <Welcome files={files} />}
      <FileBanners files={files} />
      <NotesBanners notes={notes} onSave={() => void files.save()} />
      <IaCDialogs iac={iac} text={text} fileName={doc?.name ?? ""} />
      {editor.question && <CutOffDialog question={editor.question} onAnswer={editor.answer} />}
      {compare.picker && compareDoc && <ComparePicker ui={compare} doc={compareDoc} />}
      {compare.comparison && <DiffView comparison={compare.comparison} error={compare.error} swapped={compare.swapped} onSwap={() => void compare.swap()} onClose={compare.close} />}
      {cloud.plan && doc && <DeployReview cloud={cloud} name={doc.name} text={text} />}
      {testing && doc && (
        <TestStatePanel
          key={`${files.generation}:${testing.name}`}
          target={testing}
          text={text}
          generation={files.generation}
          memory={testMemory}
          runIndex={run.index}
          sampleInput={run.settings.input ?? run.sampleInput}
          onClose={() => setTesting(null)}
          askAws={cloud.connection ? cloudBackend.testState : undefined}
          awsRole={cloud.config?.roleArn ?? ""}
        />
      )}
      {presenting && (
        <Present name={doc?.name ?? ""} text={text} format={snap.format} diagram={analysis.diagram} notes={notes.notes} session={run} onClose={() => setPresenting(false)} />
      )}
    </div>
  );
}
