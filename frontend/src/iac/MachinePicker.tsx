import { useEffect, useRef } from "react";
import type { IaCTemplate } from "../backend/studio";
import { openableFirst, whereDefined } from "./machines";
import type { IaC } from "./useIaC";

const kindLabel: Record<string, string> = {
  cloudformation: "SAM / CloudFormation template",
  terraform: "Terraform file",
  serverless: "Serverless Framework file",
};

/** Lists a template's state machines; picking one opens it in the studio. */
export function MachinePicker({ template, iac }: { template: IaCTemplate; iac: IaC }) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.querySelector<HTMLButtonElement>(".iac-machine:not(:disabled)")?.focus();
  }, [template]);
  const machines = openableFirst(template.machines);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && iac.closePicker()}>
      <div
        ref={dialog}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="iac-picker-title"
        data-testid="iac-picker"
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.stopPropagation();
            iac.closePicker();
          }
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            const items = Array.from(dialog.current?.querySelectorAll<HTMLButtonElement>(".iac-machine:not(:disabled)") ?? []);
            const at = items.indexOf(document.activeElement as HTMLButtonElement);
            e.preventDefault();
            items[(at + (e.key === "ArrowDown" ? 1 : -1) + items.length) % items.length]?.focus();
          }
        }}
      >
        <h2 id="iac-picker-title">Open a state machine</h2>
        <p className="muted" title={template.path}>
          {template.machines.length} state machine{template.machines.length === 1 ? "" : "s"} in {template.path.replace(/^.*[\\/]/, "")} (
          {kindLabel[template.kind] ?? template.kind}). Its placeholders stay as they are; saving writes the definition back where it came from.
        </p>
        <div className="iac-machines">
          {machines.map((m) => (
            <button
              key={m.id}
              className="iac-machine"
              data-testid="iac-machine"
              data-machine={m.id}
              disabled={!!m.problem}
              onClick={() => iac.pick(m)}
            >
              <span className="iac-machine-id">{m.id}</span>
              <span className="iac-machine-where">
                {m.type} · {whereDefined(m, template.path)}
                {m.substitutions.length > 0 && ` · ${m.substitutions.length} substitution${m.substitutions.length === 1 ? "" : "s"}`}
              </span>
              {m.problem && <span className={m.broken ? "iac-machine-problem broken" : "iac-machine-problem"}>{m.problem}</span>}
              {!m.problem && m.readOnly && <span className="iac-machine-problem">{m.readOnly}</span>}
            </button>
          ))}
        </div>
        <div className="modal-actions">
          <button className="btn" onClick={iac.closePicker}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
