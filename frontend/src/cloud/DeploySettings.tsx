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
 * (NAME.studio.json), never credentials — or, for a machine opened from a
 * SAM/CloudFormation template, in its resource's own properties, which
 * the form then names.
 */
export function DeploySettings({ cloud: c, inTemplate }: { cloud: Cloud; inTemplate: boolean }) {
  const cfg = c.config;
  if (!cfg) return <p className="muted">Reading the deploy settings…</p>;
  const set = (patch: Partial<DeployConfig>) => c.editConfig(patch);
  const missing = configProblems(cfg);
  const where = c.configWhere;
  const file = where ? where.template.replace(/^.*[\\/]/, "") : "";
  /** The template property a setting is, and a note when the template computes it. */
  const prop = (field: string) =>
    where && (
      <span className="muted cloud-prop">
        {where.properties[field] && <code>{where.properties[field]}</code>}
        {where.expressions[field] && cfg[field as keyof DeployConfig] === where.expressions[field] && (
          <span data-testid="cloud-expression" data-field={field}>
            {" "}
            computed by the template (<code>{where.expressions[field]}</code>); type a value to replace it
          </span>
        )}
      </span>
    );
  return (
    <div className="cloud-settings" data-testid="cloud-settings">
      <div className="cloud-form">
        {where && (
          <p className="cloud-where" data-testid="cloud-where">
            These settings are kept in <b>{file}</b>, in the properties of the resource <b>{where.id}</b> ({where.resourceType}). Saving edits only those lines; the
            definition and the rest of the file stay as they are. Deploy with the template's own tool.
          </p>
        )}
        <label>
          State machine name {prop("name")}
          <input value={cfg.name} onChange={(e) => set({ name: e.target.value })} placeholder={where ? "CloudFormation names it" : undefined} data-testid="cloud-name" />
        </label>
        <fieldset className="cloud-type">
          <legend>Type {prop("type")}</legend>
          {(["STANDARD", "EXPRESS"] as MachineType[]).map((t) => (
            <label key={t} title={t === "STANDARD" ? "Runs up to a year; every step is kept in the execution history" : "Short, high-volume runs (up to 5 minutes); steps are only seen through CloudWatch Logs"}>
              <input type="radio" name="cloud-type" checked={cfg.type === t} onChange={() => set({ type: t })} /> {t === "STANDARD" ? "Standard" : "Express"}
            </label>
          ))}
        </fieldset>
        <label>
          Runs as (execution role) {prop("roleArn")}
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
          Logging to CloudWatch Logs {prop("logLevel")}
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
              Log group ARN {prop("logDestination")}
              <input value={cfg.logDestination} onChange={(e) => set({ logDestination: e.target.value })} placeholder="arn:aws:logs:region:account:log-group:name:*" data-testid="cloud-log-group" />
            </label>
            <label className="cloud-check">
              <input type="checkbox" checked={cfg.includeExecutionData} onChange={(e) => set({ includeExecutionData: e.target.checked })} /> Include inputs and outputs in the log
            </label>
          </>
        )}
        <label className="cloud-check" title="AWS X-Ray traces each execution">
          <input type="checkbox" checked={cfg.tracing} onChange={(e) => set({ tracing: e.target.checked })} data-testid="cloud-tracing" /> Trace with X-Ray {prop("tracing")}
        </label>
        <label>
          Encryption key (KMS) {prop("kmsKeyId")}
          <input value={cfg.kmsKeyId} onChange={(e) => set({ kmsKeyId: e.target.value })} placeholder="AWS owned key" data-testid="cloud-kms" />
        </label>
        {!where && (
          <>
            <label className="cloud-check">
              <input type="checkbox" checked={cfg.publish} onChange={(e) => set({ publish: e.target.checked })} data-testid="cloud-publish" /> Publish a version on deploy
            </label>
            <label>
              Move alias
              <input value={cfg.alias} onChange={(e) => set({ alias: e.target.value })} placeholder="none" data-testid="cloud-alias" />
            </label>
          </>
        )}
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
          <span className="muted" data-testid="cloud-settings-home">
            {where ? `Written into ${file} (resource ${where.id}).` : "Kept beside the workflow, shared with the project; never credentials."}
          </span>
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
