// Reading the state machine out of the parsed document: where each
// sub-machine sits, which names exist, and which fields refer to a state.
import { segments, toPath, valueAt, type Path } from "./pointer";
import { EditError } from "./textdoc";

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A state located in the document. */
export interface StateAt {
  /** The path of the machine holding it ([] for the top level). */
  machine: Path;
  name: string;
  path: Path;
  value: Obj;
}

/** Locates a state by its diagram id ("/States/P/Branches/0/States/B"). */
export function stateAt(doc: unknown, id: string): StateAt {
  const segs = segments(id);
  if (segs.length < 2 || segs[segs.length - 2] !== "States") throw new EditError(`${id} is not a state`);
  const path = toPath(doc, segs);
  const value = valueAt(doc, path);
  if (!isObj(value)) throw new EditError(`there is no state at ${id}`);
  return { machine: path.slice(0, -2), name: String(path[path.length - 1]), path, value };
}

/** The states object of the machine at path. */
export function statesOf(doc: unknown, machine: Path): Obj {
  const states = valueAt(doc, [...machine, "States"]);
  if (!isObj(states)) throw new EditError(`no States at /${machine.join("/")}`);
  return states;
}

/** Calls fn for every machine in the document, the top level first. */
export function forEachMachine(doc: unknown, fn: (path: Path, m: Obj) => void, base: Path = []) {
  const m = valueAt(doc, base);
  if (!isObj(m)) return;
  fn(base, m);
  const states = m.States;
  if (!isObj(states)) return;
  for (const [name, s] of Object.entries(states)) {
    if (isObj(s)) for (const sub of subMachines(s, [...base, "States", name])) forEachMachine(doc, fn, sub);
  }
}

/** The paths of the machines a state holds (a Parallel's branches, a Map's processor), given the state's path. */
export function subMachines(state: Obj, at: Path): Path[] {
  const out: Path[] = [];
  if (Array.isArray(state.Branches)) state.Branches.forEach((_, i) => out.push([...at, "Branches", i]));
  if (isObj(state.ItemProcessor)) out.push([...at, "ItemProcessor"]);
  if (isObj(state.Iterator)) out.push([...at, "Iterator"]);
  return out;
}

/** Every state name in the document: ASL wants them unique machine-wide. */
export function allNames(doc: unknown): Set<string> {
  const names = new Set<string>();
  forEachMachine(doc, (_, m) => {
    if (isObj(m.States)) for (const n of Object.keys(m.States)) names.add(n);
  });
  return names;
}

/** base, or "base 2", "base 3"... whichever is free. */
export function uniqueName(taken: Set<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const n = `${base} ${i}`;
    if (!taken.has(n)) return n;
  }
}

/** The fields of one state that name another state, with their targets. */
export function transitions(state: Obj): { field: Path; target: string }[] {
  const out: { field: Path; target: string }[] = [];
  if (Array.isArray(state.Choices))
    state.Choices.forEach((r, i) => isObj(r) && typeof r.Next === "string" && out.push({ field: ["Choices", i, "Next"], target: r.Next }));
  if (typeof state.Default === "string") out.push({ field: ["Default"], target: state.Default });
  if (typeof state.Next === "string") out.push({ field: ["Next"], target: state.Next });
  if (Array.isArray(state.Catch))
    state.Catch.forEach((c, i) => isObj(c) && typeof c.Next === "string" && out.push({ field: ["Catch", i, "Next"], target: c.Next }));
  return out;
}

/** Paths of every field in machine that names target (StartAt included). */
export function referencesTo(doc: unknown, machine: Path, target: string): Path[] {
  const out: Path[] = [];
  const m = valueAt(doc, machine);
  if (isObj(m) && m.StartAt === target) out.push([...machine, "StartAt"]);
  for (const [name, s] of Object.entries(statesOf(doc, machine))) {
    if (!isObj(s)) continue;
    for (const t of transitions(s)) if (t.target === target) out.push([...machine, "States", name, ...t.field]);
  }
  return out;
}

/** The query language a state is written in (its own, else the machine's). */
export function queryLanguage(doc: unknown, state?: Obj): "JSONPath" | "JSONata" {
  const own = state?.QueryLanguage;
  const top = isObj(doc) ? doc.QueryLanguage : undefined;
  return (own ?? top) === "JSONata" ? "JSONata" : "JSONPath";
}
