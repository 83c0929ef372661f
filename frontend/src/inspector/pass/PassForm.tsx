import type { Obj } from "../../document/machine";
import { fieldSpecs } from "../fields";
import { useForm } from "../context";
import { SpecField } from "../controls/SpecField";
import { Section } from "../Section";

/** A Pass: in JSONPath it may pass a fixed Result; in JSONata its Output does that. */
export function PassForm({ state }: { state: Obj }) {
  const { lang } = useForm();
  if (lang === "JSONata") return null;
  return (
    <Section title="Pass" testId="section-pass">
      <SpecField spec={fieldSpecs.Result} value={state.Result} after="Type" />
    </Section>
  );
}
