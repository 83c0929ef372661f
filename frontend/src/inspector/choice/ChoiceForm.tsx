import { useState } from "react";
import type { Obj } from "../../document/machine";
import { removeChoiceRule } from "../../document/commands/fields";
import { patchField } from "../../document/commands/patch";
import { isExpression } from "../values";
import { ptr, useForm } from "../context";
import { Field, newId } from "../controls/Field";
import { FieldProblems } from "../controls/FieldProblems";
import { SelectInput, opts } from "../controls/SelectInput";
import { TextInput } from "../controls/TextInput";
import { Section } from "../Section";
import { describe, fromJson } from "./rules";
import { addRule, setCondition, setRule } from "../edits";
import { RuleEditor } from "./RuleEditor";
import { fieldDoc } from "../../code/fieldDoc";

/** The Choice rule builder: rules tried in order, each with its target, then Default. */
export function ChoiceForm({ state }: { state: Obj }) {
  const { id, run, targets, lang } = useForm();
  const rules = Array.isArray(state.Choices) ? (state.Choices as Obj[]) : [];
  const add = () => {
    // The new rule goes where the Choice goes otherwise, so nothing changes until it is edited.
    const to = typeof state.Default === "string" && targets.includes(state.Default) ? state.Default : targets[0];
    if (to) run("Add rule", addRule(id, lang, to));
  };
  return (
    <Section title="Rules" testId="section-choice">
      <div data-field="/Choices">
        <FieldProblems pointer="/Choices" />
        {rules.map((r, i) => (
          <div className="icard" key={i} data-field={ptr("Choices", i)} data-testid="choice-rule">
            <div className="icard-head">
              <span>
                Rule {i + 1}
                {lang === "JSONPath" && <span className="muted"> · if {describe(fromJson(r))}</span>}
              </span>
              <button type="button" className="ibutton-icon" aria-label={`Remove rule ${i + 1}`} onClick={() => run("Remove rule", removeChoiceRule(id, i))}>
                ×
              </button>
            </div>
            <FieldProblems pointer={ptr("Choices", i)} />
            {lang === "JSONata" || "Condition" in r ? (
              <ConditionField rule={r} i={i} />
            ) : (
              <RuleEditor
                rule={fromJson(r)}
                pointer={ptr("Choices", i)}
                depth={0}
                removable={false}
                onChange={(x) => x && run("Edit rule", setRule(id, i, x))}
              />
            )}
            <Field pointer={ptr("Choices", i, "Next")} label="Then go to" help={fieldDoc("ChoiceRule", "Next")}>
              <SelectInput
                label={`Next step of rule ${i + 1}`}
                value={typeof r.Next === "string" ? r.Next : ""}
                options={opts(targets)}
                onChange={(v) => run("Set rule target", patchField(id, ptr("Choices", i, "Next"), v))}
                testId="rule-next"
              />
            </Field>
          </div>
        ))}
        <button type="button" className="ibutton" data-testid="add-rule" onClick={add} disabled={targets.length === 0}>
          + Add rule
        </button>
      </div>
      <Field pointer="/Default" label="Otherwise go to" help={fieldDoc("Choice", "Default")}>
        <SelectInput
          label="Default step"
          value={typeof state.Default === "string" ? state.Default : ""}
          options={[{ value: "", label: "(none: fail)" }, ...opts(targets)]}
          onChange={(v) => run(v ? "Set default" : "Clear default", patchField(id, "/Default", v || undefined, { after: "Choices" }))}
          testId="choice-default"
        />
      </Field>
    </Section>
  );
}

function ConditionField({ rule, i }: { rule: Obj; i: number }) {
  const { id, run } = useForm();
  const [error, setError] = useState<string | null>(null);
  const [inputId] = useState(() => newId("cond"));
  return (
    <Field pointer={ptr("Choices", i, "Condition")} label="Condition (JSONata)" help={fieldDoc("ChoiceRule", "Condition")} error={error} htmlFor={inputId}>
      <TextInput
        id={inputId}
        kind="text"
        value={rule.Condition}
        onError={setError}
        onCommit={(v) => {
          if (typeof v === "string" && !isExpression(v)) {
            setError("Write the condition as {% expression %}.");
            return false;
          }
          return run(v === undefined ? "Clear condition" : "Set condition", setCondition(id, i, v as string | undefined));
        }}
        testId="rule-condition"
        multiline
        code
      />
    </Field>
  );
}
