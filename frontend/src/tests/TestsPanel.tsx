import { useState } from "react";
import type { ScenarioResult, TestFailure } from "../backend/studio";
import type { Tests } from "./useTests";
import "./tests.css";

const icons: Record<ScenarioResult["status"] | "none", { icon: string; label: string }> = {
  passed: { icon: "✓", label: "passed" },
  failed: { icon: "✗", label: "failed" },
  error: { icon: "!", label: "could not run" },
  none: { icon: "○", label: "not run yet" },
};

interface Props {
  tests: Tests;
  /** Opens the Run tab (where a run is saved as a scenario). */
  onShowRun: () => void;
}

/** The Tests tab: the scenarios beside the workflow, their results, replay and coverage. */
export function TestsPanel({ tests: t, onShowRun }: Props) {
  const l = t.listing;
  const [open, setOpen] = useState<string | null>(null);
  const file = l?.file.split(/[\\/]/).pop() ?? "";
  const ran = [...t.results.values()];
  const passed = ran.filter((r) => r.status === "passed").length;
  const canRun = !!l?.exists && l.scenarios.length > 0 && l.problems.length === 0;
  return (
    <div className="tests-panel" data-testid="tests-panel">
      <div className="tests-toolbar" role="toolbar" aria-label="Tests">
        <button className="primary" onClick={() => void t.runAll()} disabled={!canRun || t.running} data-testid="tests-run-all" title="Run every scenario against the workflow as it is now (saved or not)">
          {t.running ? "Running…" : "Run all"}
        </button>
        <button onClick={() => void t.runFailed()} disabled={!canRun || t.running || t.failed.length === 0} data-testid="tests-run-failed">
          Run failed{t.failed.length ? ` (${t.failed.length})` : ""}
        </button>
        <label className="tests-check" title="Draw the steps and arrows no scenario reached on the diagram">
          <input type="checkbox" checked={t.coverageShown} disabled={!t.coverage} onChange={(e) => t.showCoverage(e.target.checked)} data-testid="tests-coverage" />
          Coverage
        </label>
        <label className="tests-check" title="Run the scenarios each time the workflow is saved">
          <input type="checkbox" checked={t.watch} onChange={(e) => t.setWatch(e.target.checked)} data-testid="tests-watch" />
          Re-run on save
        </label>
        {ran.length > 0 && (
          <span className="tests-summary" data-testid="tests-summary">
            <span className="tests-pass">{passed} passed</span>
            {ran.length - passed > 0 && <span className="tests-fail"> · {ran.length - passed} failed</span>}
          </span>
        )}
        {l?.file && (
          <span className="muted tests-file" title={l.file}>
            {l.exists ? file : `no ${file} yet`}
          </span>
        )}
      </div>
      {t.error && (
        <div className="run-error-box" role="alert" data-testid="tests-error">
          {t.error}{" "}
          <button className="link" onClick={t.dismiss} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
      {t.notice && (
        <div className="tests-notice" role="status" data-testid="tests-notice">
          {t.notice}{" "}
          <button className="link" onClick={t.dismiss} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
      {l && l.reason && l.scenarios.length === 0 && (
        <div className="tests-empty" data-testid="tests-empty">
          <p>
            <strong>Tests keep the workflow honest.</strong> Each scenario is an input, the answers its tasks give, and what must happen
            — how it ends, its output, the steps it takes. Run them after every change and a broken path shows at once, with what was
            expected and what happened.
          </p>
          <p className="muted">{l.reason}</p>
          {l.file && !l.exists && (
            <p>
              Create a test file: run the workflow, then press <em>Save this run as a scenario</em>.{" "}
              <button onClick={onShowRun} data-testid="tests-go-run">
                Go to the Run tab
              </button>
            </p>
          )}
        </div>
      )}
      {l && l.problems.length > 0 && (
        <ul className="tests-problems" data-testid="tests-problems">
          {l.problems.map((p) => (
            <li key={p}>
              {file}:{p}
            </li>
          ))}
        </ul>
      )}
      {l && l.scenarios.length > 0 && (
        <ul className="tests-list">
          {l.scenarios.map((sc) => {
            const r = t.results.get(sc.name);
            const st = icons[r?.status ?? "none"];
            const expanded = open === sc.name || (open === null && r?.status === "failed" && t.failed[0] === sc.name);
            return (
              <li key={sc.name} className={`tests-row s-${r?.status ?? "none"}${t.shown === sc.name ? " shown" : ""}`} data-testid="tests-scenario" data-status={r?.status ?? "none"} data-name={sc.name}>
                <div className="tests-row-head">
                  <span className="tests-icon" aria-label={st.label} title={st.label}>
                    {st.icon}
                  </span>
                  <button
                    className="link tests-name"
                    disabled={!r?.history}
                    title={r?.history ? "Replay this scenario's run on the diagram" : "Run it first to replay it"}
                    onClick={() => {
                      setOpen(sc.name);
                      void t.replay(sc.name);
                    }}
                    data-testid="tests-replay"
                  >
                    {sc.name}
                  </button>
                  <span className="muted">
                    line {sc.line}
                    {r?.runStatus ? ` · ended ${r.runStatus}` : ""}
                    {r ? ` · ${r.durationMs.toFixed(1)} ms` : ""}
                  </span>
                  <button className="tests-play" onClick={() => void t.runOne(sc.name)} disabled={!canRun || t.running} aria-label={`Run “${sc.name}”`} title="Run this scenario" data-testid="tests-run-one">
                    ▶
                  </button>
                  {r && r.status !== "passed" && (
                    <button className="link" onClick={() => setOpen(expanded ? "" : sc.name)} aria-expanded={expanded}>
                      {expanded ? "Hide" : "Why?"}
                    </button>
                  )}
                </div>
                {expanded && r?.message && <p className="tests-message">{r.message}</p>}
                {expanded && r?.failures.map((f, i) => <FailureView key={i} f={f} file={file} />)}
              </li>
            );
          })}
        </ul>
      )}
      {t.coverage && (
        <p className="muted tests-coverage-line" data-testid="tests-coverage-line">
          Coverage of the last run ({t.coverageOf} scenario{t.coverageOf === 1 ? "" : "s"}): {t.coverage.covered} of {t.coverage.total} states and
          transitions reached ({t.coverage.percent}%). {t.coverageShown ? "Drawn on the diagram." : "Tick Coverage to see what was never reached."}
        </p>
      )}
    </div>
  );
}

/** One expectation not met: in words, then expected and got side by side, then where they differ. */
function FailureView({ f, file }: { f: TestFailure; file: string }) {
  return (
    <div className="tests-failure" data-testid="tests-failure">
      <p>
        <strong>{f.message}</strong>{" "}
        <span className="muted">
          ({f.expectation}, {file}:{f.line}:{f.column})
        </span>
      </p>
      {(f.expected || f.got) && (
        <div className="tests-values">
          <div>
            <div className="muted">Expected</div>
            <pre data-testid="tests-expected">{f.expected || "—"}</pre>
          </div>
          <div>
            <div className="muted">Got</div>
            <pre data-testid="tests-got">{f.got || "—"}</pre>
          </div>
        </div>
      )}
      {f.diff.length > 0 && (
        <pre className="tests-diff" data-testid="tests-diff">
          {f.diff.join("\n")}
        </pre>
      )}
    </div>
  );
}
