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
  /** The Comments panel, in a "Comments" tab; commentCount open threads. */
  comments?: ReactNode;
  commentCount?: number;
  /** The Tests panel, in a "Tests" tab; testStatus "3/4" or "2 failed" beside it. */
  tests?: ReactNode;
  testStatus?: { text: string; failed: boolean } | null;
  /** The cloud link (cloud/CloudPanel), in a "Cloud" tab; cloudStatus "connected" beside it. */
  cloud?: ReactNode;
  cloudStatus?: string | null;
  /** The tab shown, when the caller decides it (a comment marker opens Comments). */
  tab?: BottomTab;
  onTab?: (tab: BottomTab) => void;
  /** Hidden, only its tab bar shows; a tab or the chevron brings it back. */
  open?: boolean;
  onToggle?: (open: boolean) => void;
}

export type BottomTab = "problems" | "run" | "tests" | "comments" | "cloud";

/** The problems (in text order, as advice; click to locate), the run panel and the comments. */
export function BottomPanel({ problems, onPick, run, runStatus, comments, commentCount = 0, tests, testStatus, cloud, cloudStatus, tab: shownTab, onTab, open = true, onToggle }: Props) {
  const errors = problems.filter((p) => p.severity === "ERROR").length;
  const [ownTab, setOwnTab] = useState<BottomTab>("problems");
  const tab = shownTab ?? ownTab;
  const setTab = (t: BottomTab) => (onTab ? onTab(t) : setOwnTab(t));
  const [allDetails, setAllDetails] = useState(false);
  const showRun = run !== undefined && tab === "run";
  const showComments = comments !== undefined && tab === "comments";
  const showTests = tests !== undefined && tab === "tests";
  const showCloud = cloud !== undefined && tab === "cloud";
  const showProblems = !showRun && !showComments && !showTests && !showCloud;
  return (
    <section className={`panel bottom${open ? "" : " collapsed"}`} aria-label={showRun ? "Run" : showComments ? "Comments" : showTests ? "Tests" : showCloud ? "Cloud" : "Problems"}>
      <div className="tabs">
        <div className="tablist" role="tablist">
          <button role="tab" aria-selected={showProblems} className={`tab${showProblems ? " active" : ""}`} onClick={() => (setTab("problems"), open || onToggle?.(true))}>
            Problems{" "}
            <span className={`count${errors ? " has-errors" : ""}`} data-testid="problem-count">
              {problems.length}
            </span>
          </button>
          {run !== undefined && (
            <button role="tab" aria-selected={showRun} className={`tab${showRun ? " active" : ""}`} onClick={() => (setTab("run"), open || onToggle?.(true))} data-testid="tab-run">
              Run{runStatus ? <span className={`count run-count s-${runStatus}`}>{runStatus.toLowerCase()}</span> : null}
            </button>
          )}
          {tests !== undefined && (
            <button role="tab" aria-selected={showTests} className={`tab${showTests ? " active" : ""}`} onClick={() => (setTab("tests"), open || onToggle?.(true))} data-testid="tab-tests">
              Tests{testStatus ? <span className={`count${testStatus.failed ? " has-errors" : ""}`} data-testid="tests-count">{testStatus.text}</span> : null}
            </button>
          )}
          {comments !== undefined && (
            <button role="tab" aria-selected={showComments} className={`tab${showComments ? " active" : ""}`} onClick={() => (setTab("comments"), open || onToggle?.(true))} data-testid="tab-comments">
              Comments{commentCount ? <span className="count" data-testid="comment-count">{commentCount}</span> : null}
            </button>
          )}
          {cloud !== undefined && (
            <button role="tab" aria-selected={showCloud} className={`tab${showCloud ? " active" : ""}`} onClick={() => (setTab("cloud"), open || onToggle?.(true))} data-testid="tab-cloud">
              Cloud{cloudStatus ? <span className="count" data-testid="cloud-count">{cloudStatus}</span> : null}
            </button>
          )}
        </div>
        {open && showProblems && problems.length > 0 && (
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
        {onToggle && (
          <button
            type="button"
            className="bottom-toggle"
            aria-expanded={open}
            aria-label={open ? "Hide the panel" : "Show the panel"}
            title={open ? "Hide the panel" : "Show the panel"}
            data-testid="bottom-toggle"
            onClick={() => onToggle(!open)}
          >
            {open ? "▾" : "▴"}
          </button>
        )}
      </div>
      {/* Hidden, not unmounted: the run panel keeps what was typed in it. */}
      <div className="bottom-body" hidden={!open}>
        {showRun ? run : showComments ? comments : showTests ? tests : showCloud ? cloud : <ProblemList problems={problems} onPick={onPick} allDetails={allDetails} />}
      </div>
    </section>
  );
}
