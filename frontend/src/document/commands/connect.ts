// Connecting two states of the same sub-machine through one of the source's
// transition fields.
import { EditError } from "../textdoc";
import { queryLanguage, stateAt } from "../machine";
import { handlesErrors, newChoiceRule, stateKind } from "../../states/registry";
import { pointer } from "../pointer";
import type { Command } from "./template";
import { setStart, writeNext } from "./flow";
import { splitEdge } from "./insert";

/** Which field of the source the new arrow is. */
export type ConnectKind =
  | "next"
  | "default"
  | "newChoiceRule"
  | "newCatch"
  | { choiceRule: number }
  | { catch: number };

export function connect(sourceId: string, kind: ConnectKind, targetId: string): Command {
  return (d) => {
    const src = stateAt(d.value, sourceId);
    const dst = stateAt(d.value, targetId);
    if (src.machine.join("/") !== dst.machine.join("/")) {
      throw new EditError("Steps can only be connected inside the same branch or loop.");
    }
    const p = src.path;
    const s = src.value;
    const target = dst.name;
    if (kind === "next") {
      if (stateKind(s.Type).exit === "choice") throw new EditError(`${src.name} is a Choice: connect a rule or its Default instead.`);
      writeNext(d, src, target);
    } else if (kind === "default") {
      if (s.Type !== "Choice") throw new EditError(`${src.name} is not a Choice.`);
      d.set([...p, "Default"], target);
    } else if (kind === "newChoiceRule") {
      if (s.Type !== "Choice") throw new EditError(`${src.name} is not a Choice.`);
      const rule = newChoiceRule(queryLanguage(d.value, s), target);
      if (Array.isArray(s.Choices)) d.push([...p, "Choices"], rule);
      else d.set([...p, "Choices"], [rule], "Type");
    } else if (kind === "newCatch") {
      if (!handlesErrors(s.Type)) throw new EditError(`A ${String(s.Type)} state cannot catch errors.`);
      const catcher = { ErrorEquals: ["States.ALL"], Next: target };
      if (Array.isArray(s.Catch)) d.push([...p, "Catch"], catcher);
      else d.set([...p, "Catch"], [catcher]);
    } else if ("choiceRule" in kind) {
      if (!Array.isArray(s.Choices) || !s.Choices[kind.choiceRule]) throw new EditError(`${src.name} has no rule ${kind.choiceRule + 1}.`);
      d.set([...p, "Choices", kind.choiceRule, "Next"], target);
    } else {
      if (!Array.isArray(s.Catch) || !s.Catch[kind.catch]) throw new EditError(`${src.name} has no catcher ${kind.catch + 1}.`);
      d.set([...p, "Catch", kind.catch, "Next"], target);
    }
    return [sourceId];
  };
}

/**
 * Points the arrow with the diagram's edge id ("/States/A/Next",
 * "/States/C/Choices/0/Next", "/States/C/Default", "/States/T/Catch/1/Next",
 * "start", "/States/A>end") at another state: an arrow's end dragged onto
 * a step. The start arrow makes that step the start; an arrow to the end
 * becomes a Next.
 */
export function retarget(edgeId: string, targetId: string): Command {
  return (d) => {
    if (edgeId === "start") {
      if (stateAt(d.value, targetId).machine.length > 0) throw new EditError("The workflow starts at one of its own steps, not at a step inside a branch or a loop.");
      return setStart(targetId)(d);
    }
    if (edgeId.endsWith(">end")) return connect(edgeId.slice(0, -">end".length), "next", targetId)(d);
    const { state, field } = splitEdge(d.value, edgeId);
    const kind: ConnectKind =
      field[0] === "Choices" ? { choiceRule: Number(field[1]) } : field[0] === "Catch" ? { catch: Number(field[1]) } : field[0] === "Default" ? "default" : "next";
    return connect(pointer(state.path), kind, targetId)(d);
  };
}
