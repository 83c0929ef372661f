import type { DeployConfig, LogLevel, MachineType } from "../backend/cloud";
import { configProblems } from "./cloudStore";
import type { Cloud } from "./useCloud";

const logLevels: { value: LogLevel; label: string }[] = [
  { value: "OFF", label: "Off" },
  { value: "ERROR", label: "Errors only" },
  { value: "FATAL", label: "Fatal errors only" },
  { value: "ALL", label: "Everything" },
];

/**
 * Config mode, as Workflow Studio has it: name, type, the role it runs as
 * (listed, or an ARN pasted) with the exporter's draft policy beside it,
 * logging, tracing and encryption. Saved beside the workflow
 * (NAME.studio.json), never credentials.
 */
export function DeploySettings({ cloud: c, inTemplate }: { cloud: Cloud; inTemplate: boolean }) {
  const cfg = c.config;
  if (!cfg) return <p className="muted">Reading the deploy settings…</p>;
  const set = (patch: Partial<DeployConfig>) => c.editConfig(patch);
  const missing = configProblems(cfg);
  return (
    <div className="cloud-settings" data-testid="cloud-settings">
      <div className="cloud-form">
        <label>
          State machine name
          <input value={cfg.name} onChange={(e) => set({ name: e.target.value })} data-testid="cloud-name" />
        </label>
        <fieldset className="cloud-type">
          <legend>Type</legend>
          {(["STANDARD", "EXPRESS"] as MachineType[]).map((t) => (
            <label key={t} title={t === "STANDARD" ? "Runs up to a year; every step is kept in the execution history" : "Short, high-volume runs (up to 5 minutes); steps are only seen through CloudWatch Logs"}>
              <input type="radio" name="cloud-type" checked={cfg.type === t} onChange={() => set({ type: t })} /> {t === "STANDARD" ? "Standard" : "Express"}
            </label>
          ))}
        </fieldset>
        <label>
          Runs as (execution role)
          <input list="cloud-roles" value={cfg.roleArn} onChange={(e) => set({ roleArn: e.target.value })} onFocus={() => !c.roles.length && void c.loadRoles()} placeholder="arn:aws:iam::123456789012:role/…" data-testid="cloud-role" />
          {c.rolesNote && <span className="muted" data-testid="cloud-roles-note">{c.rolesNote}</span>}
          <datalist id="cloud-roles">
            {c.roles.map((r) => (
              <option key={r.arn} value={r.arn}>
                {r.name}
              </option>
            ))}
          </datalist>
        </label>
        <label>
          Logging to CloudWatch Logs
          <select value={cfg.logLevel} onChange={(e) => set({ logLevel: e.target.value as LogLevel })} data-testid="cloud-log-level">
            {logLevels.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
        {cfg.logLevel !== "OFF" && (
          <>
            <label>
              Log group ARN
              <input value={cfg.logDestination} onChange={(e) => set({ logDestination: e.target.value })} placeholder="arn:aws:logs:region:account:log-group:name:*" data-testid="cloud-log-group" />
            </label>
            <label className="cloud-check">
              <input type="checkbox" checked={cfg.includeExecutionData} onChange={(e) => set({ includeExecutionData: e.target.checked })} /> Include inputs and outputs in the log
            </label>
          </>
        )}
        <label className="cloud-check" title="AWS X-Ray traces each execution">
          <input type="checkbox" checked={cfg.tracing} onChange={(e) => set({ tracing: e.target.checked })} data-testid="cloud-tracing" /> Trace with X-Ray
        </label>
        <label>
          Encryption key (KMS)
          <input value={cfg.kmsKeyId} onChange={(e) => set({ kmsKeyId: e.target.value })} placeholder="AWS owned key" data-testid="cloud-kms" />
        </label>
        <label className="cloud-check">
          <input type="checkbox" checked={cfg.publish} onChange={(e) => set({ publish: e.target.checked })} data-testid="cloud-publish" /> Publish a version on deploy
        </label>
        <label>
          Move alias
          <input value={cfg.alias} onChange={(e) => set({ alias: e.target.value })} placeholder="none" data-testid="cloud-alias" />
        </label>
        {c.placeholders.length > 0 && (
          <fieldset className="cloud-subs" data-testid="cloud-subs">
            <legend>Values for the placeholders (sent to AWS, not saved)</legend>
            {c.placeholders.map((n) => (
              <label key={n}>
                <code>{"${" + n + "}"}</code>
                <input value={c.substitutions[n] ?? ""} onChange={(e) => c.setSubstitution(n, e.target.value)} data-testid="cloud-sub" data-name={n} />
              </label>
            ))}
          </fieldset>
        )}
        {missing.length > 0 && !inTemplate && (
          <ul className="cloud-missing" data-testid="cloud-missing">
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        <div>
          <button className="btn" onClick={() => void c.saveConfig()} disabled={!c.configChanged || !!c.busy} data-testid="cloud-save-settings">
            Save settings
          </button>{" "}
          <span className="muted">Kept beside the workflow, shared with the project; never credentials.</span>
        </div>
      </div>
      <aside className="cloud-policy">
        <h4>What the role needs</h4>
        <p className="muted">A draft policy from the steps this workflow calls (the same one the IaC export writes). Give it to the role you pick.</p>
        <pre data-testid="cloud-policy">{c.policy || "—"}</pre>
      </aside>
    </div>
  );
}
