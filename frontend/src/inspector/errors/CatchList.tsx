import type { Obj } from "../../document/machine";
import { patchField } from "../../document/commands/patch";
import { fieldSpecs, specOf, statesErrors } from "../fields";
import { addCatch, removeEntry } from "../edits";
import { ptr, useForm } from "../context";
import { Field } from "../controls/Field";
import { FieldProblems } from "../controls/FieldProblems";
import { Chips } from "../controls/Chips";
import { SpecField } from "../controls/SpecField";
import { SelectInput, opts } from "../controls/SelectInput";
import { fieldDoc } from "../../code/fieldDoc";

/** The Catch list: which errors go where, with what. */
export function CatchList({ state }: { state: Obj }) {
  const { id, run, lang, targets } = useForm();
  const list = Array.isArray(state.Catch) ? (state.Catch as Obj[]) : [];
  const add = () => {
    if (targets.length > 0) run("Add catcher", addCatch(id, targets[0]));
  };
  return (
    <div className="ilist" data-field="/Catch" data-testid="catch-list">
      <div className="ilist-head">
        <span>Catch</span>
        <button type="button" className="ibutton" data-testid="add-catch" onClick={add} disabled={targets.length === 0}>
          + Add catcher
        </button>
      </div>
      <FieldProblems pointer="/Catch" />
      {list.length === 0 && <p className="ifield-help">No catchers: an error that retries do not fix fails the workflow.</p>}
      {list.map((c, i) => (
        <div className="icard" key={i} data-field={ptr("Catch", i)} data-testid="catcher">
          <div className="icard-head">
            <span>Catcher {i + 1}</span>
            <button type="button" className="ibutton-icon" aria-label={`Remove catcher ${i + 1}`} onClick={() => run("Remove catcher", removeEntry(id, "Catch", i))}>
              ×
            </button>
          </div>
          <FieldProblems pointer={ptr("Catch", i)} />
          <Field pointer={ptr("Catch", i, "ErrorEquals")} label="Errors" help={fieldDoc("Catcher", "ErrorEquals")}>
            <Chips
              label={`errors of catcher ${i + 1}`}
              values={Array.isArray(c.ErrorEquals) ? (c.ErrorEquals as string[]) : []}
              suggestions={statesErrors}
              onChange={(v) => run("Set catcher errors", patchField(id, ptr("Catch", i, "ErrorEquals"), v))}
            />
          </Field>
          <Field pointer={ptr("Catch", i, "Next")} label="Then go to" help={fieldDoc("Catcher", "Next")}>
            <SelectInput
              label={`Next step of catcher ${i + 1}`}
              value={typeof c.Next === "string" ? c.Next : ""}
              options={opts(targets)}
              onChange={(v) => run("Set catcher target", patchField(id, ptr("Catch", i, "Next"), v))}
            />
          </Field>
          {lang === "JSONPath" ? (
            <SpecField spec={specOf("Catcher", "ResultPath", fieldSpecs.ResultPath.label, "path", { nullable: true, placeholder: "$" })} value={c.ResultPath} at={["Catch", i, "ResultPath"]} after="ErrorEquals" />
          ) : (
            <SpecField spec={specOf("Catcher", "Output", fieldSpecs.Output.label, "json")} value={c.Output} at={["Catch", i, "Output"]} after="ErrorEquals" />
          )}
          <SpecField spec={specOf("Catcher", "Assign", fieldSpecs.Assign.label, "json")} value={c.Assign} at={["Catch", i, "Assign"]} after="ErrorEquals" />
        </div>
      ))}
    </div>
  );
}
