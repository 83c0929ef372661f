/**
 * Help while typing in the code view: what may be typed at a position
 * (keys valid for the object under the cursor, state names, enum values,
 * intrinsic functions, JSONata's $states fields) and what a key means.
 * Everything comes from fields.json, which Go generates from the one
 * field table (schema/fieldtable), so the editor and the validator agree.
 * Plain functions of (text, position) so they are tested without a view.
 */
import { getLocation, parse, type Segment } from "jsonc-parser";
import { parseDocument } from "yaml";
import table from "./fields.json";
import { fieldDoc } from "./fieldDoc";

export interface Field {
  name: string;
  type: string;
  required?: boolean;
  excludes?: string[];
  queryLanguage?: string;
  mapMode?: string;
  enum?: string[];
  stateName?: boolean;
  doc: string;
}

const objects = table.objects as Record<string, Field[]>;

export interface Option {
  label: string;
  /** The text inserted in place of [from, to). */
  apply: string;
  type: "property" | "enum" | "variable" | "function";
  detail?: string;
  info?: string;
}

export interface Completions {
  from: number;
  to: number;
  options: Option[];
}

/** Where the cursor is, in document terms. */
interface Place {
  /** The path of the object whose key (or key's value) is at the cursor. */
  path: Segment[];
  /** A key is being typed: its name so far and its range (quotes excluded). */
  key?: { from: number; to: number; quoted: boolean; closed: boolean; colonAfter: boolean };
  /** A value of this key is being typed. */
  valueKey?: string;
  value?: { from: number; to: number; quoted: boolean; before: string };
  /** The document as a value, as far as it parses. */
  root: unknown;
}

type Format = "json" | "yaml";

const word = /[A-Za-z0-9_]*$/;

function jsonPlace(text: string, pos: number): Place | null {
  const root = parse(text, [], { allowTrailingComma: true, disallowComments: false });
  const loc = getLocation(text, pos);
  const prev = loc.previousNode;
  if (loc.isAtPropertyKey) {
    const path = loc.path.slice(0, -1);
    if (prev && prev.type === "string" && pos > prev.offset && pos <= prev.offset + prev.length) {
      const closed = prev.length >= 2 && text[prev.offset + prev.length - 1] === '"' && pos < prev.offset + prev.length;
      const end = closed ? prev.offset + prev.length - 1 : prev.offset + prev.length;
      const colonAfter = /^\s*:/.test(text.slice(prev.offset + prev.length));
      // A closed key without a colon yet: the completion replaces the closing quote too and adds ": ".
      if (closed && !colonAfter) return { path, key: { from: prev.offset + 1, to: Math.max(end + 1, pos), quoted: true, closed: false, colonAfter }, root };
      return { path, key: { from: prev.offset + 1, to: Math.max(end, pos), quoted: true, closed, colonAfter }, root };
    }
    const from = pos - text.slice(0, pos).match(word)![0].length;
    const quoted = text[from - 1] === '"';
    let to = pos + text.slice(pos).match(/^[A-Za-z0-9_]*/)![0].length;
    if (quoted && text[to] === '"') to++;
    return { path, key: { from, to, quoted, closed: false, colonAfter: /^\s*:/.test(text.slice(to)) }, root };
  }
  const last = loc.path[loc.path.length - 1];
  if (typeof last !== "string" && !(typeof last === "number" && loc.path.length >= 2)) return { path: loc.path, root };
  const key = typeof last === "string" ? last : String(loc.path[loc.path.length - 2]);
  const path = loc.path.slice(0, typeof last === "string" ? -1 : -2);
  if (prev && prev.type === "string" && pos > prev.offset && pos <= prev.offset + prev.length) {
    const closed = prev.length >= 2 && text[prev.offset + prev.length - 1] === '"' && pos < prev.offset + prev.length;
    const to = closed ? prev.offset + prev.length - 1 : prev.offset + prev.length;
    return { path, valueKey: key, value: { from: prev.offset + 1, to: Math.max(to, pos), quoted: true, before: text.slice(prev.offset + 1, pos) }, root };
  }
  const before = text.slice(0, pos).match(word)![0];
  return { path, valueKey: key, value: { from: pos - before.length, to: pos, quoted: false, before }, root };
}

/**
 * YAML: the path comes from indentation (each line above with less indent
 * that opens a mapping or a list item), the values from a tolerant parse.
 */
function yamlPlace(text: string, pos: number): Place | null {
  let root: unknown;
  try {
    root = parseDocument(text).toJS();
  } catch {
    root = null;
  }
  const lineStart = text.lastIndexOf("\n", pos - 1) + 1;
  const lineText = text.slice(lineStart, pos);
  const m = lineText.match(/^(\s*)((?:-\s+)*)(.*)$/)!;
  const indent = m[1].length + m[2].length;
  const rest = m[3];
  const path: Segment[] = [];
  // Walk up: lines with less indent are the parents.
  let limit = m[2] ? m[1].length : indent;
  let end = lineStart - 1;
  if (m[2]) path.unshift(0);
  while (end > 0 && limit > 0) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (!line.trim() || line.trim().startsWith("#")) continue;
    const lm = line.match(/^(\s*)((?:-\s+)*)(.*)$/)!;
    const dashIndent = lm[1].length;
    const keyIndent = dashIndent + lm[2].length;
    const km = lm[3].match(/^("?)([^":#]+)\1\s*:/);
    if (keyIndent < limit) {
      // A parent key (on its list item's line, if any).
      if (km) path.unshift(km[2].trim());
      if (lm[2]) path.unshift(0);
      limit = lm[2] ? dashIndent : keyIndent;
    } else if (lm[2] && dashIndent < limit) {
      // A sibling key on the line that opens the list item we are in.
      path.unshift(0);
      limit = dashIndent;
    }
  }
  const colon = rest.match(/^("?)([^":#]*)\1\s*:\s*(.*)$/);
  if (!colon) {
    const q = rest.startsWith('"');
    const name = q ? rest.slice(1) : rest;
    if (!/^[A-Za-z0-9_]*$/.test(name)) return { path, root };
    const after = text.slice(pos).match(/^[A-Za-z0-9_]*("?)(\s*:)?/)!;
    return {
      path,
      key: { from: pos - name.length, to: pos + after[0].length - (after[2]?.length ?? 0) - (after[1] ? 1 : 0), quoted: false, closed: false, colonAfter: !!after[2] },
      root,
    };
  }
  const valueText = colon[3];
  const quoted = /^["']/.test(valueText);
  const before = quoted ? valueText.slice(1) : valueText;
  const restLine = text.slice(pos).match(/^[^\n]*/)![0];
  const closeAt = quoted ? restLine.indexOf(valueText[0]) : -1;
  return {
    path,
    valueKey: colon[2].trim(),
    value: { from: pos - before.length, to: closeAt >= 0 ? pos + closeAt : pos, quoted, before },
    root,
  };
}

function get(root: unknown, path: Segment[]): unknown {
  let v = root;
  for (const s of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

/** What the object at a path is, with its state's query language and Map mode. */
interface Context {
  kind: string;
  ql: string;
  mode: string;
  /** The path of the States object the names of this scope are in. */
  states: Segment[];
}

function contextOf(root: unknown, path: Segment[]): Context | null {
  const top = get(root, ["QueryLanguage"]);
  const machineQL = top === "JSONata" ? "JSONata" : "JSONPath";
  let c: Context = { kind: "Machine", ql: machineQL, mode: "", states: ["States"] };
  for (let i = 0; i < path.length; i++) {
    const s = path[i];
    const at = path.slice(0, i + 1);
    const next = path[i + 1];
    switch (c.kind) {
      case "Machine":
      case "Branch":
      case "ItemProcessor":
        if (s === "States" && next !== undefined) {
          const state = get(root, path.slice(0, i + 2));
          const t = get(state, ["Type"]);
          const q = get(state, ["QueryLanguage"]);
          c = { kind: typeof t === "string" && t in objects && t !== "Machine" ? t : "State", ql: q === "JSONata" || q === "JSONPath" ? q : machineQL, mode: "", states: at };
          if (c.kind === "Map") {
            const proc = get(state, ["ItemProcessor", "ProcessorConfig", "Mode"]);
            c.mode = proc === "DISTRIBUTED" ? "DISTRIBUTED" : "INLINE";
          }
          i++;
          continue;
        }
        if (s === "ProcessorConfig" && c.kind === "ItemProcessor") {
          c = { ...c, kind: "ProcessorConfig" };
          continue;
        }
        return null;
      case "ChoiceRule":
        if ((s === "And" || s === "Or") && typeof next === "number") {
          i++;
          continue;
        }
        if (s === "Not") continue;
        return null;
      default: {
        const arr = (k: string) => s === k && typeof next === "number";
        if (arr("Retry")) c = { ...c, kind: "Retrier" };
        else if (arr("Catch")) c = { ...c, kind: "Catcher" };
        else if (arr("Choices") && c.kind === "Choice") c = { ...c, kind: "ChoiceRule" };
        else if (arr("Branches") && c.kind === "Parallel") c = { ...c, kind: "Branch", ql: c.ql };
        else if ((s === "ItemProcessor" || s === "Iterator") && c.kind === "Map") c = { ...c, kind: "ItemProcessor" };
        else if (s === "ItemReader" && c.kind === "Map") c = { ...c, kind: "ItemReader" };
        else if (s === "ReaderConfig" && c.kind === "ItemReader") c = { ...c, kind: "ReaderConfig" };
        else if (s === "ItemBatcher" && c.kind === "Map") c = { ...c, kind: "ItemBatcher" };
        else if (s === "ResultWriter" && c.kind === "Map") c = { ...c, kind: "ResultWriter" };
        else if (s === "WriterConfig" && c.kind === "ResultWriter") c = { ...c, kind: "WriterConfig" };
        else return null;
        if (typeof next === "number") i++;
      }
    }
  }
  return c;
}

/** The fields of a context that belong to its query language and Map mode. */
export function fieldsOf(c: Context): Field[] {
  const list = objects[c.kind] ?? (c.kind === "State" ? [objects.Task[0]] : []);
  return list.filter(
    (f) => (!f.queryLanguage || f.queryLanguage === c.ql) && (!f.mapMode || !c.mode || f.mapMode === c.mode),
  );
}

function fieldDetail(f: Field): string {
  const parts = [f.type];
  if (f.required) parts.push("required");
  if (f.queryLanguage) parts.push(f.queryLanguage + " only");
  if (f.mapMode) parts.push("distributed Map");
  if (f.excludes?.length) parts.push("excludes " + f.excludes.join(", "));
  return parts.join(" · ");
}

/** What a key means, as the hover shows it. */
export function describe(f: Field): string {
  return `${f.name}: ${f.doc}\n${fieldDetail(f)}`;
}

function keyOptions(c: Context, present: string[], typing: string, format: Format, key: NonNullable<Place["key"]>): Option[] {
  const taken = new Set(present.filter((p) => p !== typing));
  const excluded = new Set(fieldsOf(c).filter((f) => taken.has(f.name)).flatMap((f) => f.excludes ?? []));
  return fieldsOf(c)
    .filter((f) => !taken.has(f.name) && !excluded.has(f.name))
    .map((f) => {
      let apply = f.name;
      if (format === "json") {
        if (!key.quoted) apply = `"${f.name}"`;
        else if (!key.closed) apply = `${f.name}"`;
        else apply = f.name; // the closing quote stays
        if (!key.colonAfter) apply += key.quoted && key.closed ? "" : ": ";
      } else if (!key.colonAfter) {
        apply += ": ";
      }
      return { label: f.name, apply, type: "property" as const, detail: fieldDetail(f), info: f.doc };
    });
}

function quote(v: string, p: Place, format: Format): string {
  if (p.value?.quoted) return v;
  return format === "json" ? JSON.stringify(v) : v;
}

const intrinsicRe = /(States(?:\.[A-Za-z]*)?)$|(^|[(,\s])([A-Za-z]*)$/;

/**
 * The completions at pos, or null when there is nothing to offer.
 * `explicit` is Ctrl+Space: then an empty word gets options too.
 */
export function complete(text: string, pos: number, format: Format, explicit = true): Completions | null {
  const place = format === "yaml" ? yamlPlace(text, pos) : jsonPlace(text, pos);
  if (!place) return null;
  // JSONata inside {% %}: $states and its fields.
  if (place.value) {
    const line = text.slice(Math.max(0, pos - 2000), pos);
    const open = line.lastIndexOf("{%");
    if (open >= 0 && line.indexOf("%}", open) < 0) {
      const m = line.match(/\$states\.([A-Za-z]*)$/);
      if (m) {
        return {
          from: pos - m[1].length,
          to: pos,
          options: table.statesVars.map((v) => ({ label: v.name, apply: v.name, type: "variable" as const, detail: "$states", info: v.doc })),
        };
      }
      const d = line.match(/\$([A-Za-z]*)$/);
      if (d && "states".startsWith(d[1])) {
        return { from: pos - d[1].length - 1, to: pos, options: [{ label: "$states", apply: "$states", type: "variable", info: "The state's input, context, result and error output." }] };
      }
      return null;
    }
  }
  // Intrinsic functions in a JSONPath payload: "Key.$": "States.…".
  if (place.valueKey?.endsWith(".$") && place.value?.quoted) {
    const m = place.value!.before.match(intrinsicRe);
    const typed = m?.[1] ?? m?.[3] ?? "";
    if (!explicit && !typed) return null;
    return {
      from: pos - typed.length,
      to: pos,
      options: table.intrinsics.map((f) => ({ label: f.name, apply: f.name + "(", type: "function" as const, detail: f.signature, info: f.doc })),
    };
  }
  const c = contextOf(place.root, place.path);
  if (!c) return null;
  if (place.key) {
    const typing = text.slice(place.key.from, pos);
    if (!explicit && !typing && !place.key.quoted) return null;
    const obj = get(place.root, place.path);
    const present = obj && typeof obj === "object" && !Array.isArray(obj) ? Object.keys(obj) : [];
    const options = keyOptions(c, present, text.slice(place.key.from, place.key.to), format, place.key);
    return options.length ? { from: place.key.from, to: place.key.to, options } : null;
  }
  if (!place.value || !place.valueKey) return null;
  const key = place.valueKey;
  const field = fieldsOf(c).find((f) => f.name === key) ?? objects[c.kind]?.find((f) => f.name === key);
  const { from, to } = place.value;
  if (field?.stateName) {
    const states = get(place.root, key === "StartAt" ? [...place.path, "States"] : c.states);
    const names = states && typeof states === "object" ? Object.keys(states) : [];
    const own = c.kind in { Machine: 1, Branch: 1, ItemProcessor: 1 } ? null : place.path[c.states.length];
    const options = names
      .filter((n) => n !== own || key !== "Next")
      .map((n) => ({ label: n, apply: quote(n, place, format), type: "variable" as const, detail: "state" }));
    return options.length ? { from, to, options } : null;
  }
  if (field?.enum) {
    return { from, to, options: field.enum.map((v) => ({ label: v, apply: quote(v, place, format), type: "enum" as const, detail: key })) };
  }
  return null;
}

/** The key at pos with its description, for the hover. */
export function hover(text: string, pos: number, format: Format): { from: number; to: number; field: Field; doc: string } | null {
  let from = pos;
  let to = pos;
  while (from > 0 && /[A-Za-z0-9_]/.test(text[from - 1])) from--;
  while (to < text.length && /[A-Za-z0-9_]/.test(text[to])) to++;
  if (from === to) return null;
  const name = text.slice(from, to);
  // Only keys: a colon follows the name (after its closing quote).
  if (!/^"?\s*:/.test(text.slice(to))) return null;
  // Ask for the place of a key being typed at the end of the name.
  const probe = format === "json" && text[from - 1] === '"' ? from : from;
  const place = format === "yaml" ? yamlPlace(text, probe) : jsonPlace(text, probe);
  if (!place?.key && format === "json") return null;
  const c = place && contextOf(place.root, place.path);
  if (!c) return null;
  const field = objects[c.kind]?.find((f) => f.name === name);
  return field ? { from, to, field, doc: fieldDoc(c.kind, name) } : null;
}
