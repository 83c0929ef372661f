import { isObj, type Obj } from "../../document/machine";
import { setWorkflowValue } from "../edits";
import { specOf } from "../fields";
import { useForm } from "../context";
import { Field } from "../controls/Field";
import { SelectInput, opts } from "../controls/SelectInput";
import { SpecField } from "../controls/SpecField";
import { Section } from "../Section";
import { fieldDoc } from "../../code/fieldDoc";

/** The workflow as a whole, shown when no state is selected. */
export function MachineForm({ machine }: { machine: Obj }) {
  const { run } = useForm();
  const states = isObj(machine.States) ? Object.keys(machine.States) : [];
  const set = (field: string, label: string) => (v: unknown) => run(v === undefined ? `Clear ${label}` : `Set ${label}`, setWorkflowValue(field, v));
  return (
    <Section title="Workflow" testId="section-machine">
      <SpecField spec={specOf("Machine", "Comment", "Comment", "text", { multiline: true })} value={machine.Comment} write={set("Comment", "workflow comment")} />
      <Field pointer="/StartAt" label="Starts at" help={fieldDoc("Machine", "StartAt")}>
        <SelectInput label="Starts at" value={typeof machine.StartAt === "string" ? machine.StartAt : ""} options={opts(states)} onChange={(v) => set("StartAt", "start")(v)} testId="machine-startat" />
      </Field>
      <Field pointer="/QueryLanguage" label="Query language" help={fieldDoc("Machine", "QueryLanguage")}>
        <SelectInput
          label="Query language"
          value={typeof machine.QueryLanguage === "string" ? machine.QueryLanguage : ""}
          options={[
            { value: "", label: "JSONPath (the default)" },
            { value: "JSONPath", label: "JSONPath" },
            { value: "JSONata", label: "JSONata" },
          ]}
          onChange={(v) => set("QueryLanguage", "query language")(v || undefined)}
          testId="machine-ql"
        />
      </Field>
      <SpecField
        spec={specOf("Machine", "TimeoutSeconds", "Timeout (seconds)", "int", { min: 1, max: 99999999 })}
        value={machine.TimeoutSeconds}
        write={set("TimeoutSeconds", "workflow timeout")}
      />
      <SpecField spec={specOf("Machine", "Version", "ASL version", "text", { placeholder: "1.0" })} value={machine.Version} write={set("Version", "ASL version")} />
    </Section>
  );
}
