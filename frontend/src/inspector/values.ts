// Reading what the user typed into a form field: every kind of field
// turns its text into the value to write, undefined (clear: the field is
// removed), or a message saying what is wrong, shown under the field.
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";

export type Kind = "text" | "path" | "int" | "number" | "json" | "enum";

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

export interface Limits {
  min?: number;
  max?: number;
  /** A path field that also takes null (ResultPath: null discards the result). */
  nullable?: boolean;
  /** JSONata states may write a number as an expression: "{% $x %}". */
  expression?: boolean;
}

/** True for a JSONata expression string: "{% … %}". */
export function isExpression(text: string): boolean {
  return /^\{%[\s\S]*%\}$/.test(text.trim());
}

export function parseField(kind: Kind, text: string, limits: Limits = {}): Parsed {
  if (text.trim() === "") return { ok: true, value: undefined };
  switch (kind) {
    case "text":
    case "enum":
      return { ok: true, value: text };
    case "path":
      return parsePath(text, limits.nullable);
    case "int":
    case "number":
      return parseNumber(kind, text, limits);
    case "json":
      return parseJson(text);
  }
}

/** A reference path: $ (the input), $$ (the context object), or a variable $name. */
export function parsePath(text: string, nullable = false): Parsed {
  const t = text.trim();
  if (nullable && t === "null") return { ok: true, value: null };
  if (!t.startsWith("$")) return { ok: false, error: `A path starts with $ (the input) or $$ (the context)${nullable ? "; null discards" : ""}.` };
  if (/\s/.test(t) && !/['"\]]/.test(t)) return { ok: false, error: "A path has no spaces outside quotes." };
  return { ok: true, value: t };
}

function parseNumber(kind: "int" | "number", text: string, limits: Limits): Parsed {
  const t = text.trim();
  if (limits.expression && isExpression(t)) return { ok: true, value: t };
  const n = Number(t);
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) || !Number.isFinite(n)) {
    return { ok: false, error: `Enter a ${kind === "int" ? "whole number" : "number"}${limits.expression ? " or a {% JSONata %} expression" : ""}.` };
  }
  if (kind === "int" && !Number.isInteger(n)) return { ok: false, error: "Enter a whole number." };
  if (limits.min !== undefined && n < limits.min) return { ok: false, error: `The smallest allowed is ${limits.min}.` };
  if (limits.max !== undefined && n > limits.max) return { ok: false, error: `The largest allowed is ${limits.max}.` };
  return { ok: true, value: n };
}

/** Strict JSON (no comments, no trailing commas), with the first error's line and column. */
export function parseJson(text: string): Parsed {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  if (errors.length === 0) return { ok: true, value };
  const e = errors[0];
  const before = text.slice(0, e.offset);
  const line = before.split("\n").length;
  const column = e.offset - before.lastIndexOf("\n");
  return { ok: false, error: `Line ${line}, column ${column}: ${words(printParseErrorCode(e.error))}.` };
}

/** "CommaExpected" -> "comma expected" */
function words(code: string): string {
  const s = code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The text a field shows for a value of the document. */
export function showValue(kind: Kind, v: unknown): string {
  if (v === undefined) return "";
  if (kind === "json") return JSON.stringify(v, null, 2);
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}
