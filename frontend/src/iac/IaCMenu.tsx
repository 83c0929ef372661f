import "../files/files.css";
import "./iac.css";
import { useState } from "react";
import { useMenu } from "../frame/useMenu";
import type { IaC } from "./useIaC";
import { relativeTo, substitutionText } from "./machines";

/**
 * The IaC menu of the top bar (open a state machine from a template,
 * export to IaC) and, while a template's machine is being edited, a chip
 * saying where it lives, with its substitutions.
 */
export function IaCMenu({ iac, canExport }: { iac: IaC; canExport: boolean }) {
  const { open, setOpen, close, root, button, onKeyDown } = useMenu();

  const item = (label: string, action: () => void, testid: string, disabled = false) => (
    <button
      role="menuitem"
      className="menu-item"
      data-testid={testid}
      disabled={disabled}
      onClick={() => {
        close(false);
        action();
      }}
    >
      <span>{label}</span>
    </button>
  );

  const cur = iac.current;
  return (
    <>
      <div className="file-menu" ref={root} onKeyDown={onKeyDown}>
        <button
          ref={button}
          className="menu-button"
          aria-haspopup="menu"
          aria-expanded={open}
          data-testid="iac-menu"
          onClick={() => setOpen((o) => !o)}
        >
          IaC
        </button>
        {open && (
          <div className="menu" role="menu" aria-label="Infrastructure as code">
            {item("Open state machine from template…", () => void iac.openTemplate(), "iac-open-template")}
            {item("Export to SAM, CloudFormation, CDK, Terraform…", iac.openExport, "iac-export", !canExport)}
          </div>
        )}
      </div>
      {cur && <TemplateChip opened={cur} />}
      {!cur && iac.within && (
        <button className="iac-chip offer" data-testid="iac-offer" onClick={() => iac.showMachines()}>
          Template with {iac.within.machines.length} state machine{iac.within.machines.length === 1 ? "" : "s"}: open one…
        </button>
      )}
    </>
  );
}

function TemplateChip({ opened }: { opened: NonNullable<IaC["current"]> }) {
  const [show, setShow] = useState(false);
  const templateName = opened.template.replace(/^.*[\\/]/, "");
  const subs = opened.substitutions ?? [];
  return (
    <div className="iac-chip-wrap" onKeyDown={(e) => e.key === "Escape" && setShow(false)}>
      <button
        className="iac-chip"
        data-testid="iac-chip"
        aria-expanded={show}
        title={opened.template}
        onClick={() => setShow((s) => !s)}
      >
        in {templateName} · {subs.length} substitution{subs.length === 1 ? "" : "s"}
        {opened.readOnly && " · read-only"}
      </button>
      {show && (
        <div className="iac-popover" role="dialog" aria-label="Where this state machine lives" data-testid="iac-substitutions">
          <div className="iac-popover-row">
            <strong>{opened.id}</strong> <span className="muted">{opened.type}</span>
          </div>
          <div className="iac-popover-row muted">
            {opened.origin} in {relativeTo(opened.file, opened.template)}, line {opened.line}.{" "}
            {opened.readOnly ? `Read-only: ${opened.readOnly}.` : "Saving writes only the definition's changed lines back there."}
          </div>
          {subs.length === 0 ? (
            <div className="iac-popover-row muted">No substitutions: ${"{…}"} placeholders in the text are left to the IaC tool.</div>
          ) : (
            <ul className="iac-subs">
              {subs.map((s) => (
                <li key={s.name} className={s.problem ? "iac-sub-problem" : s.literal ? "" : "muted"}>
                  <code>{substitutionText(s)}</code>
                  {s.problem && <div>{s.problem}</div>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
