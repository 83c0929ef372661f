import { useState } from "react";
import { describe, newComparison, operandError, operator, operators, readOperand, withOperator, type Rule } from "./rules";
import { Field, newId } from "../controls/Field";
import { TextInput } from "../controls/TextInput";
import { JsonEditor } from "../controls/JsonEditor";
import { FieldProblems } from "../controls/FieldProblems";
import { fieldDoc } from "../../code/fieldDoc";

type Compare = Extract<Rule, { kind: "compare" }>;

interface Props {
  rule: Rule;
  /** Pointer of this rule under the state ("/Choices/0/And/1"). */
  pointer: string;
  onChange(rule: Rule | null): void;
  /** Inside an And/Or: may be removed. */
  removable: boolean;
  depth: number;
}

const groups: [string, string][] = [
  ["String", "Text"],
  ["Numeric", "Number"],
  ["Boolean", "Boolean"],
  ["Timestamp", "Time"],
  ["Is", "Type checks"],
];

/** One node of a Choice condition: a comparison, an And/Or group or a Not. */
export function RuleEditor({ rule, pointer, onChange, removable, depth }: Props) {
  const actions = (
    <span className="irule-actions">
      {rule.kind !== "not" && (
        <button type="button" className="ibutton-small" title="Negate this condition" onClick={() => onChange({ kind: "not", rule })}>
          Not
        </button>
      )}
      {rule.kind !== "and" && rule.kind !== "or" && (
        <>
          <button type="button" className="ibutton-small" title="Require this and another condition" onClick={() => onChange({ kind: "and", rules: [rule, newComparison()] })}>
            + And
          </button>
          <button type="button" className="ibutton-small" title="Accept this or another condition" onClick={() => onChange({ kind: "or", rules: [rule, newComparison()] })}>
            + Or
          </button>
        </>
      )}
      {removable && (
        <button type="button" className="ibutton-icon" aria-label="Remove this condition" onClick={() => onChange(null)}>
          ×
        </button>
      )}
    </span>
  );

  if (rule.kind === "and" || rule.kind === "or") {
    const key = rule.kind === "and" ? "And" : "Or";
    return (
      <div className={`irule group d${depth % 2}`} data-field={pointer} data-testid="rule-group">
        <div className="irule-head">
          <select
            className="iinput narrow"
            aria-label="Combine conditions with"
            value={rule.kind}
            onChange={(e) => onChange({ ...rule, kind: e.target.value as "and" | "or" })}
          >
            <option value="and">All of (And)</option>
            <option value="or">Any of (Or)</option>
          </select>
          {actions}
        </div>
        <FieldProblems pointer={pointer} />
        {rule.rules.map((r, i) => (
          <RuleEditor
            key={i}
            rule={r}
            pointer={`${pointer}/${key}/${i}`}
            depth={depth + 1}
            removable={rule.rules.length > 1}
            onChange={(x) => onChange({ ...rule, rules: x === null ? rule.rules.filter((_, j) => j !== i) : rule.rules.map((y, j) => (j === i ? x : y)) })}
          />
        ))}
        <button type="button" className="ibutton-small" data-testid="add-condition" onClick={() => onChange({ ...rule, rules: [...rule.rules, newComparison()] })}>
          + Condition
        </button>
      </div>
    );
  }
  if (rule.kind === "not") {
    return (
      <div className={`irule not d${depth % 2}`} data-field={pointer}>
        <div className="irule-head">
          <strong>Not</strong>
          <span className="irule-actions">
            <button type="button" className="ibutton-small" title="Remove the Not" onClick={() => onChange(rule.rule)}>
              Unwrap
            </button>
            {removable && (
              <button type="button" className="ibutton-icon" aria-label="Remove this condition" onClick={() => onChange(null)}>
                ×
              </button>
            )}
          </span>
        </div>
        <FieldProblems pointer={pointer} />
        <RuleEditor rule={rule.rule} pointer={`${pointer}/Not`} depth={depth + 1} removable={false} onChange={(x) => onChange(x === null ? null : { kind: "not", rule: x })} />
      </div>
    );
  }
  if (rule.kind === "raw") {
    return (
      <div className="irule" data-field={pointer}>
        <RawRule rule={rule} pointer={pointer} onChange={onChange} />
        {actions}
      </div>
    );
  }
  return <Comparison rule={rule as Compare} pointer={pointer} onChange={onChange} actions={actions} />;
}

function RawRule({ rule, pointer, onChange }: { rule: Extract<Rule, { kind: "raw" }>; pointer: string; onChange(r: Rule): void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <Field pointer={pointer} label="Condition (JSON)" help="The builder does not know this condition; edit it as JSON." error={error}>
      <JsonEditor value={rule.json} onError={setError} onCommit={(v) => onChange({ kind: "raw", json: (v ?? {}) as Record<string, unknown> })} />
    </Field>
  );
}

function Comparison({ rule, pointer, onChange, actions }: { rule: Compare; pointer: string; onChange(r: Rule | null): void; actions: React.ReactNode }) {
  const [varError, setVarError] = useState<string | null>(null);
  // An operand that does not fit the operator is not written: the reason shows instead.
  const [valueError, setValueError] = useState<string | null>(null);
  const [ids] = useState(() => ({ v: newId("var"), op: newId("op"), val: newId("val") }));
  const op = operator(rule.op);
  const opKey = rule.op + (rule.path ? "Path" : "");
  const problem = valueError ?? (op.operand === "boolean" && !rule.path ? null : operandError(rule.op, rule.path, rule.value));
  return (
    <div className="irule compare" data-field={pointer} data-testid="rule-compare">
      <div className="irule-summary mono">{describe(rule)}</div>
      <FieldProblems pointer={pointer} />
      <Field pointer={`${pointer}/Variable`} label="Value at" help={fieldDoc("ChoiceRule", "Variable")} error={varError} htmlFor={ids.v}>
        <TextInput id={ids.v} kind="path" value={rule.variable} onError={setVarError} onCommit={(v) => onChange({ ...rule, variable: String(v ?? "") })} testId="rule-variable" />
      </Field>
      <Field pointer={`${pointer}/${opKey}`} label="Is" help={fieldDoc("ChoiceRule", opKey)} htmlFor={ids.op} error={problem}>
        <div className="irow">
          <select id={ids.op} className="iinput" value={rule.op} data-testid="rule-operator" onChange={(e) => {
              setValueError(null);
              onChange(withOperator(rule, e.target.value));
            }}>
            {groups.map(([prefix, label]) => (
              <optgroup key={prefix} label={label}>
                {operators
                  .filter((o) => o.name.startsWith(prefix))
                  .map((o) => (
                    <option key={o.name} value={o.name}>
                      {o.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          {op.pathForm && (
            <label className="icheck" title="Compare with the value at another path">
              <input
                type="checkbox"
                checked={rule.path}
                data-testid="rule-path"
                onChange={(e) => onChange({ ...rule, path: e.target.checked, value: e.target.checked ? "$." : defaultFor(rule.op) })}
              />
              path
            </label>
          )}
        </div>
        {op.operand === "boolean" && !rule.path ? (
          <select className="iinput" aria-label="Operand" data-testid="rule-value" value={String(rule.value === true)} onChange={(e) => onChange({ ...rule, value: e.target.value === "true" })}>
            <option value="true">true</option>
            <option value="false">false</option>
          </select>
        ) : (
          <TextInput
            id={ids.val}
            kind="text"
            label="Operand"
            value={typeof rule.value === "string" ? rule.value : JSON.stringify(rule.value)}
            placeholder={rule.path ? "$.other" : op.operand === "timestamp" ? "2026-01-31T12:00:00Z" : op.operand === "number" ? "0" : "text"}
            onError={setValueError}
            onCommit={(v) => {
              const value = readOperand(rule.op, rule.path, String(v ?? ""));
              const why = operandError(rule.op, rule.path, value);
              setValueError(why);
              if (why) return false;
              onChange({ ...rule, value });
            }}
            testId="rule-value"
          />
        )}
      </Field>
      {actions}
    </div>
  );
}

function defaultFor(op: string): unknown {
  const o = operator(op).operand;
  return o === "number" ? 0 : o === "boolean" ? true : o === "timestamp" ? "2026-01-01T00:00:00Z" : "";
}
