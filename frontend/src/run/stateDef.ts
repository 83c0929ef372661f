// A state's own definition, found by name in the workflow's text (JSON or
// YAML), with the query language it is written in: what Inspect needs to
// tell "no such field" from "not recorded". Parsed once per text.
import { parse as parseYaml } from "yaml";
import type { Lang } from "./stages";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export interface StateDef {
  def: Obj | null;
  lang: Lang;
}

let cached: { text: string; states: Map<string, StateDef> } | null = null;

/** The definition of state in text; def is null when text does not parse or lacks it. */
export function stateDef(text: string, state: string): StateDef {
  if (cached?.text !== text) cached = { text, states: index(text) };
  return cached.states.get(state) ?? { def: null, lang: "JSONPath" };
}

function index(text: string): Map<string, StateDef> {
  const out = new Map<string, StateDef>();
  let doc: unknown;
  try {
    doc = /^\s*\{/.test(text) ? JSON.parse(text) : parseYaml(text);
  } catch {
    return out;
  }
  // A state's QueryLanguage, else its machine's (inherited by the
  // machines a Map or Parallel holds).
  const walk = (m: unknown, lang: Lang) => {
    if (!isObj(m) || !isObj(m.States)) return;
    const here: Lang = m.QueryLanguage === "JSONata" ? "JSONata" : m.QueryLanguage === "JSONPath" ? "JSONPath" : lang;
    for (const [name, s] of Object.entries(m.States)) {
      if (!isObj(s)) continue;
      const own: Lang = s.QueryLanguage === "JSONata" ? "JSONata" : s.QueryLanguage === "JSONPath" ? "JSONPath" : here;
      out.set(name, { def: s, lang: own });
      if (Array.isArray(s.Branches)) for (const b of s.Branches) walk(b, own);
      for (const p of [s.ItemProcessor, s.Iterator]) walk(p, own);
    }
  };
  walk(doc, "JSONPath");
  return out;
}
