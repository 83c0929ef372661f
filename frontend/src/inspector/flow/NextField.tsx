import { useState } from "react";
import type { Obj } from "../../document/machine";
import { setNext } from "../../document/commands/flow";
import { useForm } from "../context";
import { Field, newId } from "../controls/Field";
import { SelectInput, opts } from "../controls/SelectInput";
import { fieldDoc } from "../../code/fieldDoc";

/** The picker's value for End: no state name can be it (names are printable). */
const end = "\u0000end";

/**
 * "Then go to": where a step goes when it is done, picked by name, or
 * "End here". For every type that leaves by Next or End (Task, Pass, Wait,
 * Map, Parallel); a choice that would cut steps off asks first.
 */
export function NextField({ state }: { state: Obj }) {
  const { id, run, targets } = useForm();
  const [inputId] = useState(() => newId("next"));
  const inside = id.split("/States/").length > 2;
  const value = typeof state.Next === "string" ? state.Next : state.End === true ? end : "";
  return (
    <Field pointer="/Next" label="Then go to" htmlFor={inputId} help={fieldDoc("Task", "Next")}>
      <SelectInput
        id={inputId}
        value={value}
        options={[{ value: end, label: inside ? "End here (this branch or loop ends)" : "End here (the workflow ends)" }, ...opts(targets)]}
        onChange={(v) => run(v === end ? "End here" : "Set next step", setNext(id, v === end ? null : v))}
        testId="field-next"
      />
    </Field>
  );
}
