// Parameter templates written once for both query languages: a value read
// from the state's input is marked with from(); it becomes a "Key.$" path
// under JSONPath and a {% ... %} expression under JSONata.
import type { QueryLanguage } from "./entry";

class From {
  constructor(
    readonly path: string,
    readonly jsonata: string,
  ) {}
}

/** A value taken from the input: a JSONPath and the same in JSONata. */
export function from(path: string, jsonata: string): From {
  return new From(path, jsonata);
}

/** The template in lang: Parameters-style keys for JSONPath, Arguments-style for JSONata. */
export function render(lang: QueryLanguage, v: unknown): unknown {
  if (v instanceof From) return lang === "JSONata" ? `{% ${v.jsonata} %}` : v.path;
  if (Array.isArray(v)) return v.map((x) => render(lang, x));
  if (v === null || typeof v !== "object") return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    out[x instanceof From && lang === "JSONPath" ? `${k}.$` : k] = render(lang, x);
  }
  return out;
}
