import { useState, type KeyboardEvent } from "react";
import type { Obj } from "../../document/machine";
import { addAssign, removeAssign, renameAssign, setAssignValue } from "../edits";
import { beforeExit, fieldSpecs } from "../fields";
import { useForm } from "../context";
import { Field, newId } from "../controls/Field";
import { SpecField } from "../controls/SpecField";
import { TextInput } from "../controls/TextInput";
import { assignKey, assignRows, parseAssignValue, showAssignValue, variableNameProblem, type AssignRow } from "./assign";
import { fieldDoc } from "../../code/fieldDoc";

/** Assign as a list of variables, one row each (name, value), with the whole object as JSON a click away. */
export function AssignRows({ state }: { state: Obj }) {
  const { lang } = useForm();
  const [raw, setRaw] = useState(false);
  const rows = assignRows(state.Assign, lang);
  // Something other than an object (a JSONata expression string) is only editable as JSON.
  const asJson = raw || (state.Assign !== undefined && rows.length === 0 && JSON.stringify(state.Assign) !== "{}");
  return (
    <div className="iassign" data-testid="assign-rows">
      <Field pointer="/Assign" label="Variables" asl="Assign" help={fieldDoc("Task", "Assign")}>
        <div className="isection-tools">
          <button type="button" className="ibutton-small" aria-pressed={raw} onClick={() => setRaw(!raw)} data-testid="assign-raw">
            {raw ? "Show as rows" : "Edit as JSON"}
          </button>
        </div>
        {!asJson && rows.map((r) => <Row key={r.key} row={r} state={state} taken={rows.filter((x) => x.key !== r.key).map((x) => x.name)} />)}
      </Field>
      {asJson ? <SpecField spec={fieldSpecs.Assign} value={state.Assign} after={beforeExit(state)} /> : <NewRow state={state} taken={rows.map((r) => r.name)} />}
    </div>
  );
}

function Row({ row, state, taken }: { row: AssignRow; state: Obj; taken: string[] }) {
  const { id, run, lang } = useForm();
  const [error, setError] = useState<string | null>(null);
  const [ids] = useState(() => ({ name: newId("var"), value: newId("val") }));
  const rename = (name: string, fromPath: boolean) => run(`Rename variable ${row.name} to ${name}`, renameAssign(id, row.key, name, fromPath));
  return (
    <div data-testid="assign-row" data-name={row.name}>
      <div className="iassign-row">
        <TextInput
          id={ids.name}
          kind="text"
          value={row.name}
          label={`Name of variable ${row.name}`}
          testId="assign-name"
          code
          onError={setError}
          onCommit={(v) => {
            const name = String(v ?? "").trim();
            const problem = variableNameProblem(name, taken);
            if (problem) {
              setError(problem);
              return false;
            }
            return rename(name, row.fromPath);
          }}
        />
        <TextInput
          id={ids.value}
          kind="text"
          value={showAssignValue(row.value)}
          label={`Value of variable ${row.name}`}
          testId="assign-value"
          code
          onError={setError}
          onCommit={(v) => run(`Set variable ${row.name}`, setAssignValue(id, row.key, parseAssignValue(String(v ?? ""))))}
        />
        <button type="button" className="ibutton-icon" aria-label={`Remove variable ${row.name}`} title="Remove" onClick={() => run(`Remove variable ${row.name}`, removeAssign(id, state, row.key))}>
          ×
        </button>
        {lang === "JSONPath" && (
          <label className="iassign-path">
            <input type="checkbox" checked={row.fromPath} onChange={(e) => rename(row.name, e.target.checked)} />
            from the data (a path: {assignKey(row.name, true)})
          </label>
        )}
      </div>
      {error && (
        <div className="ifield-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** The empty row at the end: a name and a value, added together as one step. */
function NewRow({ state, taken }: { state: Obj; taken: string[] }) {
  const { id, run, lang } = useForm();
  const [name, setName] = useState("");
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const n = name.trim();
    const problem = variableNameProblem(n, taken);
    if (problem) return setError(problem);
    // Under JSONPath a value that is a path ($.total, $states.input…) is read from the data.
    const fromPath = lang === "JSONPath" && /^\$/.test(value.trim());
    const v = fromPath ? value.trim() : parseAssignValue(value);
    if (run(`Add variable ${n}`, addAssign(id, state, assignKey(n, fromPath), v))) {
      setName("");
      setValue("");
      setError(null);
    }
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Enter") {
      e.preventDefault();
      add();
    }
  };
  return (
    <div className="iassign-new">
      <div className="iassign-row">
        <input className="iinput mono" value={name} placeholder="name" aria-label="New variable name" data-testid="assign-new-name" spellCheck={false} onChange={(e) => setName(e.target.value)} onKeyDown={onKey} />
        <input
          className="iinput mono"
          value={value}
          placeholder={lang === "JSONata" ? "{% $states.input.x %}" : "$.x or a value"}
          aria-label="New variable value"
          data-testid="assign-new-value"
          spellCheck={false}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={onKey}
        />
        <button type="button" className="ibutton" onClick={add} data-testid="assign-add">
          Add
        </button>
      </div>
      {error && (
        <div className="ifield-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
