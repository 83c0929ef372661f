// What a Distributed Map reads from and writes to S3 (ItemReader,
// ItemBatcher, ResultWriter), as plain data the Map form shows in plain
// words. No React: the commands in ../edits.ts and their tests use it.
//
// The shapes follow the AWS Step Functions developer guide: a file is read
// with s3:getObject and a ReaderConfig.InputType (CSV, JSON, JSONL, or a
// MANIFEST of an S3 inventory); a folder is listed with s3:listObjectsV2 and
// a Prefix. JSONPath states pass Bucket/Key in Parameters, JSONata states in
// Arguments.
import { isObj, type Obj } from "../../document/machine";
import type { Lang } from "../fields";

export type ReaderKind = "" | "csv" | "json" | "jsonl" | "manifest" | "listing" | "other";

export interface ReaderChoice {
  kind: Exclude<ReaderKind, "" | "other">;
  /** What people pick, in plain words. */
  label: string;
  resource: string;
  /** ReaderConfig.InputType; none for a folder listing. */
  inputType?: string;
}

export const getObject = "arn:aws:states:::s3:getObject";
export const listObjects = "arn:aws:states:::s3:listObjectsV2";
export const putObject = "arn:aws:states:::s3:putObject";

export const readerChoices: readonly ReaderChoice[] = [
  { kind: "csv", label: "A CSV file in S3 (one item per row)", resource: getObject, inputType: "CSV" },
  { kind: "json", label: "A JSON file in S3 (a list)", resource: getObject, inputType: "JSON" },
  { kind: "jsonl", label: "A JSON Lines file in S3 (one item per line)", resource: getObject, inputType: "JSONL" },
  { kind: "manifest", label: "The files of an S3 inventory (manifest)", resource: getObject, inputType: "MANIFEST" },
  { kind: "listing", label: "The files in an S3 folder", resource: listObjects },
];

/** The keys the reader form edits; anything else is kept and listed as it is. */
export const readerKnown = {
  top: ["Resource", "ReaderConfig", "Parameters", "Arguments"],
  config: ["InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "MaxItems"],
  args: ["Bucket", "Key", "Prefix"],
};

const csvOnly = ["CSVHeaderLocation", "CSVHeaders", "CSVDelimiter"];

export const csvDelimiters = ["COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"];
export const csvHeaderLocations = ["FIRST_ROW", "GIVEN"];
export const writerOutputTypes = ["JSON", "JSONL"];
export const writerTransformations = ["NONE", "COMPACT", "FLATTEN"];

/** The kind of an ItemReader as written; "" when there is none, "other" for a reader the form does not know. */
export function readerKindOf(reader: unknown): ReaderKind {
  if (!isObj(reader)) return "";
  const config = isObj(reader.ReaderConfig) ? reader.ReaderConfig : {};
  if (reader.Resource === listObjects) return "listing";
  if (reader.Resource === getObject) return readerChoices.find((c) => c.inputType !== undefined && c.inputType === config.InputType)?.kind ?? "other";
  return "other";
}

/** Where a reader or writer keeps Bucket and Key: the field it has, else the language's. */
export function argsKey(obj: unknown, lang: Lang): "Parameters" | "Arguments" {
  if (isObj(obj) && "Parameters" in obj) return "Parameters";
  if (isObj(obj) && "Arguments" in obj) return "Arguments";
  return lang === "JSONata" ? "Arguments" : "Parameters";
}

/**
 * The reader switched to kind, keeping what still applies (the bucket,
 * MaxItems, keys the form does not know); undefined removes the reader.
 * A CSV starts with its header in the first row, as most files have it.
 */
export function withReaderKind(reader: unknown, kind: ReaderKind, lang: Lang): Obj | undefined {
  const choice = readerChoices.find((c) => c.kind === kind);
  if (!choice) return undefined;
  const old = isObj(reader) ? reader : {};
  const args = argsKey(old, lang);
  const oldArgs = isObj(old[args]) ? { ...old[args] } : {};
  // A file has a Key, a folder a Prefix.
  if (choice.kind === "listing") delete oldArgs.Key;
  else delete oldArgs.Prefix;
  const config: Obj = isObj(old.ReaderConfig) ? { ...old.ReaderConfig } : {};
  if (choice.inputType) config.InputType = choice.inputType;
  else delete config.InputType;
  if (choice.kind === "csv") {
    if (!("CSVHeaderLocation" in config)) config.CSVHeaderLocation = "FIRST_ROW";
  } else for (const k of csvOnly) delete config[k];
  // Kept in the reader's own key order; new keys as AWS's examples write them.
  const next: Obj = { ...old, Resource: choice.resource };
  if (Object.keys(config).length > 0) next.ReaderConfig = config;
  else delete next.ReaderConfig;
  next[args] = oldArgs;
  if (!("Resource" in old)) return { Resource: choice.resource, ...next };
  return next;
}

/**
 * obj with the value at path set (undefined removes it); objects left
 * empty by a removal go too, and undefined is returned when nothing is
 * left. Keys keep their order; a new key goes last.
 */
export function setIn(obj: unknown, path: readonly string[], value: unknown): Obj | undefined {
  const base: Obj = isObj(obj) ? { ...obj } : {};
  const [head, ...rest] = path;
  const v = rest.length === 0 ? value : setIn(base[head], rest, value);
  if (v === undefined) delete base[head];
  else base[head] = v;
  return Object.keys(base).length > 0 ? base : undefined;
}

/** A ResultWriter field set; a writer that names a bucket also names its Resource (s3:putObject). */
export function writerWith(writer: unknown, path: readonly string[], value: unknown): Obj | undefined {
  const next = setIn(writer, path, value);
  if (!next) return undefined;
  if (!("Resource" in next) && (isObj(next.Parameters) || isObj(next.Arguments))) return { Resource: putObject, ...next };
  return next;
}

/** Keys of obj the form does not edit (kept as written and listed). */
export function extraKeys(obj: unknown, known: readonly string[]): string[] {
  return isObj(obj) ? Object.keys(obj).filter((k) => !known.includes(k)) : [];
}

/** CSV column names as typed ("id, name, total") and as written. */
export function parseHeaders(text: string): string[] | undefined {
  const names = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return names.length > 0 ? names : undefined;
}
