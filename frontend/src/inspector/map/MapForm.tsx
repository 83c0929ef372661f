import type { Obj } from "../../document/machine";
import { isObj } from "../../document/machine";
import { setProcessorConfig } from "../edits";
import type { FieldSpec } from "../fields";
import { useForm } from "../context";
import { Field } from "../controls/Field";
import { SelectInput, opts } from "../controls/SelectInput";
import { SpecField } from "../controls/SpecField";
import { Section } from "../Section";
import { ItemBatcherForm, ItemReaderForm, ResultWriterForm } from "./S3Forms";

/** A Map: which items, how each is prepared, how many at once, how many may fail, and how it runs. */
export function MapForm({ state }: { state: Obj }) {
  const { id, run, lang } = useForm();
  const ex = lang === "JSONata";
  const proc = isObj(state.ItemProcessor) ? state.ItemProcessor : undefined;
  const config = proc && isObj(proc.ProcessorConfig) ? proc.ProcessorConfig : {};
  const mode = typeof config.Mode === "string" ? config.Mode : "INLINE";
  const setConfig = (key: string, value: unknown, label: string) => run(label, setProcessorConfig(id, state, key, value));
  const s = (key: string, label: string, kind: FieldSpec["kind"], help: string, more: Partial<FieldSpec> = {}): FieldSpec => ({ key, label, kind, help, ...more });
  const specs: FieldSpec[] = [
    ex
      ? s("Items", "Items", "json", "The list to go through: a JSON array or a {% %} expression.")
      : s("ItemsPath", "Items path", "path", "Where the list is in the input.", { placeholder: "$" }),
    s("ItemSelector", "Item selector", "json", "What each item's run receives (defaults to the item)."),
    s("MaxConcurrency", "Max concurrency", "int", "Items run at once; 0 means as many as possible.", { min: 0, expression: ex }),
    s("ToleratedFailurePercentage", "Tolerated failures (%)", "number", "Failed items allowed, as a percentage.", { min: 0, max: 100, expression: ex }),
    s("ToleratedFailureCount", "Tolerated failures (count)", "int", "Failed items allowed.", { min: 0, expression: ex }),
  ];
  if (!ex)
    specs.push(
      s("MaxConcurrencyPath", "Max concurrency from path", "path", "Reads the limit from the input."),
      s("ToleratedFailurePercentagePath", "Tolerated % from path", "path", "Reads the percentage from the input."),
      s("ToleratedFailureCountPath", "Tolerated count from path", "path", "Reads the count from the input."),
    );
  specs.push(s("Label", "Label", "text", "A name for the child runs (distributed mode)."));
  const distributed = mode === "DISTRIBUTED";
  return (
    <>
      <Section title="Map" testId="section-map">
        {specs.map((sp) => (
          <SpecField key={sp.key} spec={sp} value={state[sp.key]} after="Type" />
        ))}
        {proc ? (
          <>
            <Field pointer="/ItemProcessor/ProcessorConfig/Mode" label="Processor mode" help="INLINE runs items inside this execution; DISTRIBUTED starts child executions.">
              <SelectInput label="Processor mode" value={mode} options={opts(["INLINE", "DISTRIBUTED"])} onChange={(v) => setConfig("Mode", v, `Map mode ${v}`)} testId="map-mode" />
            </Field>
            {mode === "DISTRIBUTED" && (
              <Field pointer="/ItemProcessor/ProcessorConfig/ExecutionType" label="Child execution type">
                <SelectInput
                  label="Child execution type"
                  value={typeof config.ExecutionType === "string" ? config.ExecutionType : ""}
                  options={[{ value: "", label: "—" }, ...opts(["STANDARD", "EXPRESS"])]}
                  onChange={(v) => setConfig("ExecutionType", v || undefined, "Set execution type")}
                />
              </Field>
            )}
          </>
        ) : (
          <p className="ifield-help">This Map uses the older Iterator field; its processor is always inline.</p>
        )}
      </Section>
      <ItemReaderForm state={state} />
      {(distributed || "ItemBatcher" in state) && <ItemBatcherForm state={state} />}
      {(distributed || "ResultWriter" in state) && <ResultWriterForm state={state} />}
    </>
  );
}
