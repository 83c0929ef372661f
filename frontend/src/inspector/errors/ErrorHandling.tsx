import type { Obj } from "../../document/machine";
import { handlesErrors } from "../../states/registry";
import { Section } from "../Section";
import { RetryList } from "./RetryList";
import { CatchList } from "./CatchList";

/** Retry and Catch, for the states that have them. */
export function ErrorHandling({ state }: { state: Obj }) {
  if (!handlesErrors(state.Type)) return null;
  return (
    <Section title="Error handling" testId="section-errors">
      <RetryList state={state} />
      <CatchList state={state} />
    </Section>
  );
}
