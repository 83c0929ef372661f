import type { Obj } from "../../document/machine";
import type { FieldSpec } from "../fields";
import { useForm } from "../context";
import { SpecField } from "../controls/SpecField";
import { Section } from "../Section";

/** A Fail: the error name and cause it ends with, fixed or read from the input. */
export function FailForm({ state }: { state: Obj }) {
  const { lang } = useForm();
  const specs: FieldSpec[] = [
    { key: "Error", label: "Error", kind: "text", help: lang === "JSONata" ? "A name such as OrderInvalid, or a {% %} expression." : "A name such as OrderInvalid." },
    { key: "Cause", label: "Cause", kind: "text", help: "A sentence saying what went wrong." },
  ];
  if (lang === "JSONPath")
    specs.push(
      { key: "ErrorPath", label: "Error from path", kind: "path", help: "Reads the error from the input (instead of Error)." },
      { key: "CausePath", label: "Cause from path", kind: "path", help: "Reads the cause from the input (instead of Cause)." },
    );
  return (
    <Section title="Fail" testId="section-fail">
      {specs.map((s) => (
        <SpecField key={s.key} spec={s} value={state[s.key]} after="Type" />
      ))}
    </Section>
  );
}
