import type { Obj } from "../../document/machine";
import { fieldSpecs, taskParameters, timingSpecs } from "../fields";
import { useForm } from "../context";
import { SpecField } from "../controls/SpecField";

/** A Task's integration: what it calls, with which parameters, for how long. */
export function TaskForm({ state }: { state: Obj }) {
  const { lang } = useForm();
  const params = taskParameters(lang);
  const paramSpec = { ...fieldSpecs[params], label: lang === "JSONata" ? "Arguments" : "Parameters" };
  return (
    <>
      <SpecField spec={fieldSpecs.Resource} value={state.Resource} after="Type" />
      <SpecField spec={paramSpec} value={state[params]} after="Resource" />
      {timingSpecs(lang).map((s) => (
        <SpecField key={s.key} spec={s} value={state[s.key]} after={params in state ? params : "Resource"} />
      ))}
    </>
  );
}
