// Connecting two states of the same sub-machine through one of the source's
// transition fields.
import { EditError } from "../textdoc";
import { queryLanguage, stateAt } from "../machine";
import { handlesErrors, newChoiceRule, stateKind } from "../../states/registry";
import type { Command } from "./template";

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
      const exit = stateKind(s.Type).exit;
      if (exit === "choice") throw new EditError(`${src.name} is a Choice: connect a rule or its Default instead.`);
      if (exit === "none") throw new EditError(`${src.name} ends the workflow; nothing can follow it.`);
      d.set([...p, "Next"], target, "End");
      if ("End" in s) d.remove([...p, "End"]);
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
