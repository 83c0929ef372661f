// Deleting states. Arrows into a deleted state are reconnected to its one
// successor (its Next) when it has one: deleting B from A -> B -> C gives
// A -> C, which is what the user means. A deleted last state hands End to
// its predecessors. Choice rules, Defaults and Catchers that pointed at a
// state with no successor are left for the problems panel to show, rather
// than deleting the conditions or error handling the user wrote.
import { referencesTo, stateAt, statesOf, type StateAt } from "../machine";
import { pointer } from "../pointer";
import type { Command } from "./template";

export function deleteStates(ids: string[]): Command {
  return (d) => {
    // Inner states of a deleted container go with it.
    const unique = [...new Set(ids)];
    const outer = unique.filter((id) => !unique.some((o) => o !== id && id.startsWith(o + "/")));
    for (const id of outer) deleteOne(d, stateAt(d.value, id));
    return [];
  };
}

function deleteOne(d: Parameters<Command>[0], st: StateAt) {
  const s = st.value;
  const succ = s.Type !== "Choice" && typeof s.Next === "string" && s.Next !== st.name ? s.Next : null;
  const self = pointer(st.path);
  for (const ref of referencesTo(d.value, st.machine, st.name)) {
    if (pointer(ref).startsWith(self + "/")) continue; // its own fields go with it
    const field = ref[ref.length - 1];
    if (field === "StartAt") {
      const others = Object.keys(statesOf(d.value, st.machine)).filter((n) => n !== st.name);
      d.set(ref, succ ?? others[0] ?? st.name);
    } else if (succ !== null) {
      d.set(ref, succ);
    } else if (s.End === true && field === "Next" && ref.length === st.machine.length + 3) {
      // A plain predecessor (not a rule or catcher) becomes the new end.
      d.set([...ref.slice(0, -1), "End"], true, "Next");
      d.remove(ref);
    }
  }
  d.remove(st.path);
}
