import { useMemo, useState } from "react";
import type { RunSession } from "./session";
import { frameKey } from "./fold";
import { pretty, visit, visitsOf, type Visit } from "./inspect";
import { MockEditor } from "./MockEditor";

interface Props {
  session: RunSession;
  state: string | null;
  stateType: string;
  topLevel: boolean;
  /** Shown because the run failed here, not because it was selected. */
  failedHere?: boolean;
}

/** One state of the run: pick a visit, see each stage, its variables, error and raw events. */
export function Inspect({ session, state, stateType, topLevel, failedHere }: Props) {
  const ix = session.index;
  const until = session.shown;
  const drill = session.overlayValue.drill;
  const visits = useMemo(() => {
    if (!ix || !state) return [];
    const accept = drill ? (i: number) => ix.inIteration(i, drill.map, frameKey(drill.map, drill.index)) : undefined;
    return visitsOf(ix, state, until, accept);
  }, [ix, state, until, drill]);
  const [pick, setPick] = useState<number | null>(null);
  if (!state) return <p className="muted run-empty">Select a state on the diagram to inspect it.</p>;
  const at = visits.length ? visits[pick !== null && pick < visits.length ? pick : visits.length - 1] : undefined;
  const v = ix && at !== undefined ? visit(ix, at, until) : null;
  return (
    <div className="run-inspect" data-testid="inspect">
      <div className="inspect-head">
        <h3>
          {failedHere && <span className="failed-here">Failed here: </span>}
          {state}
        </h3>
        {visits.length > 1 && (
          <label>
            Visit{" "}
            <select value={visits.indexOf(at!)} onChange={(e) => setPick(Number(e.target.value))} aria-label="Visit">
              {visits.map((_, i) => (
                <option key={i} value={i}>
                  {i + 1} of {visits.length}
                </option>
              ))}
            </select>
          </label>
        )}
        {session.runId && v && topLevel && (
          <button onClick={() => void session.rerun(state)} title="Start a new run here, with this visit's input and variables" data-testid="rerun">
            Re-run from here
          </button>
        )}
      </div>
      {!v && <p className="muted">{session.index ? "The run has not reached this state." : "No run yet."}</p>}
      {v && stateType === "Task" && session.meta?.generated?.includes(state) && (
        <p className="run-generated-note" data-testid="inspect-generated">
          Try it: this task's result was generated (shaped like the service's answer), not returned by the real service or a mock.
        </p>
      )}
      {v && ix && <Stages v={v} type={stateType} steps={session.stages.get(ix.events[v.entered].id) ?? {}} />}
      {stateType === "Task" && <MockEditor key={`${state}\u0000${session.settings.testCase}`} session={session} state={state} />}
    </div>
  );
}

/**
 * The stages in the order ASL applies them. The history records the input,
 * what a task was given, its result and the output; the values after
 * InputPath, ResultSelector and ResultPath come from the engine's stage
 * records (absent when the state has no such field).
 */
function Stages({ v, type, steps }: { v: Visit; type: string; steps: Record<string, string> }) {
  const task = type === "Task";
  const stages: [string, string | undefined, string?][] = [["Input", v.input]];
  stages.push(["After InputPath", steps.InputPath, steps.InputPath === undefined ? "No InputPath: the whole input." : undefined]);
  if (task) {
    v.attempts.forEach((a, i) => {
      const n = v.attempts.length > 1 ? ` (attempt ${i + 1})` : "";
      stages.push([`After Parameters: what the task was given${n}`, a.parameters]);
      if (a.result !== undefined) stages.push([`Task result${n}`, a.result]);
      if (a.error) stages.push([`Task error${n}`, undefined, `${a.error}${a.cause ? `: ${a.cause}` : ""}`]);
    });
    stages.push(["After ResultSelector", steps.ResultSelector, steps.ResultSelector === undefined ? "No ResultSelector: the result as is." : undefined]);
  }
  stages.push(["After ResultPath", steps.ResultPath, steps.ResultPath === undefined ? "No ResultPath: the result becomes the output." : undefined]);
  stages.push(["Output (after OutputPath)", v.output]);
  const ms = v.end ? Date.parse(v.end) - Date.parse(v.start) : null;
  return (
    <>
      <div className="muted">
        Entered {new Date(v.start).toLocaleTimeString()}
        {ms !== null ? ` · took ${ms} ms` : v.error ? "" : " · still running"}
      </div>
      {v.error && (
        <div className="run-error-box" data-testid="inspect-error">
          <strong>{v.error}</strong>
          {v.cause && <div>{v.cause}</div>}
        </div>
      )}
      <div className="stages">
        {stages.map(([label, json, text], i) => (
          <div className="stage" key={i} data-testid="stage">
            <div className="stage-label">{label}</div>
            {json !== undefined ? (
              <pre className="run-json">{pretty(json)}</pre>
            ) : text ? (
              <div className={label.startsWith("Task error") ? "stage-text error" : "muted"}>{text}</div>
            ) : (
              <div className="muted">—</div>
            )}
          </div>
        ))}
        {v.assigned && Object.keys(v.assigned).length > 0 && (
          <div className="stage">
            <div className="stage-label">Variables assigned</div>
            <table className="vars">
              <tbody>
                {Object.entries(v.assigned).map(([k, val]) => (
                  <tr key={k}>
                    <td>${k}</td>
                    <td>
                      <code>{val}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <details>
        <summary>Raw events ({v.events.length})</summary>
        <pre className="run-json">{JSON.stringify(v.events.slice(0, 200), null, 2)}</pre>
      </details>
    </>
  );
}
