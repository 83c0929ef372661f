interface Props {
  id?: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
  testId?: string;
  label?: string;
}

/** A native select: keyboard and screen readers work as people expect. */
export function SelectInput({ id, value, options, onChange, testId, label }: Props) {
  const known = options.some((o) => o.value === value);
  return (
    <select id={id} className="iinput" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} aria-label={label}>
      {!known && <option value={value}>{value || "—"}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** Options from plain strings. */
export function opts(values: string[]): { value: string; label: string }[] {
  return values.map((v) => ({ value: v, label: v }));
}
