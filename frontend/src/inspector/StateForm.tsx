import { useState, type ReactNode } from "react";
import type { Obj } from "../document/machine";
import { nameProblem } from "../document/commands/rename";
import { patchField } from "../document/commands/patch";
import { StateIcon } from "../canvas/StateIcon";
import { stateKind, type FormPart } from "../states/registry";
import { fieldSpecs } from "./fields";
import { useForm } from "./context";
import { Field, newId } from "./controls/Field";
import { SelectInput } from "./controls/SelectInput";
import { SpecField } from "./controls/SpecField";
import { TextInput } from "./controls/TextInput";
import { Section } from "./Section";
import { TaskForm } from "./task/TaskForm";
import { ChoiceForm } from "./choice/ChoiceForm";
import { WaitForm } from "./wait/WaitForm";
import { MapForm } from "./map/MapForm";
import { ParallelForm } from "./parallel/ParallelForm";
import { PassForm } from "./pass/PassForm";
import { FailForm } from "./fail/FailForm";
import { InputOutput } from "./io/InputOutput";
import { ErrorHandling } from "./errors/ErrorHandling";
import { OtherFields } from "./other/OtherFields";
import { NextField } from "./flow/NextField";
import { fieldDoc } from "../code/fieldDoc";

/** The form of each part the registry names. */
const forms: Record<FormPart, (p: { state: Obj }) => ReactNode> = {
  task: TaskForm,
  choice: ChoiceForm,
  wait: WaitForm,
  map: MapForm,
  parallel: ParallelForm,
  pass: PassForm,
  fail: FailForm,
};

interface Props {
  name: string;
  state: Obj;
  doc: unknown;
  /** The machine's own query language, for the "inherit" option. */
  machineLang: string;
  onRename(name: string): boolean;
  /** The description for readers (the notes'), shown under the name. */
  description?: ReactNode;
  /** Buttons at the right of the state's header (Test this state). */
  actions?: ReactNode;
}

/** Every field of the selected state, grouped as people think of them. */
export function StateForm({ name, state, doc, machineLang, onRename, description, actions }: Props) {
  const { id, run } = useForm();
  const type = String(state.Type ?? "");
  const kind = stateKind(type);
  const ConfigForm = kind.inspector.configuration && forms[kind.inspector.configuration];
  const OwnForm = kind.inspector.section && forms[kind.inspector.section];
  const [nameError, setNameError] = useState<string | null>(null);
  const [ids] = useState(() => ({ name: newId("name"), ql: newId("ql") }));
  return (
    <div className="iform" data-testid="state-form" data-type={type}>
      <div className="inspector-head">
        <StateIcon type={type} />
        <div>
          <div className="inspector-name">{name}</div>
          <div className="inspector-type" title={kind.description}>
            {type} state
          </div>
        </div>
        {actions && <div className="inspector-actions">{actions}</div>}
      </div>
      {description}
      <Section title="Configuration" testId="section-config">
        <Field pointer="" label="Name" help="References to this step follow a rename." error={nameError} htmlFor={ids.name}>
          <TextInput
            id={ids.name}
            kind="text"
            value={name}
            testId="field-name"
            onError={setNameError}
            onCommit={(v) => {
              const next = String(v ?? "").trim();
              const problem = nameProblem(doc, name, next);
              if (problem) {
                setNameError(problem);
                return false;
              }
              if (!onRename(next)) return false;
            }}
          />
        </Field>
        {kind.exit === "next" && <NextField state={state} />}
        <SpecField spec={fieldSpecs.Comment} value={state.Comment} after="Type" />
        <Field pointer="/QueryLanguage" label="Query language" htmlFor={ids.ql} help={fieldDoc("Task", "QueryLanguage")}>
          <SelectInput
            id={ids.ql}
            value={typeof state.QueryLanguage === "string" ? state.QueryLanguage : ""}
            options={[
              { value: "", label: `As the workflow (${machineLang})` },
              { value: "JSONPath", label: "JSONPath" },
              { value: "JSONata", label: "JSONata" },
            ]}
            onChange={(v) => run(v ? `Query language ${v}` : "Clear query language", patchField(id, "/QueryLanguage", v || undefined, { after: "Type" }))}
            testId="field-QueryLanguage"
          />
        </Field>
        {ConfigForm && <ConfigForm state={state} />}
      </Section>
      {OwnForm && <OwnForm state={state} />}
      <InputOutput state={state} />
      <ErrorHandling state={state} />
      <OtherFields state={state} />
    </div>
  );
}
