import { useEffect, useEffectEvent, useMemo, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { analyze, errorMessage, type Comparison, type Diagram } from "../backend/studio";
import { DiffCanvas } from "./DiffCanvas";
import { edgeMarks, entries, legend, nodeMarks, statusColour, transitionWords, type ChangeLine, type Entry, type Side } from "./marks";
import "../frame/fullwindow.css";
import "./diff.css";

interface Props {
  comparison: Comparison;
  /** Why the last Swap failed, "" when it did not. */
  error: string;
  swapped: boolean;
  onSwap: () => void;
  onClose: () => void;
  /** Extra buttons in the bar (the cloud link's Deploy confirmation); Swap is left out when given. */
  actions?: ReactNode;
  /** The dialog's heading, "What changed" when not given. */
  title?: string;
}

/**
 * The visual diff: the new version's diagram with each step marked by what
 * happened to it (a legend says what each colour means), the old version's
 * diagram a click away (where removed steps are), and the list of changes
 * per step beside it, in words first and exact values behind. Drawn over
 * the editor like Present, which stays as it was; Esc or Close leaves.
 */
export function DiffView({ comparison, error, swapped, onSwap, onClose, actions, title = "What changed" }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const { result, old, new: next } = comparison;
  const [diagrams, setDiagrams] = useState<{ for: Comparison | null; after: Diagram | null; before: Diagram | null; error: string }>({ for: null, after: null, before: null, error: "" });
  useEffect(() => {
    let live = true;
    // Both versions laid out as the editor lays them out, with their own pins, unfolded.
    Promise.all([analyze(next.name, next.text, [], next.pins), analyze(old.name, old.text, [], old.pins)]).then(
      ([a, b]) => live && setDiagrams({ for: comparison, after: a.diagram ?? null, before: b.diagram ?? null, error: a.layoutError || b.layoutError || "" }),
      (e) => live && setDiagrams({ for: comparison, after: null, before: null, error: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [comparison, next, old]);
  const ready = diagrams.for === comparison;

  const [side, setSide] = useState<Side>("after");
  const [selected, setSelected] = useState("");
  const diagram = ready ? (side === "after" ? diagrams.after : diagrams.before) : null;
  const list = useMemo(() => entries(result), [result]);
  const marks = useMemo(() => nodeMarks(result, side), [result, side]);
  const edges = useMemo(() => edgeMarks(result, side, diagram?.nodes ?? [], diagram?.edges ?? []), [result, side, diagram]);

  /** An entry of the list: selected on this side when it is there, else on the other. */
  const pick = (e: Entry) => {
    const here = e[side];
    const other: Side = side === "after" ? "before" : "after";
    if (!here && e[other]) setSide(other);
    setSelected(here || e[other]);
  };
  const switchTo = (s: Side) => {
    setSide(s);
    setSelected("");
  };
  const current = list.find((e) => selected && e[side] === selected)?.key ?? "";

  const onKey = useEffectEvent((ev: KeyboardEvent) => {
    if (ev.key === "Escape") {
      ev.preventDefault();
      onClose();
    }
    ev.stopPropagation();
  });
  useEffect(() => {
    const el = root.current;
    // The editor behind hears no keys while the diff is shown: keys outside
    // the view (nothing focused) are caught on the way down, keys inside it
    // on the way up, after its buttons had them (Enter, Space).
    const down = (ev: KeyboardEvent) => {
      if (!el?.contains(ev.target as Node)) onKey(ev);
    };
    const inside = (ev: KeyboardEvent) => onKey(ev);
    window.addEventListener("keydown", down, true);
    el?.addEventListener("keydown", inside);
    el?.focus();
    return () => {
      window.removeEventListener("keydown", down, true);
      el?.removeEventListener("keydown", inside);
    };
  }, []);

  const transitions = result.transitions;
  return createPortal(
    <div ref={root} className="diff-view fullwindow" role="dialog" aria-modal="true" aria-label="Compare versions" tabIndex={-1} data-testid="diff-view" data-side={side}>
      <header className="diff-bar fullwindow-bar">
        <div className="diff-title">
          <h1>{title}</h1>
          <span className="diff-sides" data-testid="diff-sides">
            from <strong title={old.label}>{old.label}</strong> to <strong title={next.label}>{next.label}</strong>
          </span>
        </div>
        <div className="diff-toggle" role="group" aria-label="Which version to show">
          <button type="button" className={`btn${side === "before" ? " active" : ""}`} aria-pressed={side === "before"} data-testid="diff-before" onClick={() => switchTo("before")}>
            Before
          </button>
          <button type="button" className={`btn${side === "after" ? " active" : ""}`} aria-pressed={side === "after"} data-testid="diff-after" onClick={() => switchTo("after")}>
            After
          </button>
        </div>
        {actions ?? (
          <button type="button" className="btn" title="Compare the other way round" data-testid="diff-swap" onClick={onSwap}>
            ⇄ Swap{swapped ? " back" : ""}
          </button>
        )}
        <button type="button" className="btn" title="Back to the editor (Esc)" data-testid="diff-close" onClick={onClose}>
          Close ✕
        </button>
      </header>
      <div className="diff-body">
        {diagram ? (
          <DiffCanvas side={side} diagram={diagram} marks={marks} edges={edges} selected={selected} onPick={setSelected} />
        ) : (
          <p className="diff-empty">{ready ? diagrams.error || "This version cannot be drawn." : "Drawing both versions…"}</p>
        )}
        <Legend side={side} />
        <aside className="diff-list" data-testid="diff-list">
          <p className="diff-summary" data-testid="diff-summary">
            {result.same ? "No differences: the two versions are the same." : result.summary}
          </p>
          {error && (
            <p className="diff-error" role="alert">
              {error}
            </p>
          )}
          {side === "before" && <p className="muted diff-hint">Showing the version before: removed steps are here.</p>}
          {[old.note, next.note].filter(Boolean).map((n) => (
            <p key={n} className="muted diff-hint">
              {n}
            </p>
          ))}
          <ul className="diff-entries">
            {list.map((e) => (
              <EntryItem key={e.key} entry={e} selected={e.key === current} onPick={() => pick(e)} />
            ))}
          </ul>
          {transitions.length > 0 && (
            <section className="diff-connections" data-testid="diff-connections">
              <h2>Connections</h2>
              <ul>
                {transitions.map((t, i) => (
                  <li key={i} className={`diff-connection diff-${t.op}`} data-op={t.op}>
                    <span className="diff-chip" style={{ background: statusColour[t.op] }}>
                      {t.op === "added" ? "Added" : "Removed"}
                    </span>{" "}
                    {transitionWords(t)}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </aside>
      </div>
    </div>,
    document.body,
  );
}

function Legend({ side }: { side: Side }) {
  return (
    <div className="diff-legend" data-testid="diff-legend" aria-label="What the colours mean">
      {legend.map((l) => (
        <span key={l.status} className={`diff-legend-item diff-${l.status}`} data-status={l.status}>
          <span className={`diff-swatch${l.status === "moved" ? " dashed" : ""}`} style={{ borderColor: statusColour[l.status], background: `color-mix(in srgb, ${statusColour[l.status]} 16%, transparent)` }} />
          {l.words}
        </span>
      ))}
      <span className="diff-legend-item" data-status="connection">
        <span className={`diff-line${side === "after" ? "" : " dashed"}`} style={{ borderColor: side === "after" ? statusColour.added : statusColour.removed }} />
        {side === "after" ? "Connection added" : "Connection removed"}
      </span>
      {side === "after" && (
        <span className="diff-legend-item" data-status="connection-removed">
          <span className="diff-line dashed" style={{ borderColor: statusColour.removed }} />
          Connection removed
        </span>
      )}
    </div>
  );
}

function EntryItem({ entry, selected, onPick }: { entry: Entry; selected: boolean; onPick: () => void }) {
  const colour = entry.status === "workflow" ? "var(--text-muted)" : statusColour[entry.status];
  const ref = useRef<HTMLButtonElement>(null);
  // A step clicked on the diagram brings its entry into view.
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView?.({ block: "nearest" });
  }, [selected]);
  return (
    <li>
      <button
        ref={ref}
        type="button"
        className={`diff-entry diff-${entry.status}${selected ? " selected" : ""}`}
        style={{ borderLeftColor: colour }}
        data-testid="diff-entry"
        data-status={entry.status}
        data-state={entry.title}
        aria-current={selected || undefined}
        onClick={onPick}
        disabled={!entry.after && !entry.before}
      >
        <span className="diff-entry-head">
          <span className="diff-chip" style={{ background: colour }}>
            {entry.status === "workflow" ? "Workflow" : entry.status}
          </span>
          <strong className="diff-entry-title">{entry.title}</strong>
        </span>
        <span className="diff-entry-words muted">
          {entry.words}
          {entry.where && ` · ${entry.where}`}
        </span>
        {entry.lines.length > 0 && (
          <ul className="diff-lines">
            {entry.lines.map((l, i) => (
              <Line key={i} line={l} />
            ))}
          </ul>
        )}
      </button>
    </li>
  );
}

/** "Retry 1 › MaxAttempts: 3 → 5": the place in words, the exact values as code. */
function Line({ line }: { line: ChangeLine }) {
  return (
    <li className={`diff-line-item diff-op-${line.op}`} data-testid="diff-change" title={line.text}>
      <span className="diff-path">{line.path}</span>:{" "}
      {line.op === "changed" && line.old !== undefined ? (
        <>
          <code className="diff-old">{line.old}</code> → <code className="diff-new">{line.new}</code>
        </>
      ) : line.op === "added" ? (
        <>
          added{line.new !== undefined && <> <code className="diff-new">{line.new}</code></>}
        </>
      ) : (
        <>
          removed{line.old !== undefined && <> (was <code className="diff-old">{line.old}</code>)</>}
        </>
      )}
    </li>
  );
}
