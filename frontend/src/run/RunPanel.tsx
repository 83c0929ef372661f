import { useEffect, useMemo, useState } from "react";
import { runKey } from "./keys";
import type { Diagnostic, Diagram } from "../backend/studio";
import { tryItLabel, type RunSession } from "./session";
import { testCases } from "./mocks";
import type { Pace, PauseMode, WorkflowType } from "./settings";
import { PauseBanner } from "./PauseBanner";
import { MapItems } from "./MapItems";
import { MapRunView } from "./MapRunView";
import { hasMapRuns } from "./mapRun";
import { mapsIn } from "./iterations";
import { PendingTasks } from "./PendingTasks";
import { Inspect } from "./Inspect";
import { EventsTable } from "./EventsTable";
import { Timeline } from "./Timeline";
import { HistoryList } from "./HistoryList";
import { ExecutionInfo } from "./ExecutionInfo";
import { MockCode } from "./MockCode";
import type { MockContext } from "./mockAssist";
import "./run.css";

/** The ends AWS redrives. */
const redrivable = ["FAILED", "TIMED_OUT", "ABORTED"];

type Tab = "execution" | "inspect" | "events" | "items" | "timeline" | "history";

interface Props {
  session: RunSession;
  diagram: Diagram | null;
  /** The selected diagram node id. */
  selected: string | null;
  /** Shows a place in the definition: the state selected, the field in the inspector, the code selected. */
  onLocate: (pointer: string, range: Diagnostic["range"]) => void;
  /** Saves the run shown as a test scenario (absent: the workflow has no file yet). */
  onSaveAsScenario?: (runId: string, status: string) => void;
}

/** The run panel: set up and drive a run on the left, look into it on the right. */
export function RunPanel({ session: s, diagram, selected, onLocate, onSaveAsScenario }: Props) {
  const [tab, setTab] = useState<Tab>("inspect");
  const picked = diagram?.nodes.find((n) => n.id === selected && (n.kind === "state" || n.kind === "container"));
  // With nothing selected, Inspect shows where the run failed: the first
  // thing anyone wants to see of a failed run.
  let failedName: string | undefined;
  for (const [name, r] of s.overlay?.states ?? []) if (r.status === "failed") failedName = name;
  const node = picked ?? (failedName ? diagram?.nodes.find((n) => n.name === failedName && n.kind !== "branch") : undefined);
  const cases = testCases(s.mocks);
  const mockContext = useMemo<MockContext>(
    () => ({
      machine: s.workflow.split(/[\\/]/).pop()!.replace(/\.(asl\.)?(json|ya?ml)$/, ""),
      states: (diagram?.nodes ?? []).filter((n) => n.kind === "state" || n.kind === "container").map((n) => ({ name: n.name, type: n.type })),
    }),
    [s.workflow, diagram],
  );
  const paused = s.live && s.pausedAt.length > 0;
  // A run a program started through the local endpoint: the program drives it; the studio shows it, answers its tasks, can stop it.
  const fromEndpoint = !!s.meta?.machine;
  // The Map the items tab lists first: the one selected, or the one around the selection.
  const mapNode = picked?.type === "Map" ? picked : diagram?.nodes.find((n) => n.id === picked?.parent && n.type === "Map");
  const status = s.meta ? (s.live ? (paused ? "PAUSED" : "RUNNING") : s.meta.status) : null;
  const total = s.total;
  // Replay: move the scrubber forward by itself, about one state a tick,
  // so a stored run can be watched as it happened.
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing || !s.index) return;
    const ix = s.index;
    const timer = window.setInterval(() => {
      const at = s.cursor ?? ix.length;
      let next = at >= ix.length ? 1 : at + 1;
      while (next < ix.length && !ix.events[next - 1].type.endsWith("StateEntered")) next++;
      if (next >= ix.length) {
        s.setCursor(null);
        setPlaying(false);
      } else s.setCursor(next);
    }, 350);
    return () => window.clearInterval(timer);
  }, [playing, s]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = runKey(e, { live: s.live, paused });
      if (!action) return;
      e.preventDefault(); // F5 would reload the page
      if (action === "run") void s.start("run");
      else if (action === "continue") s.resume();
      else if (action === "step") s.step();
      else if (action === "stop") s.stop();
      else if (picked) s.overlayValue.toggleBreakpoint(picked.name);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [s, paused, picked]);
  const shown = s.shown;
  return (
    <div className="run-panel" data-testid="run-panel">
      <div className="run-setup">
        <div className="run-controls" role="toolbar" aria-label="Run controls">
          <button
            className="primary try-it"
            onClick={() => void s.start("try")}
            disabled={s.live}
            title="Play the workflow now: every task without a mock gets a made-up answer shaped like the real service's, so you can see the path before writing any"
            data-testid="run-try"
          >
            ▶ Try it
          </button>
          <button className="primary" onClick={() => void s.start("run")} disabled={s.live} title="Run the workflow; it pauses at breakpoints (F5)" data-testid="run-start">
            ▶ Run
          </button>
          <button onClick={() => void s.start("debug")} disabled={s.live} title="Run and pause at the first breakpoint, or before the first state when there is none" data-testid="run-debug">
            Run to breakpoint
          </button>
          <button
            onClick={s.step}
            disabled={!paused}
            title={s.stepTarget ? `Enter ${s.stepTarget.state}, then pause again before the next state (F10); ${s.stepTarget.path.length ? "only this item moves" : "the run moves on"}` : "Enter the next state, then pause again (F10)"}
            data-testid="run-step"
          >
            Step
          </button>
          <button onClick={s.resume} disabled={!paused} title="Continue to the next breakpoint (F5)" data-testid="run-continue">
            Continue
          </button>
          <button onClick={s.pause} disabled={!s.live || paused || fromEndpoint} title="Pause before the next state">
            Pause
          </button>
          <button className="danger" onClick={s.stop} disabled={!s.live} title="Stop the run (Shift+F5)" data-testid="run-stop">
            ■ Stop
          </button>
        </div>
        <div className="run-options">
          <label>
            Pace{" "}
            <select value={s.settings.pace} onChange={(e) => s.update({ pace: e.target.value as Pace })} aria-label="Pace">
              <option value="instant">Instant</option>
              <option value="normal">Normal</option>
              <option value="slow">Slow</option>
            </select>
          </label>
          <label title="Standard: the history of a run stops at 25,000 events, as on AWS. Express: no history limit, for large runs.">
            Workflow{" "}
            <select
              value={s.settings.type}
              onChange={(e) => s.update({ type: e.target.value as WorkflowType })}
              aria-label="Workflow type"
              data-testid="run-type"
            >
              <option value="STANDARD">Standard</option>
              <option value="EXPRESS">Express</option>
            </select>
          </label>
          <label title="A breakpoint inside a Map: stop one item at a time (the others wait before it, in item order) or every item that reaches it">
            Pause{" "}
            <select value={s.settings.pauseMode} onChange={(e) => s.update({ pauseMode: e.target.value as PauseMode })} aria-label="Pause inside a Map" data-testid="run-pause-mode">
              <option value="one">one item at a time</option>
              <option value="all">all items</option>
            </select>
          </label>
          <label title="Wait states and retry delays take their real time">
            <input type="checkbox" checked={s.settings.realWaits} onChange={(e) => s.update({ realWaits: e.target.checked })} /> Real-time waits
          </label>
          <label>
            Test case{" "}
            <select value={s.settings.testCase} onChange={(e) => s.update({ testCase: e.target.value })} aria-label="Test case" data-testid="test-case">
              <option value="">None (answer tasks by hand)</option>
              {s.settings.testCase && !cases.includes(s.settings.testCase) && <option>{s.settings.testCase}</option>}
              {cases.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        </div>
        <label className="run-field">
          <span>
            Input{" "}
            {s.settings.input !== null && (
              <button className="link" onClick={() => s.update({ input: null })}>
                reset to sample
              </button>
            )}
          </span>
          <textarea
            className={`run-json-input${s.inputError ? " invalid" : ""}`}
            value={s.settings.input ?? s.sampleInput}
            onChange={(e) => s.update({ input: e.target.value })}
            spellCheck={false}
            aria-label="Execution input (JSON)"
            aria-invalid={!!s.inputError}
            data-testid="run-input"
          />
          {s.inputError && <span className="field-error">{s.inputError}</span>}
        </label>
        <details className="run-field">
          <summary>
            Mock file {s.mocksFromFile ? "(beside the workflow, .mocks.json)" : "(kept with this unsaved workflow)"}
          </summary>
          <MockCode text={s.mocks} onChange={s.setMocks} check={s.checkMocks} context={mockContext} />
          {s.mocksFromFile && (
            <span className="pending-actions">
              <button onClick={() => void s.saveMocksFile()} disabled={!s.mocksDirty} data-testid="mocks-save">
                Save mock file
              </button>
              <span className="muted">{s.mocksDirty ? "Unsaved changes" : s.mocksPath}</span>
            </span>
          )}
        </details>
      </div>
      <div className="run-view">
        <div className="run-status-bar" aria-live="polite">
          {status ? (
            <>
              <span className={`run-status-pill s-${status}`} data-testid="run-status-pill" data-run={s.runId ?? ""}>
                {status}
              </span>
              {s.meta?.tryIt && (
                <span className="run-tryit-note" data-testid="run-tryit-note" title="Tasks without a mock got generated answers, not real ones">
                  {tryItLabel}
                </span>
              )}
              {paused && !s.stepTarget && <span>Paused before {s.pausedAt.join(", ")}</span>}
              {s.meta?.error && !s.live && (
                <span className="run-end-error" title={s.meta.cause}>
                  {s.meta.error}
                  {s.meta.cause ? `: ${s.meta.cause.slice(0, 160)}` : ""}
                </span>
              )}
              {s.meta?.errorLocation && !s.live && (
                <button
                  className="link"
                  data-testid="run-error-locate"
                  title="Select the state and the field where the run failed, in the diagram, the inspector and the code"
                  onClick={() => onLocate(s.meta!.errorLocation!.pointer, s.meta!.errorLocation!.range)}
                >
                  Show where (line {s.meta.errorLocation.range.start.line})
                </button>
              )}
              {(s.meta?.redriveCount ?? 0) > 0 && (
                <span className="muted" data-testid="run-redrive-count" title="How many times this run was redriven (AWS's redriveCount)">
                  redriven {s.meta!.redriveCount}×
                </span>
              )}
              {fromEndpoint && (
                <span className="endpoint-mark" data-testid="run-endpoint-note" title={s.meta!.executionArn}>
                  ⇄ {s.meta!.machine} · started by a program through the local endpoint
                </span>
              )}
              {s.runId && s.meta && !s.live && !fromEndpoint && redrivable.includes(s.meta.status) && (
                <button
                  onClick={() => void s.redrive()}
                  title="Continue this run from where it failed, keeping what succeeded: steps that finished are not run again, the failed step (and the failed Map items or Parallel branches) run again with the input they had. The same run goes on, as AWS's Redrive does."
                  data-testid="run-redrive"
                >
                  ↻ Redrive
                </button>
              )}
              <span className="muted">{total} events</span>
              {s.runId && s.meta && !s.live && (
                <button
                  className="link"
                  disabled={!onSaveAsScenario}
                  title={
                    onSaveAsScenario
                      ? "Add this run to the workflow's test file: its input, the answers its tasks got as mocks, and what happened as expectations (edit them after)"
                      : "Save the workflow to a file first: its tests live in a file beside it"
                  }
                  onClick={() => onSaveAsScenario?.(s.runId!, s.meta!.status)}
                  data-testid="run-save-scenario"
                >
                  Save this run as a scenario
                </button>
              )}
            </>
          ) : (
            <span className="muted">Press Try it to play the workflow with generated answers, or set the input and press Run: tasks without a mock then ask you for their result.</span>
          )}
          {s.notice && <span className="run-notice">{s.notice}</span>}
          {s.otherDefinition && (
            <span className="run-notice" data-testid="run-other-definition">
              This run was of another version of the workflow; states that changed may show no status.
            </span>
          )}
        </div>
        {s.error && (
          <div className="run-error-box" role="alert" data-testid="run-error">
            {s.error}
            <button className="link" onClick={s.clearError} aria-label="Dismiss">
              ✕
            </button>
          </div>
        )}
        {total > 0 && !s.live && (
          <div className="run-scrubber">
            <button
              className="replay-play"
              onClick={() => setPlaying(!playing)}
              aria-label={playing ? "Pause the replay" : "Replay the run"}
              title={playing ? "Pause the replay" : "Replay the run, one state at a time"}
              data-testid="run-replay"
            >
              {playing ? "❚❚" : "▶"}
            </button>
            <label htmlFor="run-scrub">Replay</label>
            <input
              id="run-scrub"
              type="range"
              min={0}
              max={total}
              value={shown}
              onChange={(e) => {
                setPlaying(false);
                s.setCursor(Number(e.target.value) === total ? null : Number(e.target.value));
              }}
              aria-label="Replay position (events)"
              data-testid="run-scrubber"
            />
            <span className="muted" data-testid="run-scrub-at">
              {shown} / {total}
              {shown > 0 && s.index ? ` · ${s.index.events[shown - 1].type}` : ""}
            </span>
          </div>
        )}
        <PauseBanner session={s} />
        <PendingTasks session={s} />
        <div className="tabs run-tabs" role="tablist">
          {(["execution", "inspect", "events", "items", "timeline", "history"] as Tab[]).map((t) => (
            <button key={t} role="tab" aria-selected={tab === t} className={`tab${tab === t ? " active" : ""}`} onClick={() => setTab(t)} data-testid={`run-tab-${t}`}>
              {t === "execution" ? "Execution" : t === "inspect" ? "Inspect" : t === "events" ? "Events" : t === "items" ? "Map items" : t === "timeline" ? "Timeline" : `History (${s.history.length})`}
            </button>
          ))}
        </div>
        <div className="run-tab-body">
          {tab === "execution" && <ExecutionInfo session={s} />}
          {tab === "inspect" && <Inspect session={s} state={node?.name ?? null} stateType={node?.type ?? ""} topLevel={!node?.parent} failedHere={!picked && !!node} />}
          {tab === "events" && <EventsTable session={s} />}
          {tab === "items" &&
            (s.index && hasMapRuns(s.index.events, s.shown) ? (
              <>
                <MapRunView session={s} preferred={mapNode?.name} />
                {mapsIn(s.index, s.shown).length > 0 && <MapItems session={s} preferred={mapNode?.name} />}
              </>
            ) : (
              <MapItems session={s} preferred={mapNode?.name} />
            ))}
          {tab === "timeline" && <Timeline session={s} />}
          {tab === "history" && <HistoryList session={s} />}
        </div>
      </div>
    </div>
  );
}
