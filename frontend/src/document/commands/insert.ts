// Inserting a new state: on an edge (between two states, or after the start
// marker, or before an end), or into a Parallel branch / Map processor.
import { EditError } from "../textdoc";
import { isObj, stateAt, statesOf, type Obj } from "../machine";
import { isTerminal, stateKind } from "../../states/registry";
import { segments, toPath, valueAt, type Path } from "../pointer";
import { claim, stateId, withExit, type Command, type StateTemplate } from "./template";

/**
 * Inserts a state on the edge with the diagram's id: "start", "<state>>end"
 * or the pointer of the transition field ("/States/A/Next",
 * "/States/C/Choices/0/Next", "/States/C/Default", "/States/T/Catch/1/Next").
 */
export function insertStateOnEdge(edgeId: string, template: StateTemplate): Command {
  return (d) => {
    const tpl = claim(d, template);
    const name = tpl.name;
    if (edgeId === "start") {
      const m = d.value as Obj;
      const first = typeof m.StartAt === "string" ? m.StartAt : null;
      d.set(["States", name], withExit(tpl, first), null);
      d.set(["StartAt"], name);
      return [stateId([], name)];
    }
    if (edgeId.endsWith(">end")) {
      const src = stateAt(d.value, edgeId.slice(0, -4));
      if (isTerminal(src.value.Type)) throw new EditError(`${src.name} ends the workflow; nothing can follow it.`);
      d.set([...src.path, "Next"], name, "End");
      d.remove([...src.path, "End"]);
      d.set([...src.machine, "States", name], withExit(tpl, null), src.name);
      return [stateId(src.machine, name)];
    }
    const { state, field } = splitEdge(d.value, edgeId);
    const target = valueAt(d.value, [...state.path, ...field]);
    if (typeof target !== "string") throw new EditError(`the arrow ${edgeId} no longer exists`);
    d.set([...state.path, ...field], name);
    d.set([...state.machine, "States", name], withExit(tpl, target), state.name);
    return [stateId(state.machine, name)];
  };
}

/** Splits an edge pointer into its state and the field naming the target. */
export function splitEdge(doc: unknown, edgeId: string) {
  const segs = segments(edgeId);
  const n = segs.length;
  const rule = n >= 3 && segs[n - 1] === "Next" && (segs[n - 3] === "Choices" || segs[n - 3] === "Catch");
  const cut = rule ? n - 3 : n - 1;
  if (!rule && segs[n - 1] !== "Next" && segs[n - 1] !== "Default") throw new EditError(`${edgeId} is not an arrow`);
  const state = stateAt(doc, pointerOf(segs.slice(0, cut)));
  const field: Path = toPath(state.value, segs.slice(cut));
  return { state, field };
}

function pointerOf(segs: string[]) {
  return segs.map((s) => "/" + s.replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/**
 * Adds a state inside a container: a branch ("/States/P/Branches/0"), a Map
 * state (its processor), or a Parallel state (a new branch). The new state
 * follows the sub-machine's single end when it has one.
 */
export function insertStateInto(containerId: string, template: StateTemplate): Command {
  return (d) => {
    const segs = segments(containerId);
    const path = toPath(d.value, segs);
    const target = valueAt(d.value, path);
    if (!isObj(target)) throw new EditError(`there is nothing at ${containerId}`);
    const tpl = claim(d, template);
    const name = tpl.name;
    let machine: Path;
    const holds = stateKind(target.Type).holds;
    if (holds === "branches") {
      const branch = { StartAt: name, States: { [name]: withExit(tpl, null) } };
      if (Array.isArray(target.Branches)) d.push([...path, "Branches"], branch);
      else d.set([...path, "Branches"], [branch]);
      return [stateId([...path, "Branches", Array.isArray(target.Branches) ? target.Branches.length : 0], name)];
    } else if (holds === "items") {
      machine = [...path, isObj(target.Iterator) && !isObj(target.ItemProcessor) ? "Iterator" : "ItemProcessor"];
    } else if (isObj(target.States) || path[path.length - 2] === "Branches") {
      machine = path;
    } else {
      throw new EditError(`${containerId} is not a branch, a Map or a Parallel`);
    }
    const m = valueAt(d.value, machine);
    if (!isObj(m) || !isObj(m.States) || Object.keys(m.States).length === 0) {
      d.set([...machine, "StartAt"], name);
      d.set([...machine, "States"], { [name]: withExit(tpl, null) });
      return [stateId(machine, name)];
    }
    const ends = Object.entries(statesOf(d.value, machine)).filter(([, s]) => isObj(s) && s.End === true);
    if (ends.length === 1) {
      const [endName] = ends[0];
      const endPath = [...machine, "States", endName];
      d.set([...endPath, "Next"], name, "End");
      d.remove([...endPath, "End"]);
      d.set([...machine, "States", name], withExit(tpl, null), endName);
    } else {
      d.set([...machine, "States", name], withExit(tpl, null));
    }
    return [stateId(machine, name)];
  };
}

/**
 * Inserts a state right after another one (the palette's Enter key): on its
 * Next arrow, or after it when it ends its branch. Works at any depth.
 */
export function insertStateAfter(stateId: string, template: StateTemplate): Command {
  return (d) => {
    const st = stateAt(d.value, stateId);
    if (typeof st.value.Next === "string") return insertStateOnEdge(`${stateId}/Next`, template)(d);
    if (st.value.End === true) return insertStateOnEdge(`${stateId}>end`, template)(d);
    if (isTerminal(st.value.Type)) throw new EditError(`${st.name} ends the workflow; nothing can follow it.`);
    throw new EditError(`${st.name} has no single way out: drag the new step onto one of its arrows.`);
  };
}
