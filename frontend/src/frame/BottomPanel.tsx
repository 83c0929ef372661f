interface Props {
  problems: string[];
}

export function BottomPanel({ problems }: Props) {
  return (
    <section className="panel bottom" aria-label="Problems">
      <div className="tabs">
        <span className="tab active">
          Problems <span className="count" data-testid="problem-count">{problems.length}</span>
        </span>
      </div>
      <ul className="problems">
        {problems.length === 0 && <li className="muted">No problems found.</li>}
        {problems.map((p, i) => (
          <li key={i} className="problem error">{p}</li>
        ))}
      </ul>
    </section>
  );
}
