import type { Obj } from "../../document/machine";
import { isObj } from "../../document/machine";
import { setProcessorConfig } from "../edits";
import { specOf, type FieldSpec, type Lang } from "../fields";
import { useForm } from "../context";
import { Field } from "../controls/Field";
import { SelectInput, opts } from "../controls/SelectInput";
import { SpecField } from "../controls/SpecField";
import { Section } from "../Section";
import { ItemBatcherForm, ItemReaderForm, ResultWriterForm } from "./S3Forms";
import { fieldDoc } from "../../code/fieldDoc";

/** The Map's own fields the form shows, in a language. */
export function mapSpecs(lang: Lang): FieldSpec[] {
  const ex = lang === "JSONata";
  const s = (key: string, label: string, kind: FieldSpec["kind"], more: Partial<FieldSpec> = {}): FieldSpec => specOf("Map", key, label, kind, more);
  const specs: FieldSpec[] = [
    ex ? s("Items", "Items", "json") : s("ItemsPath", "Items path", "path", { placeholder: "$" }),
    s("ItemSelector", "Item selector", "json"),
    s("MaxConcurrency", "Max concurrency", "int", { min: 0, expression: ex }),
    s("ToleratedFailurePercentage", "Tolerated failures (%)", "number", { min: 0, max: 100, expression: ex }),
    s("ToleratedFailureCount", "Tolerated failures (count)", "int", { min: 0, expression: ex }),
  ];
  if (!ex)
    specs.push(
      s("MaxConcurrencyPath", "Max concurrency from path", "path"),
      s("ToleratedFailurePercentagePath", "Tolerated % from path", "path"),
      s("ToleratedFailureCountPath", "Tolerated count from path", "path"),
    );
  specs.push(s("Label", "Label", "text"));
  return specs;
}

/** A Map: which items, how each is prepared, how many at once, how many may fail, and how it runs. */
export function MapForm({ state }: { state: Obj }) {
  const { id, run, lang } = useForm();
  const proc = isObj(state.ItemProcessor) ? state.ItemProcessor : undefined;
  const config = proc && isObj(proc.ProcessorConfig) ? proc.ProcessorConfig : {};
  const mode = typeof config.Mode === "string" ? config.Mode : "INLINE";
  const setConfig = (key: string, value: unknown, label: string) => run(label, setProcessorConfig(id, state, key, value));
  const specs = mapSpecs(lang);
  const distributed = mode === "DISTRIBUTED";
  return (
    <>
      <Section title="Map" testId="section-map">
        {specs.map((sp) => (
          <SpecField key={sp.key} spec={sp} value={state[sp.key]} after="Type" />
        ))}
        {proc ? (
          <>
            <Field pointer="/ItemProcessor/ProcessorConfig/Mode" label="Processor mode" help={fieldDoc("ProcessorConfig", "Mode")}>
              <SelectInput label="Processor mode" value={mode} options={opts(["INLINE", "DISTRIBUTED"])} onChange={(v) => setConfig("Mode", v, `Map mode ${v}`)} testId="map-mode" />
            </Field>
            {mode === "DISTRIBUTED" && (
              <Field pointer="/ItemProcessor/ProcessorConfig/ExecutionType" label="Child execution type" help={fieldDoc("ProcessorConfig", "ExecutionType")}>
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
