import type { ReactNode } from "react";
import { useForm } from "../context";

interface Props {
  /** The value's pointer relative to the state: where problems land and focus goes. */
  pointer: string;
  label: string;
  help?: string;
  /** What is wrong with what was typed (not yet written). */
  error?: string | null;
  children: ReactNode;
  /** The id of the input, so the label is clickable and read aloud with it. */
  htmlFor?: string;
  /** The ASL field name, shown beside the plain label for developers. */
  asl?: string;
}

/** One labelled form field with its help, its input error and the validator's problems. */
export function Field({ pointer, label, help, error, children, htmlFor, asl }: Props) {
  const { problems } = useForm();
  const diags = problems(pointer);
  const bad = !!error || diags.some((d) => d.severity === "ERROR");
  return (
    <div className={`ifield${bad ? " has-error" : diags.length ? " has-warning" : ""}`} data-field={pointer}>
      <label className="ifield-label" htmlFor={htmlFor} title={help}>
        {label}
        {asl && asl !== label && <code className="ifield-asl">{asl}</code>}
      </label>
      {children}
      {error && (
        <div className="ifield-error" role="alert">
          {error}
        </div>
      )}
      {diags.map((d, i) => (
        <div key={i} className={`ifield-problem ${d.severity.toLowerCase()}`} data-testid="field-problem">
          {d.message}
        </div>
      ))}
      {help && !error && diags.length === 0 && <div className="ifield-help">{help}</div>}
    </div>
  );
}

let seq = 0;
/** A stable unique id for label/input pairs. */
export function newId(prefix: string): string {
  return `${prefix}-${++seq}`;
}
