import type { Obj } from "../../document/machine";
import { specOf, type FieldSpec } from "../fields";
import { useForm } from "../context";
import { SpecField } from "../controls/SpecField";
import { Section } from "../Section";

/** A Fail: the error name and cause it ends with, fixed or read from the input. */
export function FailForm({ state }: { state: Obj }) {
  const { lang } = useForm();
  const specs: FieldSpec[] = [
    specOf("Fail", "Error", "Error", "text"),
    specOf("Fail", "Cause", "Cause", "text"),
  ];
  if (lang === "JSONPath")
    specs.push(
      specOf("Fail", "ErrorPath", "Error from path", "path"),
      specOf("Fail", "CausePath", "Cause from path", "path"),
    );
  return (
    <Section title="Fail" testId="section-fail">
      {specs.map((s) => (
        <SpecField key={s.key} spec={s} value={state[s.key]} after="Type" />
      ))}
    </Section>
  );
}
