import { useEffect, useState } from "react";
import { compareSides, errorMessage, type Comparison } from "../backend/studio";
import { DiffView } from "../diff/DiffView";
import type { Cloud } from "./useCloud";
import "../files/files.css"; // .modal and .btn

interface Props {
  cloud: Cloud;
  /** The workflow's name and text as in the editor: what would be deployed. */
  name: string;
  text: string;
}

/**
 * Deploy, reviewed: against a deployed state machine, the visual diff of
 * what AWS has now and what would replace it, with Deploy in its bar (and
 * a separate, explicit button when someone changed it in AWS since it was
 * last seen here); a first deploy asks in a small dialog.
 */
export function DeployReview({ cloud: c, name, text }: Props) {
  const plan = c.plan;
  const [diff, setDiff] = useState<{ comparison: Comparison | null; error: string }>({ comparison: null, error: "" });
  const deployedText = plan?.deployed.exists ? plan.deployed.definition : null;
  useEffect(() => {
    if (deployedText === null) return;
    let live = true;
    const about = [plan?.deployed.revisionId && `revision ${plan.deployed.revisionId}`, plan?.deployed.updateDate && `updated ${plan.deployed.updateDate}`].filter(Boolean).join(", ");
    const label = about ? `deployed in AWS (${about})` : "deployed in AWS";
    compareSides({ name, text: deployedText, label, pins: {} }, { name, text, label: "this workflow, to deploy", pins: {} }).then(
      (comparison) => live && setDiff({ comparison, error: "" }),
      (e) => live && setDiff({ comparison: null, error: errorMessage(e) }),
    );
    return () => {
      live = false;
    };
    // The diff is of the text when Deploy was asked for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deployedText]);
  if (!plan || !c.config) return null;
  const deploy = (overwrite: boolean) => void c.confirmDeploy(overwrite);
  const what = [c.config.publish && "publish a new version", c.config.alias && `move the alias “${c.config.alias}” to it`].filter(Boolean).join(" and ");
  if (!plan.deployed.exists || (!diff.comparison && diff.error)) {
    return (
      <div className="modal-backdrop">
        <div className="modal prompt" role="alertdialog" aria-modal="true" aria-labelledby="deploy-title" data-testid="deploy-review" onKeyDown={(e) => e.key === "Escape" && c.cancelDeploy()}>
          <h2 id="deploy-title">{plan.deployed.exists ? `Update ${c.config.name} in AWS?` : `Create ${c.config.name} in AWS?`}</h2>
          <p className="muted">
            {plan.deployed.exists ? `The diff could not be drawn (${diff.error}).` : "Nothing of that name is deployed yet: a new state machine is created"}
            {what ? `, and the studio will ${what}.` : "."}
          </p>
          <div className="modal-actions">
            <button className="btn" onClick={c.cancelDeploy}>
              Cancel
            </button>
            <button className="btn primary" onClick={() => deploy(plan.overwrites)} disabled={!!c.busy} data-testid="deploy-confirm">
              {c.busy ?? (plan.deployed.exists ? "Update" : "Create")}
            </button>
          </div>
        </div>
      </div>
    );
  }
  if (!diff.comparison) return null;
  return (
    <DiffView
      comparison={diff.comparison}
      error={c.error ? `${c.error.plain} ${c.error.todo}` : ""}
      swapped={false}
      onSwap={() => undefined}
      onClose={c.cancelDeploy}
      title={`Deploy ${c.config.name}: what changes in AWS`}
      actions={
        <span className="deploy-actions" data-testid="deploy-review">
          {plan.overwrites ? (
            <>
              <span className="deploy-warning" role="alert" data-testid="deploy-changed">
                Someone changed it in AWS since you last pulled it{plan.deployed.changedWhy ? ` (${plan.deployed.changedWhy})` : ""}.
              </span>
              <button className="btn danger" onClick={() => deploy(true)} disabled={!!c.busy} data-testid="deploy-overwrite">
                Overwrite their change
              </button>
            </>
          ) : (
            <button className="btn primary" onClick={() => deploy(false)} disabled={!!c.busy} title={what ? `Also ${what}` : undefined} data-testid="deploy-confirm">
              {c.busy ?? (diff.comparison.result.same ? "Deploy the settings (definition unchanged)" : "Deploy")}
            </button>
          )}
        </span>
      }
    />
  );
}
