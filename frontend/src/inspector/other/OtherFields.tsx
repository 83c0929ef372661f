import type { Obj } from "../../document/machine";
import { otherKeys } from "../fields";
import { ptr, useForm } from "../context";
import { setValue } from "../edits";
import { Field } from "../controls/Field";
import { Section } from "../Section";
import { fieldDoc } from "../../code/fieldDoc";

/**
 * Fields of the state that no form shows (another query language's, or
 * ones the studio does not know): listed as they are, never rewritten,
 * with their problems and a way to remove them.
 */
export function OtherFields({ state }: { state: Obj }) {
  const { id, run, lang } = useForm();
  const keys = otherKeys(state, lang);
  if (keys.length === 0) return null;
  return (
    <Section title="Other fields" testId="section-other">
      <p className="ifield-help">Kept as written. Edit them in the code.</p>
      {keys.map((k) => (
        <Field key={k} pointer={ptr(k)} label={k} help={fieldDoc(String(state.Type), k) || undefined}>
          <div className="iother">
            <code className="iother-value">{preview(state[k])}</code>
            <button type="button" className="ibutton-small" aria-label={`Remove ${k}`} onClick={() => run(`Remove ${k}`, setValue(id, ptr(k), undefined))}>
              Remove
            </button>
          </div>
        </Field>
      ))}
    </Section>
  );
}

function preview(v: unknown): string {
  const s = JSON.stringify(v);
  return s.length > 80 ? s.slice(0, 77) + "…" : s;
}
