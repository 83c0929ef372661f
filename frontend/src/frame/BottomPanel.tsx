import { useState, type ReactNode } from "react";
import type { Diagnostic } from "../backend/studio";

interface Props {
  problems: Diagnostic[];
  onPick: (d: Diagnostic) => void;
  /** The run panel, shown in a "Run" tab beside Problems. */
  run?: ReactNode;
  /** A short run status for the Run tab ("RUNNING", "FAILED"…). */
  runStatus?: string | null;
}

/** The problems list: every diagnostic, in text order; click to locate. */
export function BottomPanel({ problems, onPick, run, runStatus }: Props) {
  const errors = problems.filter((p) => p.severity === "ERROR").length;
  const [tab, setTab] = useState<"problems" | "run">("problems");
  const showRun = run !== undefined && tab === "run";
  return (
    <section className="panel bottom" aria-label={showRun ? "Run" : "Problems"}>
      <div className="tabs" role="tablist">
        <button role="tab" aria-selected={!showRun} className={`tab${showRun ? "" : " active"}`} onClick={() => setTab("problems")}>
          Problems{" "}
          <span className={`count${errors ? " has-errors" : ""}`} data-testid="problem-count">
            {problems.length}
          </span>
        </button>
        {run !== undefined && (
          <button role="tab" aria-selected={showRun} className={`tab${showRun ? " active" : ""}`} onClick={() => setTab("run")} data-testid="tab-run">
            Run{runStatus ? <span className={`count run-count s-${runStatus}`}>{runStatus.toLowerCase()}</span> : null}
          </button>
        )}
      </div>
      {showRun ? run : (
      <ul className="problems">
        {problems.length === 0 && <li className="muted">No problems found.</li>}
        {problems.map((p, i) => (
          <li key={i}>
            <button className={`problem ${p.severity.toLowerCase()}`} onClick={() => onPick(p)} data-testid="problem">
              <span className="problem-message">{p.message}</span>
              <span className="problem-where">
                {p.location || "definition"}
                {p.range?.start.line ? ` · line ${p.range.start.line}:${p.range.start.column}` : ""} · {p.code}
              </span>
            </button>
          </li>
        ))}
      </ul>
      )}
    </section>
  );
}
