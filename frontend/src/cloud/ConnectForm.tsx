import { useEffect } from "react";
import type { Cloud } from "./useCloud";

/**
 * Who and where: profile and region pickers, the endpoint override (for
 * `stepstudio serve` or any compatible endpoint), and, once connected,
 * who AWS says you are. Offline by default: nothing is sent before Connect.
 */
export function ConnectForm({ cloud: c }: { cloud: Cloud }) {
  const { connection, form, profiles, regions } = c;
  // Reading profile names touches only local files, never the network.
  useEffect(() => {
    if (c.available && !profiles.length) void c.loadProfiles();
    // Once, when the tab first shows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (connection) {
    return (
      <div className="cloud-connect connected" data-testid="cloud-connected">
        <span className="cloud-dot on" aria-hidden />
        <span>
          Connected to <strong>{connection.endpoint ? connection.endpoint : `AWS ${connection.region}`}</strong>
          {connection.arn ? (
            <>
              {" "}as{" "}
              <code title="Who AWS says you are (STS GetCallerIdentity)" data-testid="cloud-who">
                {connection.arn}
              </code>
            </>
          ) : null}{" "}
          {connection.identityNote && <span className="muted">({connection.identityNote}) </span>}
          <span className="muted">
            {connection.account && `account ${connection.account} · `}profile {connection.profile || "default chain"} · region {connection.region}
          </span>
        </span>
        <button className="btn" onClick={() => void c.disconnect()} data-testid="cloud-disconnect">
          Disconnect
        </button>
      </div>
    );
  }
  return (
    <form
      className="cloud-connect"
      data-testid="cloud-offline"
      onSubmit={(e) => {
        e.preventDefault();
        void c.connect();
      }}
    >
      <p className="cloud-offline-line">
        <span className="cloud-dot" aria-hidden /> <strong>Offline.</strong> Nothing is sent to AWS until you connect. Credentials come from your AWS profiles; the studio never stores them.
      </p>
      <label>
        Profile
        <select value={form.profile} onChange={(e) => c.setForm({ profile: e.target.value, region: profiles.find((p) => p.name === e.target.value)?.region || form.region })} data-testid="cloud-profile">
          <option value="">default chain (environment, then [default])</option>
          {profiles.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
              {p.sso ? " (SSO)" : ""}
            </option>
          ))}
        </select>
      </label>
      <label>
        Region
        <input list="cloud-regions" value={form.region} onChange={(e) => c.setForm({ region: e.target.value })} placeholder="us-east-1" data-testid="cloud-region" />
        <datalist id="cloud-regions">
          {regions.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </label>
      <label title="Another Step Functions endpoint, e.g. http://127.0.0.1:8083 for stepstudio serve; empty for AWS itself">
        Endpoint (optional)
        <input value={form.endpoint} onChange={(e) => c.setForm({ endpoint: e.target.value })} placeholder="AWS itself" data-testid="cloud-endpoint" />
      </label>
      <button className="btn primary" type="submit" disabled={!!c.busy || !c.available} data-testid="cloud-connect">
        {c.busy ?? "Connect"}
      </button>
    </form>
  );
}
