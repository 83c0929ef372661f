import type { Obj } from "../../document/machine";
import { beforeExit, fieldSpecs } from "../fields";
import { stateKind } from "../../states/registry";
import { useForm } from "../context";
import { SpecField } from "../controls/SpecField";
import { Section } from "../Section";
import { AssignRows } from "./AssignRows";

/** How the state shapes its input and output, in its query language. */
export function InputOutput({ state }: { state: Obj }) {
  const { lang } = useForm();
  const keys = stateKind(state.Type).io[lang];
  if (keys.length === 0) return null;
  return (
    <Section title={`Input and output (${lang})`} testId="section-io">
      {keys.map((k) =>
        k === "Assign" ? (
          <AssignRows key={k} state={state} />
        ) : (
          <SpecField key={k} spec={fieldSpecs[k as keyof typeof fieldSpecs]} value={state[k]} after={beforeExit(state)} />
        ),
      )}
    </Section>
  );
}
