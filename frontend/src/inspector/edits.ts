// The commands the inspector's forms issue, apart from React so tests
// run exactly what the forms run. Each is one transaction on the document.
import { isObj, stateAt, type Obj } from "../document/machine";
import { EditError } from "../document/textdoc";
import { appendItem, patchField, removeItem } from "../document/commands/patch";
import { addChoiceRule, setMachineField } from "../document/commands/fields";
import { newChoiceRule } from "../states/registry";
import type { Command } from "../document/commands/template";
import { beforeExit, newCatcher, newRetrier, type Lang, type WaitMode } from "./fields";
import { ruleExtras, toJson, type Rule } from "./choice/rules";
import { ptr } from "./context";
import { setIn, withReaderKind, writerWith, type ReaderKind } from "./map/s3";
import { assignKey, variableNameProblem } from "./io/assign";

/** A field of the state set to value (undefined removes it); an absent key goes after `after`. */
export function setValue(id: string, pointer: string, value: unknown, after?: string): Command {
  return patchField(id, pointer, value, { after });
}

/** A top-level field of the workflow (undefined removes it). */
export function setWorkflowValue(field: string, value: unknown): Command {
  return setMachineField(field, value);
}

export function addRetry(id: string, state: Obj): Command {
  return appendItem(id, "/Retry", newRetrier(), { after: beforeExit(state) });
}

export function addCatch(id: string, next: string): Command {
  return appendItem(id, "/Catch", newCatcher(next));
}

export function removeEntry(id: string, list: "Retry" | "Catch", i: number): Command {
  return removeItem(id, "/" + list, i);
}

/** Rule i's condition becomes rule; its Next, Comment, Assign and Output stay. */
export function setRule(id: string, i: number, rule: Rule): Command {
  return patchField(id, ptr("Choices", i), toJson(rule), { keep: ruleExtras });
}

export function addRule(id: string, lang: Lang, next: string): Command {
  return addChoiceRule(id, newChoiceRule(lang, next));
}

/** What a Wait's field starts as when the user switches to it. */
export const waitStarters: Record<WaitMode, unknown> = { Seconds: 10, Timestamp: "2026-01-01T00:00:00Z", SecondsPath: "$.waitSeconds", TimestampPath: "$.until" };

/** A Wait switched from one way of waiting to another: the new field takes the old one's place. */
export function switchWait(id: string, state: Obj, from: WaitMode, to: WaitMode): Command {
  return (d) => {
    if (from === to) return [id];
    const had = from in state;
    patchField(id, "/" + to, waitStarters[to], { after: had ? from : "Type" })(d);
    if (had) patchField(id, "/" + from, undefined)(d);
    return [id];
  };
}

/** A field of a Map's ItemProcessor.ProcessorConfig (Mode, ExecutionType); undefined removes it. */
export function setProcessorConfig(id: string, state: Obj, key: string, value: unknown): Command {
  const proc = isObj(state.ItemProcessor) ? state.ItemProcessor : {};
  const config = isObj(proc.ProcessorConfig) ? { ...proc.ProcessorConfig } : {};
  if (value === undefined) delete config[key];
  else config[key] = value;
  // A Distributed Map must say which kind of child workflows it starts;
  // STANDARD is what the AWS console picks.
  if (key === "Mode" && value === "DISTRIBUTED" && config.ExecutionType === undefined) config.ExecutionType = "STANDARD";
  // A new ProcessorConfig goes first, where people write it.
  const next = "ProcessorConfig" in proc ? { ...proc, ProcessorConfig: config } : { ProcessorConfig: config, ...proc };
  return patchField(id, "/ItemProcessor", next);
}

/**
 * A JSONata rule's Condition; it is the whole condition, so JSONPath
 * condition keys left from before (Variable, StringEquals…) go. Clearing
 * removes only the Condition.
 */
export function setCondition(id: string, i: number, condition: string | undefined): Command {
  if (condition === undefined) return patchField(id, ptr("Choices", i, "Condition"), undefined);
  return patchField(id, ptr("Choices", i), { Condition: condition }, { keep: ruleExtras });
}

/** Where a Map's new ItemReader, ItemBatcher or ResultWriter goes: before ItemProcessor (or Iterator), else before the way out. */
function mapAfter(state: Obj): string | undefined {
  const keys = Object.keys(state);
  const i = keys.findIndex((k) => k === "ItemProcessor" || k === "Iterator");
  return i > 0 ? keys[i - 1] : beforeExit(state);
}

/**
 * A Map's items read from S3 as kind (a CSV file, a folder listing…), or
 * not ("" removes the reader). Reading from S3 needs distributed mode, so
 * an inline processor becomes distributed in the same step.
 */
export function setReaderKind(id: string, state: Obj, kind: ReaderKind, lang: Lang): Command {
  return (d) => {
    const next = withReaderKind(state.ItemReader, kind, lang);
    patchField(id, "/ItemReader", next, { after: mapAfter(state) })(d);
    const proc = isObj(state.ItemProcessor) ? state.ItemProcessor : undefined;
    const mode = proc && isObj(proc.ProcessorConfig) ? proc.ProcessorConfig.Mode : undefined;
    if (next && proc && mode !== "DISTRIBUTED") setProcessorConfig(id, state, "Mode", "DISTRIBUTED")(d);
    return [id];
  };
}

/** One value inside a Map's ItemReader, ItemBatcher or ResultWriter (path below it); undefined removes it, and objects left empty. */
export function setMapPart(id: string, state: Obj, part: "ItemReader" | "ItemBatcher" | "ResultWriter", path: string[], value: unknown): Command {
  const next = part === "ResultWriter" ? writerWith(state[part], path, value) : setIn(state[part], path, value);
  return patchField(id, "/" + part, next, { after: mapAfter(state) });
}

/** A variable's value in Assign. */
export function setAssignValue(id: string, key: string, value: unknown): Command {
  return patchField(id, ptr("Assign", key), value);
}

/** A new variable, last in Assign (Assign itself goes before the way out). */
export function addAssign(id: string, state: Obj, key: string, value: unknown): Command {
  if (isObj(state.Assign) && Object.keys(state.Assign).length > 0) return patchField(id, ptr("Assign", key), value);
  return patchField(id, "/Assign", { [key]: value }, { after: beforeExit(state) });
}

/** A variable removed; the last one takes Assign with it. */
export function removeAssign(id: string, state: Obj, key: string): Command {
  const only = isObj(state.Assign) && Object.keys(state.Assign).length === 1;
  return patchField(id, only ? "/Assign" : ptr("Assign", key), undefined);
}

/** A variable renamed (or switched to or from a JSONPath path value, name.$) where it stands. */
export function renameAssign(id: string, key: string, name: string, fromPath: boolean): Command {
  return (d) => {
    const st = stateAt(d.value, id);
    const assign = isObj(st.value.Assign) ? st.value.Assign : {};
    const next = assignKey(name, fromPath);
    if (next === key) return [id];
    const taken = Object.keys(assign)
      .filter((k) => k !== key)
      .map((k) => (k.endsWith(".$") ? k.slice(0, -2) : k));
    const problem = variableNameProblem(name, taken);
    if (problem) throw new EditError(problem);
    d.renameKey([...st.path, "Assign", key], next);
    return [id];
  };
}
