// Bringing back the states an edit cut off. When an arrow that led to a
// state B now leads elsewhere (to X) and nothing else leads to B, the
// first of these that applies puts B back on a path:
//  1. a state E reached from X ends the workflow (End: true) and is not
//     reached from B: E goes on to B (X's path now continues into B);
//  2. the arrow was the Next of a state S that can catch errors: S goes on
//     to B again, and to X when it fails (a Catch);
//  3. X was added by the edit: the arrow leads to B again and X waits,
//     unconnected, for the user to place it.
// States the edit added or removed are not its concern; a state none of
// these bring back is named in the error.
import { EditError, type TextDoc } from "../textdoc";
import { isObj, stateAt, statesOf, transitions, type Obj } from "../machine";
import { pointer, valueAt, type Path } from "../pointer";
import { cutOff, outermost, reachable, reachableIn, type CutState } from "../reach";
import { handlesErrors, stateKind } from "../../states/registry";
import { writeNext } from "./flow";
import type { Command } from "./template";

/** cmd, then the states it cut off reconnected, in the same transaction. */
export function keepConnected(cmd: Command): Command {
  return (d) => {
    const before = structuredClone(d.value);
    const select = cmd(d);
    reconnect(d, before);
    return select;
  };
}

/**
 * Reconnects the states that were reachable in before (the document as it
 * was) and are not in d; returns what was done, one sentence per change.
 * Throws EditError naming the states it cannot bring back.
 */
export function reconnect(d: TextDoc, before: unknown): string[] {
  const notes: string[] = [];
  const tried = new Set<string>();
  for (;;) {
    const live = reachable(d.value);
    // An entry of a cut-off part: in a machine that is itself reached.
    const entry = cutOff(before, d.value).find((c) => !tried.has(c.id) && machineReached(c.machine, live));
    if (!entry) break;
    tried.add(entry.id);
    const note = bringBack(d, before, entry, live);
    if (note) notes.push(note);
  }
  const left = outermost(cutOff(before, d.value));
  if (left.length > 0) throw new EditError(`${quoteList(left.map((s) => s.name))} cannot be reconnected automatically.`);
  return notes;
}

/** One arrow that led to the cut-off state and now leads elsewhere; source null is the machine's StartAt. */
interface Changed {
  source: string | null;
  field: Path;
  /** Where it leads now, when it still names a state. */
  to: string | undefined;
}

function bringBack(d: TextDoc, before: unknown, entry: CutState, live: Set<string>): string | null {
  for (const c of changedArrows(before, d.value, entry, live)) {
    const note = continueAfter(d, entry, c) ?? catchInstead(d, entry, c) ?? restore(d, before, entry, c);
    if (note) return note;
  }
  return null;
}

function changedArrows(before: unknown, after: unknown, entry: CutState, live: Set<string>): Changed[] {
  const m = entry.machine;
  const was = valueAt(before, m) as Obj;
  const now = valueAt(after, m) as Obj;
  const out: Changed[] = [];
  const named = (v: unknown) => (typeof v === "string" && isObj((now.States as Obj)[v]) ? v : undefined);
  if (was.StartAt === entry.name && now.StartAt !== entry.name) out.push({ source: null, field: ["StartAt"], to: named(now.StartAt) });
  for (const [name, s] of Object.entries(statesOf(before, m))) {
    const after = (now.States as Obj)[name];
    if (!isObj(s) || !isObj(after) || !live.has(pointer([...m, "States", name]))) continue;
    for (const t of transitions(s)) {
      if (t.target !== entry.name) continue;
      const v = valueAt(after, t.field);
      if (v !== entry.name) out.push({ source: name, field: t.field, to: named(v) });
    }
  }
  return out;
}

/** 1: the first free end on X's path goes on to the entry. */
function continueAfter(d: TextDoc, entry: CutState, c: Changed): string | null {
  if (!c.to) return null;
  const states = statesOf(d.value, entry.machine);
  const fromEntry = new Set(reachableIn(d.value, entry.machine, entry.name));
  for (const name of reachableIn(d.value, entry.machine, c.to)) {
    const s = states[name] as Obj;
    if (s.End !== true || stateKind(s.Type).exit !== "next" || fromEntry.has(name)) continue;
    writeNext(d, stateAt(d.value, pointer([...entry.machine, "States", name])), entry.name);
    return `“${name}” goes on to “${entry.name}”.`;
  }
  return null;
}

/** 2: the Next of a state that can catch errors goes back to the entry; X becomes where it goes when it fails. */
function catchInstead(d: TextDoc, entry: CutState, c: Changed): string | null {
  if (!c.to || c.source === null || c.field.join("/") !== "Next") return null;
  const path = [...entry.machine, "States", c.source];
  const s = valueAt(d.value, path) as Obj;
  if (!handlesErrors(s.Type)) return null;
  d.set([...path, "Next"], entry.name);
  const catches = Array.isArray(s.Catch) ? s.Catch : [];
  if (!catches.some((k) => isObj(k) && k.Next === c.to)) {
    const catcher = { ErrorEquals: ["States.ALL"], Next: c.to };
    if (catches.length > 0) d.push([...path, "Catch"], catcher);
    else d.set([...path, "Catch"], [catcher]);
  }
  return `“${c.source}” goes on to “${entry.name}” as before, and to “${c.to}” when it fails.`;
}

/** 3: a step the edit added gives the arrow back and waits unconnected. */
function restore(d: TextDoc, before: unknown, entry: CutState, c: Changed): string | null {
  if (!c.to || isObj(statesOf(before, entry.machine)[c.to])) return null;
  const path = c.source === null ? [...entry.machine, "StartAt"] : [...entry.machine, "States", c.source, ...c.field];
  d.set(path, entry.name);
  return `“${c.to}” is added with no arrow to it yet: connect it where it belongs.`;
}

function machineReached(machine: Path, live: Set<string>): boolean {
  if (machine.length === 0) return true;
  // ".../States/P/Branches/0" belongs to P, ".../States/M/ItemProcessor" to M.
  const owner = typeof machine[machine.length - 1] === "number" ? machine.slice(0, -2) : machine.slice(0, -1);
  return live.has(pointer(owner));
}

/** “A”, “B” and “C”. */
export function quoteList(names: string[]): string {
  const q = names.map((n) => `“${n}”`);
  return q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]}`;
}
