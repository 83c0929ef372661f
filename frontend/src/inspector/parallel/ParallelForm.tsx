import type { Obj } from "../../document/machine";
import { isObj } from "../../document/machine";
import { insertStateInto } from "../../document/commands/insert";
import { ptr, useForm } from "../context";
import { Section } from "../Section";
import { FieldProblems } from "../controls/FieldProblems";

/** A Parallel's branches: each runs at once with the same input. */
export function ParallelForm({ state }: { state: Obj }) {
  const { id, run, select } = useForm();
  const branches = Array.isArray(state.Branches) ? state.Branches : [];
  return (
    <Section title="Branches" testId="section-branches">
      <ul className="ibranches" data-field="/Branches">
        {branches.map((b, i) => {
          const start = isObj(b) && typeof b.StartAt === "string" ? b.StartAt : null;
          const count = isObj(b) && isObj(b.States) ? Object.keys(b.States).length : 0;
          return (
            <li key={i} data-field={ptr("Branches", i)} data-testid="branch">
              <span>Branch {i + 1}</span>
              <span className="muted">
                {count} step{count === 1 ? "" : "s"}
                {start ? `, starts at ` : ""}
              </span>
              {start && (
                <button type="button" className="ilink" onClick={() => select(`${id}${ptr("Branches", i, "States", start)}`)}>
                  {start}
                </button>
              )}
              <FieldProblems pointer={ptr("Branches", i)} />
            </li>
          );
        })}
      </ul>
      <FieldProblems pointer="/Branches" />
      <button type="button" className="ibutton" data-testid="add-branch" onClick={() => run("Add branch", insertStateInto(id, { name: "Pass", state: { Type: "Pass" } }), true)}>
        + Add branch
      </button>
    </Section>
  );
}
