// Duplicate, copy and paste. Copies get fresh names ("Charge copy"); arrows
// between copied states follow the copies, arrows to states outside the
// copied set keep their targets when those exist where the copies land.
import { EditError, type TextDoc } from "../textdoc";
import { allNames, isObj, stateAt, statesOf, transitions, uniqueName, type Obj } from "../machine";
import { isTerminal } from "../../states/registry";
import { toPath, type Path } from "../pointer";
import { stateId, type Command } from "./template";

/** The clipboard format: a States object, so it also pastes as ASL text. */
export interface Clip {
  States: Record<string, Obj>;
}

/** Copies the states (in the given order) to a clipboard text. */
export function copyStates(doc: unknown, ids: string[]): string {
  const States: Record<string, Obj> = {};
  for (const id of ids) {
    const st = stateAt(doc, id);
    States[st.name] = structuredClone(st.value);
  }
  return JSON.stringify({ States } satisfies Clip, null, 2);
}

/** Reads clipboard text written by copyStates (or any {"States": {...}}). */
export function readClip(text: string): Clip {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new EditError("The clipboard does not hold steps.");
  }
  if (!isObj(v) || !isObj(v.States) || Object.keys(v.States).length === 0) throw new EditError("The clipboard does not hold steps.");
  return v as unknown as Clip;
}

/** Duplicates states next to their originals. */
export function duplicate(ids: string[]): Command {
  return (d) => {
    const out: string[] = [];
    const byMachine = new Map<string, { machine: Path; names: string[] }>();
    for (const id of ids) {
      const st = stateAt(d.value, id);
      const key = JSON.stringify(st.machine);
      const g = byMachine.get(key) ?? { machine: st.machine, names: [] };
      g.names.push(st.name);
      byMachine.set(key, g);
    }
    for (const { machine, names } of byMachine.values()) {
      const states = statesOf(d.value, machine);
      const clip: Clip = { States: Object.fromEntries(names.map((n) => [n, structuredClone(states[n] as Obj)])) };
      out.push(...place(d, machine, clip, (name) => name));
    }
    return out;
  };
}

/**
 * Pastes clipboard states into the machine of the state `at` (after it), or
 * into the top-level machine when at is null.
 */
export function paste(clipText: string, at: string | null): Command {
  return (d) => {
    const clip = readClip(clipText);
    if (at === null) return place(d, [], clip, () => undefined);
    const st = stateAt(d.value, at);
    return place(d, st.machine, clip, (_, prev) => prev ?? st.name);
  };
}

/**
 * Adds the clip's states to machine under fresh names, each after the key
 * anchor gives (from its original name and the previous copy's name);
 * returns their ids.
 */
function place(d: TextDoc, machine: Path, clip: Clip, anchor: (name: string, prev?: string) => string | undefined): string[] {
  const taken = allNames(d.value);
  const renamed = new Map<string, string>();
  for (const n of Object.keys(clip.States)) {
    const fresh = uniqueName(taken, taken.has(n) ? n + " copy" : n);
    taken.add(fresh);
    renamed.set(n, fresh);
  }
  const existing = new Set(Object.keys(statesOf(d.value, machine)));
  const ids: string[] = [];
  let prev: string | undefined;
  for (const [name, original] of Object.entries(clip.States)) {
    const copy = relink(structuredClone(original), renamed, existing);
    const fresh = renamed.get(name)!;
    d.set([...machine, "States", fresh], copy, anchor(name, prev));
    prev = fresh;
    ids.push(stateId(machine, fresh));
  }
  return ids;
}

/** Points a copy's arrows at the copies; drops arrows that lead nowhere. */
function relink(s: Obj, renamed: Map<string, string>, existing: Set<string>): Obj {
  for (const t of transitions(s)) {
    const to = renamed.get(t.target) ?? (existing.has(t.target) ? t.target : null);
    const path: Path = toPath(s, t.field.map(String));
    if (to !== null) setIn(s, path, to);
    else if (path.length === 1 && path[0] === "Next" && !isTerminal(s.Type)) {
      delete s.Next;
      s.End = true;
    }
  }
  return s;
}

function setIn(o: Obj, path: Path, v: unknown) {
  let cur: unknown = o;
  for (const k of path.slice(0, -1)) cur = (cur as Record<string | number, unknown>)[k];
  (cur as Record<string | number, unknown>)[path[path.length - 1]] = v;
}
