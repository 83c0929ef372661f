import { useCoverage } from "./coverageContext";

/** The coverage overlay's key, drawn on the canvas while the overlay is. */
export function CoverageLegend() {
  const c = useCoverage();
  if (!c) return null;
  return (
    <div className="coverage-legend" data-testid="coverage-legend" aria-label="Test coverage">
      <strong data-testid="coverage-summary">{c.summary}</strong>
      <div>
        <span className="cov-key covered" /> reached by a scenario
      </div>
      <div>
        <span className="cov-key uncovered" /> never reached
      </div>
      {c.unlisted.length > 0 && (
        <ul>
          {c.unlisted.slice(0, 8).map((u) => (
            <li key={u}>{u}</li>
          ))}
          {c.unlisted.length > 8 && <li>… and {c.unlisted.length - 8} more</li>}
        </ul>
      )}
    </div>
  );
}
