import { useEffect, useEffectEvent, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent, type ReactNode } from "react";
import { createPortal } from "react-dom";
import type { Diagram, DiagramNode, NotesFile } from "../backend/studio";
import type { Format } from "../document/textdoc";
import { openText } from "../document/open";
import { isObj, stateAt } from "../document/machine";
import { descriptionOf } from "../notes/notesStore";
import { overlay } from "../run/fold";
import { visit } from "../run/inspect";
import { testCases } from "../run/mocks";
import { RunOverlayContext, type RunOverlayValue } from "../run/overlayContext";
import { tryItLabel, type RunSession } from "../run/session";
import { stateIndex } from "../run/stateIndex";
import { PresentCanvas } from "./PresentCanvas";
import { branchesFrom, buildSteps } from "./steps";
import { openThreads, stepWords } from "./describe";
import { plainData, plainError, type Plain } from "./plain";
import "../frame/fullwindow.css";
import "./present.css";

interface Props {
  name: string;
  text: string;
  format: Format;
  diagram: Diagram | null;
  notes: NotesFile | null;
  session: RunSession;
  onClose: () => void;
}

/** How long Play shows each step. */
const playMs = 1400;
const noBreakpoints: ReadonlySet<string> = new Set();
const nothing = () => undefined;
const when = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "medium" });

/**
 * Present mode: the diagram alone in the whole window, read-only, for a
 * meeting. Click a step for what it does and its open comments; play a run
 * step by step. It is drawn over the editor, which stays as it was (the
 * editor is inert meanwhile and hears no keys), so leaving shows it again
 * untouched.
 */
export function Present({ name, text, format, diagram, notes, session, onClose }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const doc = useMemo(() => {
    try {
      return openText(text, format).value;
    } catch {
      return null;
    }
  }, [text, format]);
  const comment = isObj(doc) && typeof doc.Comment === "string" ? doc.Comment : "";
  const about = descriptionOf(notes, "", comment);

  // --- the run, as steps
  const states = useMemo(() => stateIndex(diagram), [diagram]);
  const branchOf = useMemo(() => branchesFrom(diagram), [diagram]);
  const ix = session.index;
  const events = session.total; // the index grows in place: its length tells the memo
  const steps = useMemo(() => (ix ? buildSteps(ix, states, branchOf, events) : []), [ix, events, states, branchOf]);
  const [pos, setPos] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [runFor, setRunFor] = useState(session.runId);
  if (runFor !== session.runId) {
    // Another run chosen: from its first step.
    setRunFor(session.runId);
    setPos(0);
  }
  const at = steps.length ? Math.min(pos, steps.length - 1) : -1;
  const step = at >= 0 ? steps[at] : null;
  const next = () => setPos(Math.min(at + 1, Math.max(0, steps.length - 1)));
  const prev = () => setPos(Math.max(0, at - 1));
  useEffect(() => {
    if (!playing) return;
    // At the end a live run may bring more steps; a finished one stops.
    const end = at >= steps.length - 1;
    if (end && session.live) return;
    const t = setTimeout(() => (end ? setPlaying(false) : setPos(at + 1)), end ? 0 : playMs);
    return () => clearTimeout(t);
  }, [playing, at, steps.length, session.live]);

  const nodeOf = useMemo(() => new Map((diagram?.nodes ?? []).filter((n) => n.type).map((n) => [n.name, n])), [diagram]);
  const names = useMemo(() => new Map((diagram?.nodes ?? []).map((n) => [n.id, n.name])), [diagram]);
  // The run drawn as the editor draws it, up to the step shown: the step
  // itself running (its pulsing ring), the ones before it done.
  const overlayValue = useMemo<RunOverlayValue | null>(
    () =>
      ix && step
        ? { overlay: overlay(ix, step.entered + 1), names, breakpoints: noBreakpoints, toggleBreakpoint: nothing, pausedAt: [], drill: null, setDrill: nothing }
        : null,
    [ix, step, names],
  );

  // --- a step's card
  const [picked, setPicked] = useState<string | null>(null);
  const pickedNode = picked ? diagram?.nodes.find((n) => n.id === picked) : undefined;
  const comments = useMemo(() => {
    const out = new Map<string, number>();
    for (const n of diagram?.nodes ?? []) if (n.type) out.set(n.id, openThreads(notes, n.name).length);
    return out;
  }, [diagram, notes]);

  // --- keys: Present's own; the editor behind hears none of them
  const onKey = useEffectEvent((ev: KeyboardEvent) => {
    const t = ev.target as HTMLElement | null;
    const typing = !!t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA");
    let handled = true;
    if (ev.key === "Escape") onClose();
    else if (typing) handled = false;
    else if (ev.key === "ArrowRight") next();
    else if (ev.key === "ArrowLeft") prev();
    else if (ev.key === " ") setPlaying((p) => !p);
    else if (ev.key === "Home") setPos(0);
    else if (ev.key === "End") setPos(Math.max(0, steps.length - 1));
    else handled = false;
    if (handled) ev.preventDefault();
    ev.stopPropagation();
  });
  const onPaste = useEffectEvent((ev: Event) => ev.stopPropagation());
  useEffect(() => {
    const el = root.current;
    // Keys outside Present (nothing focused) are caught on the way down;
    // keys inside it on the way up, after its own fields had them.
    const outside = (f: (ev: KeyboardEvent) => void) => (ev: KeyboardEvent) => {
      if (!el?.contains(ev.target as Node)) f(ev);
    };
    const down = outside(onKey);
    const inside = (ev: KeyboardEvent) => onKey(ev);
    const paste = (ev: Event) => onPaste(ev);
    window.addEventListener("keydown", down, true);
    window.addEventListener("paste", paste, true);
    el?.addEventListener("keydown", inside);
    el?.focus();
    return () => {
      window.removeEventListener("keydown", down, true);
      window.removeEventListener("paste", paste, true);
      el?.removeEventListener("keydown", inside);
    };
  }, []);

  return createPortal(
    <div ref={root} className="present fullwindow" role="dialog" aria-modal="true" aria-label={`Presenting ${name}`} tabIndex={-1} data-testid="present">
      <header className="present-bar fullwindow-bar">
        <div className="present-title">
          <span className="present-name" data-testid="present-name">
            {name}
          </span>
          {about && (
            <span className="present-about" title={about} data-testid="present-about">
              {about}
            </span>
          )}
        </div>
        <RunPicker session={session} />
        <div className="present-controls" role="group" aria-label="Play the run">
          <Control label="Previous step (←)" onClick={prev} disabled={at <= 0} testId="present-prev">
            ◀ Previous
          </Control>
          <Control label={playing ? "Pause (Space)" : "Play step by step (Space)"} onClick={() => setPlaying((p) => !p)} disabled={!steps.length} testId="present-play">
            {playing ? "❚❚ Pause" : "▶ Play"}
          </Control>
          <Control label="Next step (→)" onClick={next} disabled={at >= steps.length - 1} testId="present-next">
            Next ▶
          </Control>
          <span className="present-count" data-testid="present-count">
            {steps.length ? `Step ${at + 1} of ${steps.length}` : "No run"}
          </span>
        </div>
        <Control label="Leave Present (Esc)" onClick={onClose} testId="present-leave" className="present-leave">
          Leave ✕
        </Control>
      </header>
      <div className="present-body">
        <RunOverlayContext.Provider value={overlayValue}>
          {diagram ? (
            <PresentCanvas diagram={diagram} current={step ? (nodeOf.get(step.state)?.id ?? null) : null} picked={picked} onPick={setPicked} comments={comments} />
          ) : (
            <p className="present-empty">The diagram is not ready yet.</p>
          )}
        </RunOverlayContext.Provider>
        <aside className="present-cards">
          {pickedNode && <StateCard node={pickedNode} doc={doc} notes={notes} onClose={() => setPicked(null)} />}
          {step && ix ? (
            <StepCard key={step.entered} at={at} count={steps.length} step={step} data={visit(ix, step.entered)} type={nodeOf.get(step.state)?.type ?? ""} live={session.live} generated={!!session.meta?.tryIt} />
          ) : (
            <div className="present-card muted" data-testid="present-no-run">
              Choose a run above to play it step by step: a saved run, a mock test case, or Try it.
            </div>
          )}
        </aside>
      </div>
    </div>,
    document.body,
  );
}

/** A bar button that never takes the focus, so Space and the arrows stay Present's. */
function Control({ label, onClick, disabled, testId, className, children }: { label: string; onClick: () => void; disabled?: boolean; testId: string; className?: string; children: ReactNode }) {
  return (
    <button
      type="button"
      className={`btn ${className ?? ""}`}
      title={label}
      aria-label={label}
      disabled={disabled}
      data-testid={testId}
      onMouseDown={(e: ReactMouseEvent) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** Which run to play: a saved one, a mock test case (run now, mocked), or Try it. */
function RunPicker({ session }: { session: RunSession }) {
  const cases = testCases(session.mocks);
  const current = session.runId ? `run:${session.runId}` : "";
  const listed = session.history.some((r) => r.id === session.runId);
  const choose = (v: string) => {
    if (v.startsWith("run:")) void session.open(v.slice(4));
    else if (v.startsWith("case:")) {
      // The case runs straight through (no breakpoints); the editor's own
      // settings are put back at once: the request is built as start is called.
      const keep = { testCase: session.settings.testCase, breakpoints: session.settings.breakpoints };
      session.update({ testCase: v.slice(5), breakpoints: [] });
      void session.start("run");
      session.update(keep);
    } else if (v === "try") void session.start("try");
  };
  return (
    <select className="present-runs" value={current} onChange={(e) => choose(e.target.value)} aria-label="Run to play" data-testid="present-run-picker" disabled={session.live}>
      <option value="" disabled>
        Choose a run to play…
      </option>
      {session.runId && !listed && <option value={current}>The run shown{session.meta ? ` (${session.meta.status})` : ""}</option>}
      {session.history.length > 0 && (
        <optgroup label="Saved runs">
          {session.history.map((r) => (
            <option key={r.id} value={`run:${r.id}`}>
              {r.status} · {when.format(new Date(r.startDate))}
              {r.tryIt ? " · Try it" : ""}
              {r.testCase ? ` · ${r.testCase}` : ""}
            </option>
          ))}
        </optgroup>
      )}
      {cases.length > 0 && (
        <optgroup label="Mock test cases (run now)">
          {cases.map((c) => (
            <option key={c} value={`case:${c}`}>
              {c}
            </option>
          ))}
        </optgroup>
      )}
      <option value="try">{tryItLabel}</option>
    </select>
  );
}

function StateCard({ node, doc, notes, onClose }: { node: DiagramNode; doc: unknown; notes: NotesFile | null; onClose: () => void }) {
  let state: Record<string, unknown> | undefined;
  try {
    state = doc ? stateAt(doc, node.id).value : undefined;
  } catch {
    state = undefined;
  }
  const words = stepWords(notes, node.name, node.type, state);
  const threads = openThreads(notes, node.name);
  const from = { description: "", comment: "From the workflow's comment", generated: "From the step's settings" }[words.from];
  return (
    <section className="present-card" data-testid="present-state-card" data-state={node.name}>
      <header className="present-card-head">
        <h2>{node.name}</h2>
        <span className="muted">{node.type}</span>
        <button type="button" className="present-card-close" aria-label="Close" onMouseDown={(e) => e.preventDefault()} onClick={onClose}>
          ×
        </button>
      </header>
      <p className="present-words" data-testid="present-words" data-from={words.from}>
        {words.text}
      </p>
      {from && <p className="present-from muted">{from}</p>}
      {threads.length > 0 && (
        <div className="present-threads" data-testid="present-threads">
          <h3>Open comments</h3>
          {threads.map((t) => (
            <ul key={t.id} className="present-thread">
              {t.comments.map((c) => (
                <li key={c.id}>
                  <strong>{c.author || "Someone"}</strong> {c.text}
                </li>
              ))}
            </ul>
          ))}
        </div>
      )}
    </section>
  );
}

interface StepCardProps {
  at: number;
  count: number;
  step: { state: string; where: string };
  data: ReturnType<typeof visit>;
  type: string;
  live: boolean;
  generated: boolean;
}

function StepCard({ at, count, step, data, type, live, generated }: StepCardProps) {
  const failed = data.error !== undefined;
  const err = failed ? plainError(data.error, data.cause) : null;
  const done = data.output !== undefined;
  const tries = data.attempts.length;
  return (
    <section className={`present-card present-step${failed ? " failed" : ""}`} data-testid="present-step-card" data-state={step.state} data-step={at + 1}>
      <header className="present-card-head">
        <h2>{step.state}</h2>
        <span className="muted">
          Step {at + 1} of {count}
          {step.where ? ` · ${step.where}` : ""}
        </span>
      </header>
      <DataBlock title="Data in" plain={plainData(data.input)} testId="present-data-in" />
      {err ? (
        <div className="present-error" role="status" data-testid="present-error">
          <strong>{err.words}.</strong>
          {err.cause && <span> {err.cause}</span>}
          {err.code && <div className="muted present-code">{err.code}</div>}
        </div>
      ) : done ? (
        <DataBlock title="Data out" plain={plainData(data.output)} testId="present-data-out" />
      ) : (
        <p className="muted">{live ? "Still running…" : type === "Fail" ? "" : "It did not finish."}</p>
      )}
      {tries > 1 && <p className="muted">Tried {tries} times.</p>}
      {generated && type === "Task" && <p className="muted present-from">The task's answer was generated (Try it), not real.</p>}
    </section>
  );
}

function DataBlock({ title, plain, testId }: { title: string; plain: Plain; testId: string }) {
  return (
    <div className="present-data" data-testid={testId}>
      <h3>{title}</h3>
      {plain.kind === "none" && <p className="muted">Nothing recorded.</p>}
      {plain.kind === "value" && <p className="present-value">{plain.text}</p>}
      {plain.kind === "fields" && (
        <dl className="present-fields">
          {plain.rows.map((r) => (
            <div key={r.key}>
              <dt>{r.key}</dt>
              <dd>
                {r.json === undefined ? (
                  r.value
                ) : (
                  <details>
                    <summary>{r.value}</summary>
                    <pre className="present-json">{r.json}</pre>
                  </details>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {plain.kind === "json" && (
        <details>
          <summary>{plain.summary}</summary>
          <pre className="present-json">{plain.text}</pre>
        </details>
      )}
    </div>
  );
}
