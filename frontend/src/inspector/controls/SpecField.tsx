import { useState } from "react";
import { setValue } from "../edits";
import type { FieldSpec } from "../fields";
import { ptr, useForm } from "../context";
import { Field, newId } from "./Field";
import { TextInput } from "./TextInput";
import { JsonEditor } from "./JsonEditor";
import { SelectInput, opts } from "./SelectInput";

interface Props {
  spec: FieldSpec;
  /** The value in the document (undefined when absent). */
  value: unknown;
  /** Where the value sits under the state; ["Key"] by default. */
  at?: (string | number)[];
  /** Where an absent key is added (after this sibling). */
  after?: string;
  /** Writes the value instead of the default patch at `at` (a field nested in objects that may be missing). */
  write?: (value: unknown) => void | boolean;
}

/** A field of the selected state, written through patchField (cleared = removed). */
export function SpecField({ spec, value, at, after, write }: Props) {
  const { id, run } = useForm();
  const [error, setError] = useState<string | null>(null);
  const [inputId] = useState(() => newId("f"));
  const path = at ?? [spec.key];
  const pointer = ptr(...path);
  const commit = (v: unknown): void | boolean => {
    if (write) return write(v);
    return run(v === undefined ? `Clear ${spec.label}` : `Set ${spec.label}`, setValue(id, pointer, v, after));
  };
  const testId = `field-${path.join(".")}`;
  return (
    <Field pointer={pointer} label={spec.label} asl={spec.asl} help={spec.help} error={error} htmlFor={inputId}>
      {spec.kind === "json" ? (
        <JsonEditor id={inputId} value={value} onCommit={commit} onError={setError} testId={testId} label={spec.label} />
      ) : spec.kind === "enum" ? (
        <SelectInput
          id={inputId}
          value={value === undefined ? "" : String(value)}
          options={[{ value: "", label: "—" }, ...opts(spec.options ?? [])]}
          onChange={(v) => commit(v === "" ? undefined : v)}
          testId={testId}
        />
      ) : (
        <TextInput id={inputId} kind={spec.kind} value={value} limits={spec} placeholder={spec.placeholder} onCommit={commit} onError={setError} testId={testId} multiline={spec.multiline} />
      )}
    </Field>
  );
}
