import { useMemo, useState } from "react";
import type { RunSession } from "./useRunSession";
import { frameKey } from "./fold";
import { pretty, visit, visitsOf, type Visit } from "./inspect";
import { MockEditor } from "./MockEditor";

interface Props {
  session: RunSession;
  state: string | null;
  stateType: string;
  topLevel: boolean;
}

/** One state of the run: pick a visit, see each stage, its variables, error and raw events. */
export function Inspect({ session, state, stateType, topLevel }: Props) {
  const ix = session.index;
  const until = session.cursor ?? ix?.length ?? 0;
  const drill = session.overlayValue.drill;
  const visits = useMemo(() => {
    if (!ix || !state) return [];
    const accept = drill ? (i: number) => ix.inIteration(i, drill.map, frameKey(drill.map, drill.index)) : undefined;
    return visitsOf(ix, state, until, accept);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ix, state, until, drill, session.version]);
  const [pick, setPick] = useState<number | null>(null);
  if (!state) return <p className="muted run-empty">Select a state on the diagram to inspect it.</p>;
  const at = visits.length ? visits[pick !== null && pick < visits.length ? pick : visits.length - 1] : undefined;
  const v = ix && at !== undefined ? visit(ix, at, until) : null;
  return (
    <div className="run-inspect" data-testid="inspect">
      <div className="inspect-head">
        <h3>{state}</h3>
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
      {v && <Stages v={v} type={stateType} />}
      {stateType === "Task" && <MockEditor session={session} state={state} />}
    </div>
  );
}

function Stages({ v, type }: { v: Visit; type: string }) {
  const task = type === "Task";
  const stages: [string, string | undefined, string?][] = [["Input", v.input]];
  if (task) {
    v.attempts.forEach((a, i) => {
      const n = v.attempts.length > 1 ? ` (attempt ${i + 1})` : "";
      stages.push([`After InputPath and Parameters${n}: what the task was given`, a.parameters]);
      if (a.result !== undefined) stages.push([`Task result${n}`, a.result]);
      if (a.error) stages.push([`Task error${n}`, undefined, `${a.error}${a.cause ? `: ${a.cause}` : ""}`]);
    });
  }
  stages.push(["Output (after ResultSelector, ResultPath and OutputPath)", v.output]);
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
            {text ? <div className="stage-text">{text}</div> : json !== undefined ? <pre className="run-json">{pretty(json)}</pre> : <div className="muted">—</div>}
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
