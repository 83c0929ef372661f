import { useMemo, useState } from "react";
import { pauseWhere, type RunSession } from "./session";
import { frameKey, itemLabel } from "./fold";
import { pretty, visit, visitsOf, type Visit } from "./inspect";
import { MockEditor } from "./MockEditor";
import { headline, stageRows, type Lang } from "./stages";
import { stateDef, type StateDef } from "./stateDef";

type Moment = "live" | "replay" | "ended";

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
  // Pauses before this state (a Map item each): what it will get, before any visit exists.
  const pausedHere = session.live && session.cursor === null && state ? session.pauses.filter((p) => p.state === state) : [];
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
        {visits.length > 1 && <VisitPicker count={visits.length} at={visits.indexOf(at!)} item={ix ? itemLabel(ix.frames[at!]) : ""} onPick={setPick} />}
        {session.runId && v && topLevel && (
          <button onClick={() => void session.rerun(state)} title="Start a new run here, with this visit's input and variables" data-testid="rerun">
            Re-run from here
          </button>
        )}
        {session.runId && failedHere && !session.live && session.meta && ["FAILED", "TIMED_OUT", "ABORTED"].includes(session.meta.status) && (
          <button onClick={() => void session.redrive()} title="Continue this run from where it failed, keeping what succeeded (the same run goes on)" data-testid="inspect-redrive">
            Redrive
          </button>
        )}
      </div>
      {pausedHere.length > 0 && (
        <div className="inspect-paused" data-testid="inspect-paused">
          {pausedHere.map((p) => (
            <details key={p.id} open={pausedHere.length === 1}>
              <summary>
                Paused before this state{p.path.length ? ` in ${pauseWhere(p)}` : ""}: the input it will get
              </summary>
              <pre>{pretty(p.input)}</pre>
            </details>
          ))}
        </div>
      )}
      {!v && pausedHere.length === 0 && <p className="muted">{session.index ? "The run has not reached this state." : "No run yet."}</p>}
      {v && stateType === "Task" && session.meta?.generated?.includes(state) && (
        <p className="run-generated-note" data-testid="inspect-generated">
          Try it: this task's result was generated (shaped like the service's answer), not returned by the real service or a mock.
        </p>
      )}
      {v && ix && (
        <Stages
          v={v}
          type={stateType}
          {...stateDef(session.definition, state)}
          steps={session.stages.get(ix.events[v.entered].id) ?? {}}
          moment={until < ix.length ? "replay" : session.live ? "live" : "ended"}
          imported={!!session.meta?.imported}
        />
      )}
      {stateType === "Task" && <MockEditor key={`${state}\u0000${session.settings.testCase}`} session={session} state={state} />}
    </div>
  );
}

/**
 * The stages of one visit, in the order its state applies them (the table
 * in stages.ts, per state type and query language), under one line on how
 * it ended. The red error box is for a failure only: a caught error is
 * shown as caught, and a retry that succeeded lists its failed attempts.
 */
function Stages({ v, type, lang, def, steps, moment, imported }: { v: Visit; type: string; lang: Lang; def: StateDef["def"]; steps: Record<string, string>; moment: Moment; imported: boolean }) {
  const rows = stageRows({ type, lang, def, visit: v, steps, imported });
  const head = headline(v, moment);
  return (
    <>
      <div className={`inspect-status ${head.tone}`} data-testid="inspect-status" data-status={v.status}>
        {head.text} · entered {new Date(v.start).toLocaleTimeString()} · {lang}
      </div>
      {v.status === "failed" && (v.error || v.cause) && (
        <div className="run-error-box" data-testid="inspect-error">
          <strong>{v.error}</strong>
          {v.cause && <div>{v.cause}</div>}
        </div>
      )}
      <div className="stages">
        {rows.map((r, i) => (
          <div className={`stage${r.tone ? ` ${r.tone}` : ""}`} key={i} data-testid="stage" data-kind={r.kind}>
            <div className="stage-label">{r.label}</div>
            {r.json !== undefined ? (
              <pre className="run-json">{pretty(r.json)}</pre>
            ) : r.vars ? (
              <table className="vars">
                <tbody>
                  {Object.entries(r.vars).map(([k, val]) => (
                    <tr key={k}>
                      <td>${k}</td>
                      <td>
                        <code>{val}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <div className={r.tone ? `stage-text ${r.tone}` : "muted"}>{r.note ?? "\u2014"}</div>
            )}
          </div>
        ))}
      </div>
      <details>
        <summary>Raw events ({v.events.length})</summary>
        <pre className="run-json">{JSON.stringify(v.events.slice(0, 200), null, 2)}</pre>
      </details>
    </>
  );
}

/** Which visit of a state to inspect: a number to type, previous and next; the Map item it was in. */
function VisitPicker({ count, at, item, onPick }: { count: number; at: number; item: string; onPick: (i: number) => void }) {
  const go = (i: number) => onPick(Math.min(count - 1, Math.max(0, i)));
  return (
    <span className="visit-picker">
      <button onClick={() => go(at - 1)} disabled={at === 0} aria-label="Previous visit">
        ◀
      </button>
      <label>
        Visit{" "}
        <input
          type="number"
          min={1}
          max={count}
          value={at + 1}
          onChange={(e) => Number.isFinite(e.target.valueAsNumber) && go(e.target.valueAsNumber - 1)}
          aria-label="Visit"
          data-testid="visit-number"
        />{" "}
        of {count}
      </label>
      <button onClick={() => go(at + 1)} disabled={at === count - 1} aria-label="Next visit">
        ▶
      </button>
      {item && <span className="muted" data-testid="visit-item">{item}</span>}
    </span>
  );
}
