import { useState, type ReactNode } from "react";
import type { Diagnostic } from "../backend/studio";
import { ProblemList } from "./ProblemList";

interface Props {
  problems: Diagnostic[];
  onPick: (d: Diagnostic) => void;
  /** The run panel, shown in a "Run" tab beside Problems. */
  run?: ReactNode;
  /** A short run status for the Run tab ("RUNNING", "FAILED"…). */
  runStatus?: string | null;
}

/** The problems (in text order, as advice; click to locate) and the run panel. */
export function BottomPanel({ problems, onPick, run, runStatus }: Props) {
  const errors = problems.filter((p) => p.severity === "ERROR").length;
  const [tab, setTab] = useState<"problems" | "run">("problems");
  const [allDetails, setAllDetails] = useState(false);
  const showRun = run !== undefined && tab === "run";
  return (
    <section className="panel bottom" aria-label={showRun ? "Run" : "Problems"}>
      <div className="tabs">
        <div className="tablist" role="tablist">
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
        {!showRun && problems.length > 0 && (
          <button
            className="problem-all-details"
            aria-pressed={allDetails}
            onClick={() => setAllDetails((v) => !v)}
            title="Show every problem's message, code, JSON pointer and line"
            data-testid="problem-all-details"
          >
            {allDetails ? "Hide details" : "Show all details"}
          </button>
        )}
      </div>
      {showRun ? run : <ProblemList problems={problems} onPick={onPick} allDetails={allDetails} />}
    </section>
  );
}
