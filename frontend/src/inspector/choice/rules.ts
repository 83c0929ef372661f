// The Choice rule builder's model: a rule is a comparison, or And / Or of
// rules, or Not of one; converted to and from ASL JSON. Anything the
// builder does not understand stays as raw JSON, written back unchanged.
import { isObj, type Obj } from "../../document/machine";

export type Operand = "string" | "number" | "boolean" | "timestamp";

export interface Operator {
  /** The ASL name without Path ("NumericGreaterThan"). */
  name: string;
  /** How it reads: "<", "matches", "is present". */
  label: string;
  operand: Operand;
  /** The operator has a ...Path form comparing with another path. */
  pathForm: boolean;
}

const cmp = (prefix: string, operand: Operand, group: string): Operator[] =>
  [
    ["Equals", "="],
    ["LessThan", "<"],
    ["GreaterThan", ">"],
    ["LessThanEquals", "≤"],
    ["GreaterThanEquals", "≥"],
  ].map(([n, sym]) => ({ name: prefix + n, label: `${group} ${sym}`, operand, pathForm: true }));

export const operators: Operator[] = [
  ...cmp("String", "string", "text"),
  { name: "StringMatches", label: "text matches", operand: "string", pathForm: false },
  ...cmp("Numeric", "number", "number"),
  { name: "BooleanEquals", label: "boolean =", operand: "boolean", pathForm: true },
  ...cmp("Timestamp", "timestamp", "time"),
  ...["IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"].map((name) => ({
    name,
    label: name.replace(/^Is/, "is ").replace("Numeric", "number").toLowerCase(),
    operand: "boolean" as const,
    pathForm: false,
  })),
];

const byName = new Map(operators.map((o) => [o.name, o]));

export function operator(name: string): Operator {
  return byName.get(name) ?? operators[0];
}

export type Rule =
  | { kind: "and" | "or"; rules: Rule[] }
  | { kind: "not"; rule: Rule }
  | { kind: "compare"; variable: string; op: string; path: boolean; value: unknown }
  | { kind: "raw"; json: Obj };

/** Keys of a top-level rule that are not its condition. */
export const ruleExtras = ["Next", "Comment", "Assign", "Output"];

/** Reads a rule (its condition part; Next and the like are ignored). */
export function fromJson(v: unknown): Rule {
  if (!isObj(v)) return { kind: "raw", json: {} };
  if (Array.isArray(v.And)) return { kind: "and", rules: v.And.map(fromJson) };
  if (Array.isArray(v.Or)) return { kind: "or", rules: v.Or.map(fromJson) };
  if (isObj(v.Not)) return { kind: "not", rule: fromJson(v.Not) };
  for (const k of Object.keys(v)) {
    const path = k.endsWith("Path") && byName.get(k.slice(0, -4))?.pathForm === true;
    const name = path ? k.slice(0, -4) : k;
    if (byName.has(name) && typeof v.Variable === "string") return { kind: "compare", variable: v.Variable, op: name, path, value: v[k] };
  }
  const json: Obj = {};
  for (const [k, x] of Object.entries(v)) if (!ruleExtras.includes(k)) json[k] = x;
  return { kind: "raw", json };
}

export function toJson(r: Rule): Obj {
  switch (r.kind) {
    case "and":
      return { And: r.rules.map(toJson) };
    case "or":
      return { Or: r.rules.map(toJson) };
    case "not":
      return { Not: toJson(r.rule) };
    case "compare":
      return { Variable: r.variable, [r.op + (r.path ? "Path" : "")]: r.value };
    case "raw":
      return r.json;
  }
}

/** A fresh comparison for the builder. */
export function newComparison(): Rule {
  return { kind: "compare", variable: "$.value", op: "StringEquals", path: false, value: "" };
}

/** The operand an operator takes when not in its Path form, as it starts. */
export function defaultOperand(op: string): unknown {
  const o = operator(op);
  return o.operand === "number" ? 0 : o.operand === "boolean" ? true : o.operand === "timestamp" ? "2026-01-01T00:00:00Z" : "";
}

/** The comparison with another operator; the operand is kept when it still fits. */
export function withOperator(r: Extract<Rule, { kind: "compare" }>, op: string): Rule {
  const o = operator(op);
  const path = r.path && o.pathForm;
  const keep = path || (o.operand === operator(r.op).operand && operandError(op, r.path, r.value) === null);
  return { ...r, op, path, value: keep ? r.value : defaultOperand(op) };
}

const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Why value is no operand of op (in its path form or not), or null. */
export function operandError(op: string, path: boolean, value: unknown): string | null {
  if (path) return typeof value === "string" && value.startsWith("$") ? null : "Compare with a path starting with $.";
  switch (operator(op).operand) {
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : "Enter a number.";
    case "boolean":
      return typeof value === "boolean" ? null : "Choose true or false.";
    case "timestamp":
      return typeof value === "string" && timestamp.test(value) ? null : "Enter a time like 2026-01-31T12:00:00Z.";
    default:
      return typeof value === "string" ? null : "Enter text.";
  }
}

/** Turns what was typed into the operand of op: a number for numbers, etc. */
export function readOperand(op: string, path: boolean, text: string): unknown {
  if (path) return text.trim();
  const o = operator(op).operand;
  if (o === "number") return text.trim() === "" || Number.isNaN(Number(text)) ? text : Number(text);
  if (o === "boolean") return text === "true";
  return text;
}

/** How a rule reads: "$.amount > 100", "not ($.x is present)". */
export function describe(r: Rule): string {
  switch (r.kind) {
    case "and":
    case "or":
      return r.rules.map((x) => (x.kind === "and" || x.kind === "or" ? `(${describe(x)})` : describe(x))).join(` ${r.kind} `) || `(empty ${r.kind})`;
    case "not":
      return `not (${describe(r.rule)})`;
    case "compare": {
      const o = operator(r.op);
      const sym = o.label.split(" ").slice(1).join(" ") || o.label;
      if (!o.pathForm && o.operand === "boolean" && r.op.startsWith("Is")) return `${r.variable} ${r.value === false ? "is not" : "is"} ${o.label.slice(3)}`;
      return `${r.variable} ${sym} ${r.path ? String(r.value) : JSON.stringify(r.value)}`;
    }
    case "raw":
      return JSON.stringify(r.json);
  }
}

/** The rule at a path of child indexes (And/Or items; 0 steps into a Not). */
export function ruleAt(r: Rule, at: number[]): Rule {
  let cur = r;
  for (const i of at) cur = cur.kind === "not" ? cur.rule : cur.kind === "and" || cur.kind === "or" ? cur.rules[i] : cur;
  return cur;
}

/** The rule with the sub-rule at `at` replaced by fn of it (null removes it from its group). */
export function updateAt(r: Rule, at: number[], fn: (x: Rule) => Rule | null): Rule | null {
  if (at.length === 0) return fn(r);
  const [i, ...rest] = at;
  if (r.kind === "not") {
    const inner = updateAt(r.rule, rest, fn);
    return inner === null ? null : { ...r, rule: inner };
  }
  if (r.kind === "and" || r.kind === "or") {
    const inner = updateAt(r.rules[i], rest, fn);
    const rules = inner === null ? r.rules.filter((_, j) => j !== i) : r.rules.map((x, j) => (j === i ? inner : x));
    return { ...r, rules };
  }
  return r;
}
