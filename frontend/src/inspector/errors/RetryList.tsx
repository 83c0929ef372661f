import type { Obj } from "../../document/machine";
import { patchField } from "../../document/commands/patch";
import { specOf, statesErrors, type FieldSpec } from "../fields";
import { addRetry, removeEntry } from "../edits";
import { ptr, useForm } from "../context";
import { Field } from "../controls/Field";
import { FieldProblems } from "../controls/FieldProblems";
import { Chips } from "../controls/Chips";
import { SpecField } from "../controls/SpecField";
import { fieldDoc } from "../../code/fieldDoc";

export const retrierSpecs: FieldSpec[] = [
  specOf("Retrier", "IntervalSeconds", "First wait (seconds)", "int", { min: 1, max: 99999999 }),
  specOf("Retrier", "MaxAttempts", "Max attempts", "int", { min: 0, max: 99999999 }),
  specOf("Retrier", "BackoffRate", "Backoff rate", "number", { min: 1 }),
  specOf("Retrier", "MaxDelaySeconds", "Longest wait (seconds)", "int", { min: 1, max: 31622400 }),
  specOf("Retrier", "JitterStrategy", "Jitter", "enum", { options: ["FULL", "NONE"] }),
];

/** The Retry list: one card per retrier, in the order ASL tries them. */
export function RetryList({ state }: { state: Obj }) {
  const { id, run } = useForm();
  const list = Array.isArray(state.Retry) ? (state.Retry as Obj[]) : [];
  return (
    <div className="ilist" data-field="/Retry" data-testid="retry-list">
      <div className="ilist-head">
        <span>Retry</span>
        <button type="button" className="ibutton" data-testid="add-retry" onClick={() => run("Add retry", addRetry(id, state))}>
          + Add retry
        </button>
      </div>
      <FieldProblems pointer="/Retry" />
      {list.length === 0 && <p className="ifield-help">No retries: errors go straight to Catch.</p>}
      {list.map((r, i) => (
        <div className="icard" key={i} data-field={ptr("Retry", i)} data-testid="retrier">
          <div className="icard-head">
            <span>Retry {i + 1}</span>
            <button type="button" className="ibutton-icon" aria-label={`Remove retry ${i + 1}`} onClick={() => run("Remove retry", removeEntry(id, "Retry", i))}>
              ×
            </button>
          </div>
          <FieldProblems pointer={ptr("Retry", i)} />
          <Field pointer={ptr("Retry", i, "ErrorEquals")} label="Errors" help={fieldDoc("Retrier", "ErrorEquals")}>
            <Chips
              label={`errors of retry ${i + 1}`}
              values={Array.isArray(r.ErrorEquals) ? (r.ErrorEquals as string[]) : []}
              suggestions={statesErrors}
              onChange={(v) => run("Set retry errors", patchField(id, ptr("Retry", i, "ErrorEquals"), v))}
            />
          </Field>
          {retrierSpecs.map((s) => (
            <SpecField key={s.key} spec={s} value={r[s.key]} at={["Retry", i, s.key]} />
          ))}
        </div>
      ))}
    </div>
  );
}
