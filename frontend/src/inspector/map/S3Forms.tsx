import { useState, type ReactNode } from "react";
import { isObj, type Obj } from "../../document/machine";
import { setMapPart, setReaderKind } from "../edits";
import { specOf, type FieldSpec } from "../fields";
import { useForm } from "../context";
import { Field } from "../controls/Field";
import { SelectInput } from "../controls/SelectInput";
import { SpecField } from "../controls/SpecField";
import { Section } from "../Section";
import {
  argsKey,
  csvDelimiters,
  csvHeaderLocations,
  extraKeys,
  parseHeaders,
  readerChoices,
  readerKindOf,
  readerKnown,
  writerOutputTypes,
  writerTransformations,
  type ReaderKind,
} from "./s3";
import { fieldDoc } from "../../code/fieldDoc";

type Part = "ItemReader" | "ItemBatcher" | "ResultWriter";

const json = (key: Part, label: string): FieldSpec => specOf("Map", key, label, "json", { asl: key });

/** A section with a "JSON" switch for developers: the form, or the part as one JSON editor. */
function PartSection({ title, part, state, testId, children }: { title: string; part: Part; state: Obj; testId: string; children: ReactNode }) {
  const [raw, setRaw] = useState(false);
  return (
    <Section title={title} testId={testId}>
      <div className="isection-tools">
        <button type="button" className="ibutton-small" aria-pressed={raw} onClick={() => setRaw(!raw)} data-testid={`${testId}-raw`}>
          {raw ? "Show as form" : "Edit as JSON"}
        </button>
      </div>
      {raw ? <SpecField spec={json(part, title)} value={state[part]} after="Type" /> : children}
    </Section>
  );
}

/** Keys the form does not edit, kept as written and shown so nobody wonders where they went. */
function Extras({ obj, known, prefix }: { obj: unknown; known: readonly string[]; prefix: string }) {
  const keys = extraKeys(obj, known);
  if (!isObj(obj) || keys.length === 0) return null;
  return (
    <p className="iextra" data-testid="extra-keys">
      Also set (kept as written):{" "}
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 && ", "}
          <code>
            {prefix}
            {k}: {JSON.stringify(obj[k])}
          </code>
        </span>
      ))}
    </p>
  );
}

/** Where a Distributed Map's items come from: a file in S3 (CSV, JSON, JSON Lines, an inventory) or the files in a folder. */
export function ItemReaderForm({ state }: { state: Obj }) {
  const { id, run, lang } = useForm();
  const ex = lang === "JSONata";
  const reader = isObj(state.ItemReader) ? state.ItemReader : undefined;
  const kind = readerKindOf(state.ItemReader);
  const args = argsKey(reader, lang);
  const params = reader && isObj(reader[args]) ? reader[args] : {};
  const config = reader && isObj(reader.ReaderConfig) ? reader.ReaderConfig : {};
  const write = (path: string[], label: string) => (v: unknown) => run(v === undefined ? `Clear ${label}` : `Set ${label}`, setMapPart(id, state, "ItemReader", path, v));
  const field = (path: string[], spec: Omit<FieldSpec, "key">, value: unknown, key = path[path.length - 1]) => (
    <SpecField spec={{ key, ...spec }} value={value} at={["ItemReader", ...path]} write={write(path, spec.label)} />
  );
  return (
    <PartSection title="Items from S3" part="ItemReader" state={state} testId="section-item-reader">
      {kind === "other" ? (
        <>
          <p className="ifield-help">This reader is not one the form knows; it is kept as written.</p>
          <SpecField spec={json("ItemReader", "Item reader")} value={state.ItemReader} after="Type" />
        </>
      ) : (
        <>
          <Field pointer="/ItemReader" label="Read the items from" asl="ItemReader" help={kind ? undefined : fieldDoc("Map", "ItemReader")}>
            <SelectInput
              label="Read the items from"
              value={kind}
              options={[{ value: "", label: "The step's input (no reader)" }, ...readerChoices.map((c) => ({ value: c.kind, label: c.label }))]}
              onChange={(v) => run(v ? `Read items from ${readerChoices.find((c) => c.kind === v)?.label ?? v}` : "Remove item reader", setReaderKind(id, state, v as ReaderKind, lang))}
              testId="reader-kind"
            />
          </Field>
          {kind && (
            <>
              {field([args, "Bucket"], { label: "Bucket", kind: "text", help: "The name of the S3 bucket.", placeholder: "my-bucket", expression: ex }, params.Bucket)}
              {kind === "listing"
                ? field([args, "Prefix"], { label: "Folder", asl: "Prefix", kind: "text", help: "Only files whose name starts with this (empty: the whole bucket).", placeholder: "incoming/" }, params.Prefix)
                : field(
                    [args, "Key"],
                    {
                      label: kind === "manifest" ? "Manifest file" : "File",
                      asl: "Key",
                      kind: "text",
                      help: kind === "manifest" ? "The inventory's manifest.json." : "The file's name (its key) in the bucket.",
                      placeholder: kind === "manifest" ? "inventory/manifest.json" : "data/items.csv",
                    },
                    params.Key,
                  )}
              {kind === "csv" && (
                <>
                  {field(["ReaderConfig", "CSVHeaderLocation"], specOf("ReaderConfig", "CSVHeaderLocation", "Column names", "enum", { asl: "CSVHeaderLocation", options: csvHeaderLocations }), config.CSVHeaderLocation)}
                  {config.CSVHeaderLocation === "GIVEN" && (
                    <SpecField
                      spec={specOf("ReaderConfig", "CSVHeaders", "Columns", "text", { asl: "CSVHeaders", placeholder: "id, name, total" })}
                      value={Array.isArray(config.CSVHeaders) ? config.CSVHeaders.join(", ") : undefined}
                      at={["ItemReader", "ReaderConfig", "CSVHeaders"]}
                      write={(v) => run("Set CSV columns", setMapPart(id, state, "ItemReader", ["ReaderConfig", "CSVHeaders"], parseHeaders(String(v ?? ""))))}
                    />
                  )}
                  {field(["ReaderConfig", "CSVDelimiter"], specOf("ReaderConfig", "CSVDelimiter", "Separator", "enum", { asl: "CSVDelimiter", options: csvDelimiters }), config.CSVDelimiter)}
                </>
              )}
              {field(["ReaderConfig", "MaxItems"], specOf("ReaderConfig", "MaxItems", "At most this many items", "int", { asl: "MaxItems", min: 1, max: 100000000, expression: ex }), config.MaxItems)}
              <Extras obj={reader} known={readerKnown.top} prefix="" />
              <Extras obj={config} known={readerKnown.config} prefix="ReaderConfig." />
              <Extras obj={params} known={readerKnown.args} prefix={`${args}.`} />
            </>
          )}
        </>
      )}
    </PartSection>
  );
}

const batcherKnown = ["MaxItemsPerBatch", "MaxInputBytesPerBatch", "BatchInput"];

/** Items handed to each child run in batches. */
export function ItemBatcherForm({ state }: { state: Obj }) {
  const { id, run, lang } = useForm();
  const ex = lang === "JSONata";
  const b = isObj(state.ItemBatcher) ? state.ItemBatcher : {};
  const write = (key: string, label: string) => (v: unknown) => run(v === undefined ? `Clear ${label}` : `Set ${label}`, setMapPart(id, state, "ItemBatcher", [key], v));
  const spec = (key: string, label: string, kind: FieldSpec["kind"], more: Partial<FieldSpec> = {}): FieldSpec => specOf("ItemBatcher", key, label, kind, { asl: key, ...more });
  return (
    <PartSection title="Items in batches" part="ItemBatcher" state={state} testId="section-item-batcher">
      {[
        spec("MaxItemsPerBatch", "Items per batch", "int", { min: 1, expression: ex }),
        spec("MaxInputBytesPerBatch", "Bytes per batch", "int", { min: 1, max: 262144, expression: ex }),
        spec("BatchInput", "Shared input", "json"),
      ].map((sp) => (
        <SpecField key={sp.key} spec={sp} value={b[sp.key]} at={["ItemBatcher", sp.key]} write={write(sp.key, sp.label)} />
      ))}
      <Extras obj={state.ItemBatcher} known={batcherKnown} prefix="" />
    </PartSection>
  );
}

const writerKnown = { top: ["Resource", "Parameters", "Arguments", "WriterConfig"], args: ["Bucket", "Prefix"], config: ["OutputType", "Transformation"] };

/** Where a Distributed Map writes its results: files in an S3 bucket. */
export function ResultWriterForm({ state }: { state: Obj }) {
  const { id, run, lang } = useForm();
  const ex = lang === "JSONata";
  const w = isObj(state.ResultWriter) ? state.ResultWriter : undefined;
  const args = argsKey(w, lang);
  const params = w && isObj(w[args]) ? w[args] : {};
  const config = w && isObj(w.WriterConfig) ? w.WriterConfig : {};
  const write = (path: string[], label: string) => (v: unknown) => run(v === undefined ? `Clear ${label}` : `Set ${label}`, setMapPart(id, state, "ResultWriter", path, v));
  const field = (path: string[], spec: Omit<FieldSpec, "key">, value: unknown) => (
    <SpecField spec={{ key: path[path.length - 1], ...spec }} value={value} at={["ResultWriter", ...path]} write={write(path, spec.label)} />
  );
  return (
    <PartSection title="Results to S3" part="ResultWriter" state={state} testId="section-result-writer">
      {field([args, "Bucket"], { label: "Bucket", kind: "text", help: "The S3 bucket the result files go to (empty: results are returned).", placeholder: "my-results", expression: ex }, params.Bucket)}
      {field([args, "Prefix"], { label: "Folder", asl: "Prefix", kind: "text", help: "Put the result files under this folder.", placeholder: "results/" }, params.Prefix)}
      {field(["WriterConfig", "OutputType"], specOf("WriterConfig", "OutputType", "File format", "enum", { asl: "OutputType", options: writerOutputTypes }), config.OutputType)}
      {field(["WriterConfig", "Transformation"], specOf("WriterConfig", "Transformation", "What to keep", "enum", { asl: "Transformation", options: writerTransformations }), config.Transformation)}
      <Extras obj={w} known={writerKnown.top} prefix="" />
      <Extras obj={params} known={writerKnown.args} prefix={`${args}.`} />
      <Extras obj={config} known={writerKnown.config} prefix="WriterConfig." />
    </PartSection>
  );
}
