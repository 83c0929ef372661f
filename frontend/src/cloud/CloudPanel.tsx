import type { Cloud } from "./useCloud";
import type { Explained } from "./explain";
import { ConnectForm } from "./ConnectForm";
import { DeploySettings } from "./DeploySettings";
import { Executions } from "./Executions";
import "./cloud.css";

interface Props {
  cloud: Cloud;
  /** Deploy asked for: the caller shows the diff (DeployReview) from cloud.plan. */
  onDeploy: () => void;
  /** The deployed definition was written into the workflow file: reload it. */
  onPulled: () => void;
  /** The editor has unsaved changes (Pull would overwrite the file under them). */
  dirty: boolean;
  /** Opens the IaC export (for a workflow inside a template). */
  onExport?: () => void;
  /** Shows the Run tab, where the execution plays on the diagram. */
  onShowRun: () => void;
  /** Runs the workflow here with this input. */
  onRunLocally: (input: string) => void;
  /** How many findings AWS and we differ on, once AWS validated. */
  differences: number | null;
  inTemplate: boolean;
}

/**
 * The Cloud tab: offline until the person connects; then the deploy
 * settings (kept beside the workflow), Validate with AWS, Deploy (the
 * diff first), and the executions in AWS, watched on the diagram.
 */
export function CloudPanel({ cloud: c, onDeploy, onPulled, dirty, onExport, onShowRun, onRunLocally, differences, inTemplate }: Props) {
  const section = c.section;
  const setSection = c.showSection;
  return (
    <div className="cloud-panel" data-testid="cloud-panel">
      <ConnectForm cloud={c} />
      {c.error && <Problem e={c.error} onDismiss={c.dismiss} />}
      {c.notice && (
        <div className="cloud-notice" role="status" data-testid="cloud-notice">
          {c.notice}
          <button className="link" onClick={c.dismiss} aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}
      {c.connection && (
        <>
          <div className="cloud-toolbar" role="toolbar" aria-label="Cloud">
            <div className="cloud-sections" role="tablist">
              <button role="tab" aria-selected={section === "settings"} className={section === "settings" ? "active" : ""} onClick={() => setSection("settings")} data-testid="cloud-tab-settings">
                Deploy settings
              </button>
              <button role="tab" aria-selected={section === "executions"} className={section === "executions" ? "active" : ""} onClick={() => (setSection("executions"), void c.listExecutions())} data-testid="cloud-tab-executions">
                Executions in AWS
              </button>
            </div>
            <button className="btn" onClick={() => void c.validate()} disabled={!!c.busy} data-testid="cloud-validate" title="Send the definition to AWS's ValidateStateMachineDefinition; its findings join the Problems tab">
              Validate with AWS
            </button>
            {differences !== null && (
              <span className={`cloud-verdict${differences ? " differs" : ""}`} data-testid="cloud-differences">
                {differences ? `AWS and the studio differ on ${differences} finding${differences > 1 ? "s" : ""} (see Problems)` : "AWS agrees with the studio"}
              </span>
            )}
            {inTemplate ? (
              <span className="cloud-template" data-testid="cloud-template">
                This workflow is inside a template: deploy it with the template's own tool.{" "}
                {onExport && (
                  <button className="link" onClick={onExport} data-testid="cloud-export">
                    Export instead…
                  </button>
                )}
              </span>
            ) : (
              <>
                <button className="btn primary" onClick={onDeploy} disabled={!!c.busy || !c.config} data-testid="cloud-deploy" title="Shows what changes against the deployed workflow first; nothing is sent until you confirm">
                  Deploy…
                </button>
                <button
                  className="btn"
                  onClick={() => void c.pull().then((t) => t !== null && onPulled())}
                  disabled={!!c.busy || !c.config || dirty}
                  data-testid="cloud-pull"
                  title={dirty ? "Save or undo your changes first: Pull writes the deployed definition into the file" : "Write the deployed definition into this workflow's file and open it"}
                >
                  Pull
                </button>
              </>
            )}
            {c.busy && (
              <span className="muted" role="status" data-testid="cloud-busy">
                {c.busy}
              </span>
            )}
          </div>
          {section === "settings" ? <DeploySettings cloud={c} inTemplate={inTemplate} /> : <Executions cloud={c} onShowRun={onShowRun} onRunLocally={onRunLocally} />}
        </>
      )}
    </div>
  );
}

/** An error: plain words and what to do, the exact text behind Details. */
export function Problem({ e, onDismiss }: { e: Explained; onDismiss: () => void }) {
  return (
    <div className="cloud-error" role="alert" data-testid="cloud-error">
      <strong>{e.plain}</strong> {e.todo}
      <details>
        <summary>Details</summary>
        <code data-testid="cloud-error-exact">{e.exact}</code>
      </details>
      <button className="link" onClick={onDismiss} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}
