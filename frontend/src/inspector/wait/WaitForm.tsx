import { useState } from "react";
import type { Obj } from "../../document/machine";
import { specOf, waitModeOf, waitModesFor, type FieldSpec, type WaitMode } from "../fields";
import { useForm } from "../context";
import { Field } from "../controls/Field";
import { SelectInput } from "../controls/SelectInput";
import { SpecField } from "../controls/SpecField";
import { Section } from "../Section";
import { isExpression } from "../values";
import { setValue, switchWait } from "../edits";

const modeLabels: Record<WaitMode, string> = {
  Seconds: "A number of seconds",
  Timestamp: "Until a time",
  SecondsPath: "Seconds read from the input",
  TimestampPath: "Until a time read from the input",
};

/** A Wait: exactly one of Seconds, Timestamp, SecondsPath, TimestampPath. */
export function WaitForm({ state }: { state: Obj }) {
  const { id, run, lang } = useForm();
  const mode = waitModeOf(state, lang);
  const [tsError, setTsError] = useState<string | null>(null);
  const switchTo = (m: WaitMode) => {
    if (m !== mode) run(`Wait: ${modeLabels[m].toLowerCase()}`, switchWait(id, state, mode, m));
  };
  const spec: FieldSpec =
    mode === "Seconds"
      ? specOf("Wait", "Seconds", "Seconds", "int", { min: 0, max: 99999999, expression: lang === "JSONata" })
      : mode === "Timestamp"
        ? specOf("Wait", "Timestamp", "Until", "text")
        : specOf("Wait", mode, "Path", "path");
  return (
    <Section title="Wait" testId="section-wait">
      <Field pointer="" label="Wait for">
        <SelectInput label="Wait for" value={mode} options={waitModesFor(lang).map((m) => ({ value: m, label: modeLabels[m] }))} onChange={(v) => switchTo(v as WaitMode)} testId="wait-mode" />
      </Field>
      <SpecField
        spec={spec}
        value={state[mode]}
        after="Type"
        write={
          mode === "Timestamp"
            ? (v) => {
                if (typeof v === "string" && !isExpression(v) && Number.isNaN(Date.parse(v))) {
                  setTsError("Enter a time like 2026-01-31T12:00:00Z.");
                  return false;
                }
                setTsError(null);
                run("Set Timestamp", setValue(id, "/Timestamp", v, "Type"));
              }
            : undefined
        }
      />
      {tsError && <div className="ifield-error" role="alert">{tsError}</div>}
    </Section>
  );
}
