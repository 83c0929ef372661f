// Assign as rows of variables (name, value), apart from React. Under
// JSONata a value is fixed JSON or a "{% … %}" expression; under JSONPath a
// value read from the data is written under the name with ".$" after it
// ("total.$": "$.order.total"), which the rows show as a tick, not as part
// of the name.
import type { Lang } from "../fields";

export interface AssignRow {
  /** The key as written ("total.$"). */
  key: string;
  /** The variable's name ("total"). */
  name: string;
  /** JSONPath only: the value is a path into the data. */
  fromPath: boolean;
  value: unknown;
}

export function assignRows(assign: unknown, lang: Lang): AssignRow[] {
  if (assign === null || typeof assign !== "object" || Array.isArray(assign)) return [];
  return Object.entries(assign as Record<string, unknown>).map(([key, value]) => {
    const fromPath = lang === "JSONPath" && key.endsWith(".$");
    return { key, name: fromPath ? key.slice(0, -2) : key, fromPath, value };
  });
}

/** The key a row is written under. */
export function assignKey(name: string, fromPath: boolean): string {
  return fromPath ? `${name}.$` : name;
}

/** A variable name AWS accepts: a letter or _ first, then letters, digits and _. */
export function variableNameProblem(name: string, taken: string[]): string | null {
  if (name === "") return "A variable needs a name.";
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return "Use letters, digits and _ (not first a digit).";
  if (taken.includes(name)) return `There is already a variable called ${name}.`;
  return null;
}

/** How a value shows in its row: a string as it is, anything else as JSON. */
export function showAssignValue(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

/**
 * What a typed value writes: JSON when it reads as JSON (42, true, null,
 * [1, 2], {"a": 1}, "quoted"), else the text as a string — which is how
 * paths ($.total) and expressions ({% $x %}) are written.
 */
export function parseAssignValue(text: string): unknown {
  const t = text.trim();
  if (t === "") return "";
  if (/^(-?\d|true$|false$|null$|\[|\{(?!%)|")/.test(t)) {
    try {
      return JSON.parse(t);
    } catch {
      return text;
    }
  }
  return text;
}

