import type { Diagnostic } from "../backend/studio";

interface Props {
  problems: Diagnostic[];
  onPick: (d: Diagnostic) => void;
}

/** The problems list: every diagnostic, in text order; click to locate. */
export function BottomPanel({ problems, onPick }: Props) {
  const errors = problems.filter((p) => p.severity === "ERROR").length;
  return (
    <section className="panel bottom" aria-label="Problems">
      <div className="tabs">
        <span className="tab active">
          Problems{" "}
          <span className={`count${errors ? " has-errors" : ""}`} data-testid="problem-count">
            {problems.length}
          </span>
        </span>
      </div>
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
    </section>
  );
}
