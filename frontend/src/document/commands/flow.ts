// Where a state goes on to, where a machine starts, and a state added with
// no arrow to it yet: the inspector's "Then go to" picker, the canvas's
// "Set as start", and a step dropped where nothing can lead to it.
import { EditError, type TextDoc } from "../textdoc";
import { isObj, stateAt, statesOf, type StateAt } from "../machine";
import { stateKind } from "../../states/registry";
import { segments, toPath, valueAt } from "../pointer";
import { claim, stateId, withExit, type Command, type StateTemplate } from "./template";

/** The state goes on to next (a state of its own machine, by name), or ends there when next is null. */
export function setNext(id: string, next: string | null): Command {
  return (d) => {
    writeNext(d, stateAt(d.value, id), next);
    return [id];
  };
}

/** Writes st's way on: Next in the place of End (or End in the place of Next). */
export function writeNext(d: TextDoc, st: StateAt, next: string | null) {
  const exit = stateKind(st.value.Type).exit;
  if (exit === "choice") throw new EditError(`${st.name} is a Choice: its rules and its Default say where it goes.`);
  if (exit === "none") throw new EditError(`${st.name} ends the workflow; nothing can follow it.`);
  const p = st.path;
  const s = st.value;
  if (next === null) {
    if (s.End === true && !("Next" in s)) return;
    d.set([...p, "End"], true, "Next");
    if ("Next" in s) d.remove([...p, "Next"]);
    return;
  }
  if (!isObj(statesOf(d.value, st.machine)[next])) throw new EditError(`There is no step called "${next}" for ${st.name} to go to.`);
  d.set([...p, "Next"], next, "End");
  if ("End" in s) d.remove([...p, "End"]);
}

/** The machine holding the state starts at it. */
export function setStart(id: string): Command {
  return (d) => {
    const st = stateAt(d.value, id);
    d.set([...st.machine, "StartAt"], st.name);
    return [id];
  };
}

/**
 * Adds a state to the machine at machineId ("" for the workflow itself,
 * "/States/M/ItemProcessor", "/States/P/Branches/0") with nothing leading
 * to it yet, last in its States; an empty machine starts at it.
 */
export function addState(machineId: string, template: StateTemplate): Command {
  return (d) => {
    const machine = toPath(d.value, segments(machineId));
    const m = valueAt(d.value, machine);
    if (!isObj(m)) throw new EditError(`there is no workflow at ${machineId || "/"}`);
    const tpl = claim(d, template);
    const state = withExit(tpl, null);
    if (!isObj(m.States) || Object.keys(m.States).length === 0) {
      d.set([...machine, "StartAt"], tpl.name);
      d.set([...machine, "States"], { [tpl.name]: state });
    } else {
      d.set([...machine, "States", tpl.name], state);
    }
    return [stateId(machine, tpl.name)];
  };
}
