// What the palette hands to the insert commands: a base name and the
// state's fields without its way out (Next/End), which the command adds.
import { EditError, type TextDoc } from "../textdoc";
import { allNames, isObj, uniqueName, type Obj } from "../machine";
import { stateKind } from "../../states/registry";
import type { Path } from "../pointer";
import { pointer } from "../pointer";

export interface StateTemplate {
  name: string;
  state: Obj;
}

/**
 * A command edits the document through its TextDoc and returns the ids of
 * the states to select afterwards (new or changed ones), if any.
 */
export type Command = (d: TextDoc) => string[] | void;

/** A fresh name for tpl, unique in the whole machine as ASL requires. */
export function freshName(d: TextDoc, base: string): string {
  return uniqueName(allNames(d.value), base);
}

/**
 * The template with its name and the names inside it (a Parallel's
 * branches, a Map's processor) made unique in the document.
 */
export function claim(d: TextDoc, tpl: StateTemplate): StateTemplate {
  const taken = allNames(d.value);
  const name = uniqueName(taken, tpl.name);
  taken.add(name);
  const state = structuredClone(tpl.state);
  const machines = [...(Array.isArray(state.Branches) ? state.Branches : []), state.ItemProcessor, state.Iterator];
  for (const m of machines) if (isObj(m) && isObj(m.States)) renameInside(m, taken);
  return { name, state };
}

function renameInside(m: Obj, taken: Set<string>) {
  const states = m.States as Obj;
  const fresh = new Map<string, string>();
  for (const n of Object.keys(states)) {
    const f = uniqueName(taken, n);
    taken.add(f);
    fresh.set(n, f);
  }
  const follow = (n: unknown) => (typeof n === "string" ? (fresh.get(n) ?? n) : n);
  m.StartAt = follow(m.StartAt);
  m.States = Object.fromEntries(
    Object.entries(states).map(([n, s]) => {
      if (isObj(s)) {
        if ("Next" in s) s.Next = follow(s.Next);
        if ("Default" in s) s.Default = follow(s.Default);
        for (const r of [...(Array.isArray(s.Choices) ? s.Choices : []), ...(Array.isArray(s.Catch) ? s.Catch : [])])
          if (isObj(r) && "Next" in r) r.Next = follow(r.Next);
      }
      return [fresh.get(n)!, s];
    }),
  );
}

/** The template's state with its way out: Next, End, or a Choice's targets. */
export function withExit(tpl: StateTemplate, next: string | null): Obj {
  const s: Obj = structuredClone(tpl.state);
  const exit = stateKind(s.Type).exit;
  if (exit === "choice") {
    if (next === null) throw new EditError("A Choice needs a step after it: drop it on an arrow between two steps.");
    s.Choices = (Array.isArray(s.Choices) ? s.Choices : []).map((r) => ({ ...(r as Obj), Next: next }));
    s.Default = next;
    return s;
  }
  if (exit === "none") return s;
  if (next !== null) s.Next = next;
  else s.End = true;
  return s;
}

/** The diagram id of the state name in machine. */
export function stateId(machine: Path, name: string): string {
  return pointer([...machine, "States", name]);
}
