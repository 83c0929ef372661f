// A definition written out in the other format, for Save As under a .yaml
// name (or back under .json). Both ways are written here over the parse
// trees rather than through plain objects, because JavaScript objects put
// keys that look like numbers first: a state named "2" would move. So key
// order is the file's own, numbers keep their literal (1.50 stays 1.50,
// large integers keep every digit), and the file's line ending, byte order
// mark and final newline carry over. YAML comments have nowhere to go in
// JSON: the result says whether any were left out.
import { parseTree, type Node as JNode } from "jsonc-parser";
import { isAlias, isMap, isScalar, isSeq, parseDocument, stringify, visit, type Document, type Node as YNode } from "yaml";
import { detectStyle } from "./format";
import { syntaxMistake } from "./syntax";
import type { Format } from "./textdoc";

export interface Converted {
  text: string;
  /** The YAML had comments, which JSON cannot hold. */
  commentsDropped: boolean;
}

/** Raised when the text cannot be converted; the message says why in plain words. */
export class ConvertError extends Error {}

/** The format a path's extension asks for, else the document's own. */
export function formatForPath(path: string, current: Format): Format {
  const lower = path.toLowerCase();
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  if (lower.endsWith(".json")) return "json";
  return current;
}

/** text (in format from) written in format to. */
export function convertText(text: string, from: Format, to: Format): Converted {
  if (from === to) return { text, commentsDropped: false };
  const line = syntaxMistake(text, from);
  if (line !== null) throw new ConvertError(`the code has a mistake on line ${line}; fix it first`);
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const body = text.slice(bom.length);
  const { eol, indent } = detectStyle(body);
  const end = /\r?\n$/.test(body) ? eol : "";
  if (to === "yaml") {
    const root = parseTree(body);
    if (!root) throw new ConvertError("the code is empty");
    const lines = yamlLines(root, body);
    return { text: bom + lines.join(eol) + end, commentsDropped: false };
  }
  const doc = parseDocument(body);
  const json = jsonText(doc, doc.contents, "", indent === "\t" ? "\t" : indent, eol);
  return { text: bom + json + end, commentsDropped: hasComments(doc) };
}

// --- JSON to YAML

const unit = "  ";

/** A JSON value as block YAML lines (the first without indentation). */
function yamlLines(n: JNode, src: string): string[] {
  if (n.type === "object") {
    const props = n.children ?? [];
    if (props.length === 0) return ["{}"];
    return props.flatMap((p) => {
      const [k, v] = p.children ?? [];
      const key = yamlScalar(String(k.value));
      if (!isCollection(v)) return [`${key}: ${yamlLines(v, src)[0]}`];
      const inner = yamlLines(v, src);
      return [`${key}:`, ...inner.map((l) => unit + l)];
    });
  }
  if (n.type === "array") {
    const items = n.children ?? [];
    if (items.length === 0) return ["[]"];
    return items.flatMap((it) => {
      const inner = yamlLines(it, src);
      return [`- ${inner[0]}`, ...inner.slice(1).map((l) => unit + l)];
    });
  }
  if (n.type === "number") return [src.slice(n.offset, n.offset + n.length)];
  if (n.type === "string") return [yamlScalar(String(n.value))];
  return [JSON.stringify(n.value)]; // true, false, null
}

function isCollection(n: JNode): boolean {
  return (n.type === "object" || n.type === "array") && (n.children?.length ?? 0) > 0;
}

/** A string as a YAML scalar on one line: plain when safe, else quoted. */
function yamlScalar(s: string): string {
  const out = stringify(s, { lineWidth: 0 }).replace(/\n$/, "");
  return out.includes("\n") ? JSON.stringify(s) : out;
}

// --- YAML to JSON

function jsonText(doc: Document, n: unknown, ind: string, step: string, eol: string): string {
  if (isAlias(n)) return jsonText(doc, n.resolve(doc), ind, step, eol);
  if (isMap(n)) {
    if (n.items.some((p) => isScalar(p.key) && p.key.value === "<<")) {
      // Merge keys: resolved by the yaml package (keys that look like numbers may move).
      return plainJson(n.toJS(doc), ind, step, eol);
    }
    if (n.items.length === 0) return "{}";
    const inner = ind + step;
    const entries = n.items.map((p) => {
      const key = isScalar(p.key) ? String(p.key.value) : JSON.stringify((p.key as YNode | null)?.toJSON?.() ?? null);
      return `${inner}${JSON.stringify(key)}: ${jsonText(doc, p.value, inner, step, eol)}`;
    });
    return `{${eol}${entries.join("," + eol)}${eol}${ind}}`;
  }
  if (isSeq(n)) {
    if (n.items.length === 0) return "[]";
    const items = n.items.map((it) => (isAlias(it) ? it.resolve(doc) : it));
    if (items.every((it) => it === null || isScalar(it))) return `[${items.map((it) => jsonText(doc, it, ind, step, eol)).join(", ")}]`;
    const inner = ind + step;
    return `[${eol}${items.map((it) => inner + jsonText(doc, it, inner, step, eol)).join("," + eol)}${eol}${ind}]`;
  }
  if (isScalar(n)) {
    const v = n.value;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new ConvertError(`the number ${n.source ?? v} cannot be written in JSON`);
      const lit = (n.source ?? "").replace(/^\+/, "");
      return jsonNumber.test(lit) ? lit : JSON.stringify(v);
    }
    if (typeof v === "bigint") return v.toString();
    if (v instanceof Date) return JSON.stringify(v.toISOString());
    if (v === undefined) return "null";
    return JSON.stringify(v);
  }
  if (n === null || n === undefined) return "null";
  throw new ConvertError("the YAML holds something JSON cannot");
}

const jsonNumber = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

/** A plain value as JSON in the same layout as jsonText. */
function plainJson(v: unknown, ind: string, step: string, eol: string): string {
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    if (v.every((x) => x === null || typeof x !== "object")) return `[${v.map((x) => JSON.stringify(x ?? null)).join(", ")}]`;
    const inner = ind + step;
    return `[${eol}${v.map((x) => inner + plainJson(x, inner, step, eol)).join("," + eol)}${eol}${ind}]`;
  }
  if (v !== null && typeof v === "object") {
    const entries = Object.entries(v);
    if (entries.length === 0) return "{}";
    const inner = ind + step;
    return `{${eol}${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${plainJson(x, inner, step, eol)}`).join("," + eol)}${eol}${ind}}`;
  }
  return JSON.stringify(v ?? null);
}

function hasComments(doc: Document): boolean {
  if (doc.commentBefore || doc.comment) return true;
  let found = false;
  visit(doc, (_key, node) => {
    const c = node as { commentBefore?: string | null; comment?: string | null };
    if (c.commentBefore || c.comment) {
      found = true;
      return visit.BREAK;
    }
  });
  return found;
}
