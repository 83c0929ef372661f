import type { SubstitutionRow } from "./exportForm";
import { kindLabel } from "./exportForm";

interface Props {
  rows: SubstitutionRow[];
  problems: Map<number, string>;
  onChange: (i: number, patch: Partial<SubstitutionRow>) => void;
}

/** The substitutions offered for an export: use it or not, and its name. */
export function SubstitutionTable({ rows, problems, onChange }: Props) {
  return (
    <table className="iac-subs-table">
      <thead>
        <tr>
          <th scope="col">Use</th>
          <th scope="col">Name</th>
          <th scope="col">Value in the definition</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.candidate.value + r.candidate.name} data-testid="iac-sub-row">
            <td>
              <input
                type="checkbox"
                aria-label={`Substitute ${r.candidate.value || r.candidate.name}`}
                checked={r.enabled}
                disabled={r.candidate.kind === "placeholder"}
                onChange={(e) => onChange(i, { enabled: e.target.checked })}
              />
            </td>
            <td>
              <input
                className={problems.has(i) ? "invalid" : ""}
                aria-label={`Name for ${r.candidate.value || r.candidate.name}`}
                aria-invalid={problems.has(i)}
                value={r.name}
                data-testid="iac-sub-name"
                disabled={!r.enabled || r.candidate.kind === "placeholder"}
                onChange={(e) => onChange(i, { name: e.target.value })}
              />
              {problems.has(i) && <div className="iac-field-error">{problems.get(i)}</div>}
            </td>
            <td className="iac-sub-value" title={r.candidate.uses.join("\n")}>
              <span className="iac-kind">{kindLabel(r.candidate.kind)}</span> {r.candidate.value || "supplied by the template"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
