// Which states a run can reach: from a machine's StartAt along every
// transition (Next, the Choice rules, Default, Catch), and into a
// Parallel's branches or a Map's processor once the Parallel or Map itself
// is reached. The edit guard (document/guard.ts) compares the reach before
// and after an edit to find the states it would cut off.
import { isObj, subMachines, transitions, type Obj } from "./machine";
import { pointer, valueAt, type Path } from "./pointer";

/** A state an edit would leave with nothing leading to it. */
export interface CutState {
  id: string;
  name: string;
  /** The path of the machine holding it. */
  machine: Path;
}

/** The ids (diagram pointers) of every state reachable from the top-level StartAt. */
export function reachable(doc: unknown): Set<string> {
  const out = new Set<string>();
  const visit = (machine: Path) => {
    for (const name of reachableIn(doc, machine)) {
      const path = [...machine, "States", name];
      out.add(pointer(path));
      for (const sub of subMachines(valueAt(doc, path) as Obj, path)) visit(sub);
    }
  };
  visit([]);
  return out;
}

/** The names reachable inside one machine, from start (its StartAt unless given), in the order a search meets them. */
export function reachableIn(doc: unknown, machine: Path, start?: string): string[] {
  const m = valueAt(doc, machine);
  if (!isObj(m) || !isObj(m.States)) return [];
  const states = m.States;
  const first = start ?? m.StartAt;
  if (typeof first !== "string" || !isObj(states[first])) return [];
  const seen = [first];
  const known = new Set(seen);
  for (let i = 0; i < seen.length; i++) {
    for (const t of transitions(states[seen[i]] as Obj)) {
      if (known.has(t.target) || !isObj(states[t.target])) continue;
      known.add(t.target);
      seen.push(t.target);
    }
  }
  return seen;
}

/** Every state of the document, in document order (a container before what it holds). */
export function allStates(doc: unknown): CutState[] {
  const out: CutState[] = [];
  const walk = (machine: Path) => {
    const states = valueAt(doc, [...machine, "States"]);
    if (!isObj(states)) return;
    for (const [name, s] of Object.entries(states)) {
      if (!isObj(s)) continue;
      const path = [...machine, "States", name];
      out.push({ id: pointer(path), name, machine });
      for (const sub of subMachines(s, path)) walk(sub);
    }
  };
  walk([]);
  return out;
}

/**
 * The states that were reachable before an edit and are not after it, of
 * those that still exist (states the edit added or removed do not count),
 * in document order.
 */
export function cutOff(before: unknown, after: unknown): CutState[] {
  const was = reachable(before);
  const is = reachable(after);
  return allStates(after).filter((s) => was.has(s.id) && !is.has(s.id));
}

/** The states of list not inside another state of list: what to name to people (a Map, not also its inner steps). */
export function outermost(list: CutState[]): CutState[] {
  return list.filter((s) => !list.some((o) => o !== s && s.id.startsWith(o.id + "/")));
}
