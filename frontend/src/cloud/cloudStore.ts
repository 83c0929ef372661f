// The Cloud tab as a plain store: connecting (offline until the person
// picks a profile), the deploy configuration kept beside the workflow,
// AWS's validation, deploy with its diff first, and executions in AWS,
// watched on the diagram through the run session's import of AWS
// histories. No React here: useCloud.ts subscribes; tests drive it with a
// fake backend and a fake clock.
import type { CloudBackend, CloudConnection, CloudDiagnostic, CloudProfile, CloudRole, DeployConfig, DeployedMachine, DeployResult, ExecutionDetail, ExecutionItem } from "../backend/cloud";
import { explain, type Explained } from "./explain";

export interface CloudWorkflow {
  /** The workflow file, "" while unsaved. */
  path: string;
  /** The file's name ("order.asl.json"), the default state machine name comes from it. */
  name: string;
  text: string;
  /** The state machine lives inside an IaC template: its own deploy is the right path. */
  inTemplate: boolean;
}

export interface ConnectForm {
  profile: string;
  region: string;
  endpoint: string;
}

/** Deploy, asked for: what is in AWS now, shown as a diff before anything is sent. */
export interface DeployPlan {
  deployed: DeployedMachine;
  /** AWS's definition changed since this project last saw it: deploying overwrites someone's change. */
  overwrites: boolean;
}

export interface CloudSnapshot {
  profiles: CloudProfile[];
  regions: string[];
  form: ConnectForm;
  /** null: offline, nothing is sent. */
  connection: CloudConnection | null;
  /** What is under way, in words ("Connecting…"), null when idle. */
  busy: string | null;
  error: Explained | null;
  notice: string | null;
  config: DeployConfig | null;
  configChanged: boolean;
  /** The settings are in the project file (a first deploy saves them first). */
  configSaved: boolean;
  roles: CloudRole[];
  /** Why the roles could not be listed (pasting an ARN still works); "" when they were. */
  rolesNote: string;
  policy: string;
  /** AWS's findings for validatedText; null before Validate with AWS. */
  aws: CloudDiagnostic[] | null;
  validatedText: string;
  plan: DeployPlan | null;
  deployed: DeployResult | null;
  /** The state machine's ARN once known (deployed or looked up). */
  machineArn: string;
  executions: ExecutionItem[];
  statusFilter: string;
  search: string;
  nextToken: string;
  /** The execution shown on the diagram. */
  watched: ExecutionDetail | null;
  /** Its history is being followed (polled) while it runs. */
  following: boolean;
  /** The machine is EXPRESS: AWS keeps no step history for it. */
  express: boolean;
  /** The definition's ${Name} placeholders, and the values typed for them (never saved). */
  placeholders: string[];
  substitutions: Record<string, string>;
  /** Which part of the tab shows; kept here so it survives a switch to another tab. */
  section: "settings" | "executions";
}

export interface CloudActions {
  loadProfiles(): Promise<void>;
  setForm(patch: Partial<ConnectForm>): void;
  connect(): Promise<boolean>;
  disconnect(): Promise<void>;
  editConfig(patch: Partial<DeployConfig>): void;
  saveConfig(quiet?: boolean): Promise<boolean>;
  loadRoles(): Promise<void>;
  validate(): Promise<void>;
  /** Looks up what is deployed; the UI shows the diff of plan before confirmDeploy. */
  planDeploy(): Promise<DeployPlan | null>;
  confirmDeploy(overwrite: boolean): Promise<boolean>;
  cancelDeploy(): void;
  /** Writes the deployed definition into the workflow file. */
  pull(): Promise<string | null>;
  listExecutions(more?: boolean): Promise<void>;
  setFilter(status: string, search: string): void;
  start(name: string, input: string): Promise<boolean>;
  /** Opens an execution (from the list or pasted ARN) on the diagram. */
  open(arn: string): Promise<boolean>;
  stop(arn: string): Promise<void>;
  redrive(arn: string): Promise<void>;
  /** Keeps the execution's history in the local run history (kept forever). */
  keepLocally(arn: string): Promise<boolean>;
  dismiss(): void;
  showSection(section: CloudSnapshot["section"]): void;
  setSubstitution(name: string, value: string): void;
}

/** How the store shows a history on the diagram and a run kept locally. */
export interface HistorySink {
  /** Shows an execution's history (arn) on the diagram; shown again as it grows, it stays one run. */
  show(arn: string, history: string): Promise<boolean>;
  /** Opens a run of the local history (one just kept). */
  open(runId: string): Promise<void>;
}

export interface Clock {
  after(ms: number, fn: () => void): () => void;
}

const realClock: Clock = {
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

/** Polling while an execution runs: 1 s, doubling to 16 s, reset when the history grows. */
export const firstPollMs = 1000;
export const maxPollMs = 16000;

/** The state machine name AWS allows, from the file name ("order flow.asl.json" -> "order-flow"). */
export function machineNameFor(fileName: string): string {
  const base = fileName.replace(/\.(asl\.)?(json|ya?ml)$/i, "").replace(/^.*[\\/]/, "");
  const name = base.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);
  return name || "workflow";
}

export const defaultConfig = (fileName: string): DeployConfig => ({
  name: machineNameFor(fileName),
  type: "STANDARD",
  roleArn: "",
  logLevel: "OFF",
  logDestination: "",
  includeExecutionData: false,
  tracing: false,
  kmsKeyId: "",
  publish: false,
  alias: "",
});

/** What is missing before a deploy can go, in words; [] when ready. */
export function configProblems(c: DeployConfig): string[] {
  const out: string[] = [];
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(c.name)) out.push("The name may hold letters, digits, - and _ only (at most 80).");
  if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/.+/.test(c.roleArn)) out.push("Pick the role the workflow runs as, or paste its ARN (arn:aws:iam::123456789012:role/…).");
  if (c.logLevel !== "OFF" && !c.logDestination) out.push("Logging needs a CloudWatch Logs log group ARN.");
  if (c.alias && !c.publish) out.push("Moving an alias needs a published version: tick Publish a version.");
  return out;
}

const terminal = (s: string) => s !== "RUNNING" && s !== "PENDING_REDRIVE";

export class CloudStore {
  private wf: CloudWorkflow = { path: "", name: "", text: "", inTemplate: false };
  private s: CloudSnapshot = {
    profiles: [],
    regions: [],
    form: { profile: "", region: "", endpoint: "" },
    connection: null,
    busy: null,
    error: null,
    notice: null,
    config: null,
    configChanged: false,
    configSaved: false,
    roles: [],
    rolesNote: "",
    policy: "",
    aws: null,
    validatedText: "",
    plan: null,
    deployed: null,
    machineArn: "",
    executions: [],
    statusFilter: "",
    search: "",
    nextToken: "",
    watched: null,
    following: false,
    express: false,
    section: "settings",
    placeholders: [],
    substitutions: {},
  };
  private readonly listeners = new Set<() => void>();
  /** Cancels the pending poll of the followed execution. */
  private cancelPoll: (() => void) | null = null;
  /** The followed execution's events so far: each poll asks only for the ones after. */
  private events: unknown[] = [];
  /** Bumped when another workflow opens or the connection changes: late answers are dropped. */
  private epoch = 0;
  readonly actions: CloudActions;

  constructor(
    private readonly backend: CloudBackend,
    private readonly sink: HistorySink,
    private readonly clock: Clock = realClock,
  ) {
    this.actions = {
      loadProfiles: this.loadProfiles,
      setForm: (patch) => this.set({ form: { ...this.s.form, ...patch } }),
      connect: this.connect,
      disconnect: this.disconnect,
      editConfig: (patch) => this.s.config && this.set({ config: { ...this.s.config, ...patch }, configChanged: true }),
      saveConfig: this.saveConfig,
      loadRoles: this.loadRoles,
      validate: this.validate,
      planDeploy: this.planDeploy,
      confirmDeploy: this.confirmDeploy,
      cancelDeploy: () => this.set({ plan: null }),
      pull: this.pull,
      listExecutions: this.listExecutions,
      setFilter: (statusFilter, search) => this.set({ statusFilter, search }),
      start: this.start,
      open: this.open,
      stop: this.stop,
      redrive: this.redrive,
      keepLocally: this.keepLocally,
      dismiss: () => this.set({ error: null, notice: null }),
      showSection: (section) => this.set({ section }),
      setSubstitution: (name, value) => this.set({ substitutions: { ...this.s.substitutions, [name]: value } }),
    };
  }

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  snapshot = () => this.s;

  private set(patch: Partial<CloudSnapshot>) {
    this.s = { ...this.s, ...patch };
    for (const fn of this.listeners) fn();
  }

  /** The open workflow; another file drops what belonged to the previous one. */
  setWorkflow(wf: CloudWorkflow) {
    const other = wf.path !== this.wf.path || wf.name !== this.wf.name;
    this.wf = wf;
    if (!other) return;
    this.epoch++;
    this.stopFollowing();
    this.set({ config: null, configChanged: false, configSaved: false, aws: null, validatedText: "", plan: null, deployed: null, machineArn: "", executions: [], nextToken: "", watched: null, policy: "" });
    if (this.s.connection) void this.loadConfig();
  }

  /** Runs work, showing busy words and turning an error into plain words; undefined when it failed or went stale. */
  private async guard<T>(busy: string, work: () => Promise<T>): Promise<T | undefined> {
    const epoch = this.epoch;
    this.set({ busy, error: null, notice: null });
    try {
      const out = await work();
      if (epoch !== this.epoch) return undefined;
      this.set({ busy: null });
      return out;
    } catch (e) {
      if (epoch === this.epoch) this.set({ busy: null, error: explain(e) });
      return undefined;
    }
  }

  private loadProfiles = async () => {
    const got = await this.guard("Reading your AWS profiles…", async () => [await this.backend.profiles(), await this.backend.regions()] as const);
    if (!got) return;
    const [profiles, regions] = got;
    const profile = this.s.form.profile || (profiles.find((p) => p.name === "default") ?? profiles[0])?.name || "";
    const region = this.s.form.region || profiles.find((p) => p.name === profile)?.region || "";
    this.set({ profiles, regions, form: { ...this.s.form, profile, region } });
  };

  private connect = async () => {
    const { profile, region, endpoint } = this.s.form;
    this.epoch++;
    const connection = await this.guard("Connecting…", () => this.backend.connect(profile, region, endpoint.trim()));
    if (!connection) return false;
    this.set({ connection, notice: null });
    await this.loadConfig();
    return true;
  };

  private disconnect = async () => {
    this.epoch++;
    this.stopFollowing();
    try {
      await this.backend.disconnect();
    } catch {
      // Offline either way: the studio forgets the client.
    }
    this.set({ connection: null, roles: [], aws: null, plan: null, executions: [], nextToken: "", watched: null, machineArn: "", busy: null });
  };

  private async loadConfig() {
    if (!this.wf.name) return;
    const wf = this.wf;
    const got = await this.guard("Reading the deploy settings…", async () => {
      const c = wf.path ? await this.backend.loadConfig(wf.path) : null;
      return c && c.name ? { config: c, saved: true } : { config: defaultConfig(wf.name), saved: false };
    });
    if (got) this.set({ config: got.config, configChanged: false, configSaved: got.saved, express: got.config.type === "EXPRESS" });
    if (got && !wf.inTemplate) {
      const policy = await this.guard("Drafting the role's policy…", () => this.backend.draftPolicy(got.config.name, wf.text));
      if (policy !== undefined) this.set({ policy });
    }
  }

  private saveConfig = async (quiet = false) => {
    const config = this.s.config;
    if (!config) return false;
    if (!this.wf.path) {
      this.set({ error: { plain: "Save the workflow first: its deploy settings are kept beside it.", todo: "Use File › Save, then try again.", exact: "no workflow file" } });
      return false;
    }
    const path = this.wf.path;
    const ok = await this.guard("Saving the deploy settings…", async () => (await this.backend.saveConfig(path, config), true));
    if (!ok) return false;
    this.set({ configChanged: false, configSaved: true, express: config.type === "EXPRESS", notice: quiet ? this.s.notice : "Deploy settings saved beside the workflow (no credentials are kept)." });
    return true;
  };

  /** Roles help, they are not needed: a failure is a note beside the field, not an error. */
  private loadRoles = async () => {
    // An endpoint standing in for AWS has no IAM: asking would go to AWS itself.
    if (!this.s.connection || this.s.connection.endpoint) return;
    try {
      const roles = await this.backend.roles();
      this.set({ roles, rolesNote: roles.length ? "" : "No roles in this account yet." });
    } catch (e) {
      this.set({ rolesNote: `${explain(e).plain} Paste the role's ARN instead.` });
    }
  };

  private validate = async () => {
    const text = this.wf.text;
    const type = this.s.config?.type ?? "STANDARD";
    const aws = await this.guard("Asking AWS to validate…", () => this.backend.validate(text, type));
    if (!aws) return;
    const errors = aws.filter((d) => d.severity === "ERROR").length;
    this.set({ aws, validatedText: text, notice: errors ? `AWS found ${errors} error${errors > 1 ? "s" : ""}; see Problems.` : "AWS accepts this definition." });
  };

  private planDeploy = async () => {
    if (this.wf.inTemplate) {
      this.set({ error: { plain: "This workflow lives inside a template: deploy it with the template's own tool (SAM, CloudFormation, CDK or Terraform).", todo: "Use Export to write the definition for the template instead.", exact: "in-template workflow" } });
      return null;
    }
    const config = this.s.config;
    if (!config) return null;
    const missing = configProblems(config);
    if (missing.length) {
      this.set({ error: { plain: "The deploy settings are not complete.", todo: missing.join(" "), exact: missing.join("\n") } });
      return null;
    }
    // ${Name} placeholders (a definition exported for IaC) need the values AWS should get.
    const wf = this.wf;
    const placeholders = await this.guard("Reading the placeholders…", () => this.backend.placeholders(wf.text));
    if (!placeholders) return null;
    this.set({ placeholders });
    const subs = Object.fromEntries(placeholders.map((n) => [n, this.s.substitutions[n] ?? ""]));
    const empty = placeholders.filter((n) => !subs[n].trim());
    if (empty.length) {
      this.set({ section: "settings", error: { plain: "The workflow has placeholders that AWS cannot fill in.", todo: `Give the value of ${empty.map((n) => "${" + n + "}").join(", ")} under Deploy settings, then deploy again.`, exact: empty.join(", ") } });
      return null;
    }
    // The Go side plans and deploys with the settings saved beside the workflow.
    if ((this.s.configChanged || !this.s.configSaved) && !(await this.saveConfig(true))) return null;
    const deployed = await this.guard("Looking up what is deployed…", () => this.backend.plan(wf.path, wf.text, subs));
    if (!deployed) return null;
    const plan = { deployed, overwrites: deployed.exists && deployed.changedSinceLastSeen };
    this.set({ plan, machineArn: deployed.exists ? deployed.arn : this.s.machineArn });
    return plan;
  };

  private confirmDeploy = async (overwrite: boolean) => {
    const plan = this.s.plan;
    const config = this.s.config;
    if (!plan || !config) return false;
    if (plan.overwrites && !overwrite) {
      this.set({ error: { plain: "Someone changed the deployed workflow since you last pulled it; nothing was sent.", todo: "Pull it first to see their change, or confirm that you want to overwrite it.", exact: `revision ${plan.deployed.revisionId} updated ${plan.deployed.updateDate}` } });
      return false;
    }
    const wf = this.wf;
    const substitutions = Object.fromEntries(this.s.placeholders.map((n) => [n, this.s.substitutions[n] ?? ""]));
    const result = await this.guard("Deploying…", () => this.backend.deploy({ path: wf.path, text: wf.text, config, overwriteChanged: overwrite, substitutions }));
    if (!result) return false;
    const what = result.created ? "Created" : "Updated";
    const extra = [result.versionArn && `published version ${result.versionArn.split(":").pop()}`, result.aliasArn && `moved alias ${config.alias}`].filter(Boolean).join(", ");
    this.set({ plan: null, deployed: result, machineArn: result.arn, express: config.type === "EXPRESS", notice: `${what} ${config.name} in AWS${extra ? `; ${extra}` : ""}.` });
    return true;
  };

  private pull = async () => {
    const config = this.s.config;
    if (!config || !this.wf.path) return null;
    const path = this.wf.path;
    const text = await this.guard("Pulling the deployed definition…", () => this.backend.pull(path));
    if (text === undefined) return null;
    this.set({ notice: "The deployed definition was written into this file." });
    return text;
  };

  /** The state machine's ARN once known, else its name (the Go side resolves names). */
  private async machine(): Promise<string> {
    return this.s.machineArn || this.s.config?.name || "";
  }

  private listExecutions = async (more = false) => {
    const { statusFilter, search } = this.s;
    const token = more ? this.s.nextToken : "";
    const page = await this.guard("Listing executions…", async () => this.backend.listExecutions(await this.machine(), statusFilter, search.trim(), token));
    if (!page) return;
    this.set({ executions: more ? [...this.s.executions, ...page.executions] : page.executions, nextToken: page.nextToken });
  };

  private start = async (name: string, input: string) => {
    const body = input.trim() || "{}";
    try {
      JSON.parse(body);
    } catch (e) {
      this.set({ error: { plain: "The input is not JSON.", todo: "Fix the input and start again.", exact: String(e) } });
      return false;
    }
    // An EXPRESS machine runs synchronously: its result comes back at once.
    const sync = this.s.express;
    const started = await this.guard("Starting…", async () => this.backend.startExecution(await this.machine(), name.trim(), body, sync));
    if (!started) return false;
    this.set({ notice: `Started ${started.name}.` });
    if (sync || started.express) this.set({ watched: started, express: true, following: false });
    else await this.follow(started.executionArn);
    void this.listExecutions();
    return true;
  };

  private open = async (arn: string) => this.follow(arn.trim());

  /** Shows the execution on the diagram and, while it runs, polls with back-off. */
  private async follow(arn: string): Promise<boolean> {
    this.stopFollowing();
    this.events = [];
    const epoch = this.epoch;
    const ok = await this.refresh(arn);
    if (!ok || epoch !== this.epoch) return false;
    this.schedule(arn, firstPollMs, epoch);
    return true;
  }

  private schedule(arn: string, ms: number, epoch: number) {
    const w = this.s.watched;
    if (!w || w.executionArn !== arn || terminal(w.status) || this.s.express) {
      this.set({ following: false });
      return;
    }
    this.set({ following: true });
    this.cancelPoll = this.clock.after(ms, () => {
      this.cancelPoll = null;
      if (epoch !== this.epoch) return;
      const before = this.events.length;
      void this.refresh(arn).then((ok) => {
        if (!ok || epoch !== this.epoch) return this.set({ following: false });
        // A growing history polls again soon; a quiet one backs off.
        this.schedule(arn, this.events.length !== before ? firstPollMs : Math.min(ms * 2, maxPollMs), epoch);
      });
    });
  }

  private stopFollowing() {
    this.cancelPoll?.();
    this.cancelPoll = null;
    if (this.s.following) this.set({ following: false });
  }

  /** Describe and (for STANDARD) the new events; the history goes to the diagram when it grew. */
  private async refresh(arn: string): Promise<boolean> {
    const after = this.events.length;
    const got = await this.guard("Reading the execution…", async () => {
      const detail = await this.backend.describeExecution(arn);
      const express = !!detail.express || arn.includes(":express:");
      const fresh = express ? [] : await this.backend.eventsSince(arn, after);
      return { detail, fresh, express };
    });
    if (!got) return false;
    this.set({ watched: got.detail, express: got.express });
    if (got.fresh.length && this.events.length === after) {
      this.events = [...this.events, ...got.fresh];
      await this.sink.show(arn, JSON.stringify({ events: this.events }));
    }
    return true;
  }

  private stop = async (arn: string) => {
    const ok = await this.guard("Stopping…", async () => (await this.backend.stopExecution(arn, "Stopped", "Stopped from Stepstudio"), true));
    if (!ok) return;
    await this.refresh(arn);
    void this.listExecutions();
  };

  private redrive = async (arn: string) => {
    const ok = await this.guard("Redriving…", async () => (await this.backend.redriveExecution(arn), true));
    if (!ok) return;
    this.set({ notice: "Redriven: AWS goes on from the step that failed." });
    await this.follow(arn);
    void this.listExecutions();
  };

  private keepLocally = async (arn: string) => {
    const wf = this.wf;
    const id = await this.guard("Pulling the history…", () => this.backend.keepExecution(wf.path || wf.name, wf.text, arn));
    if (!id) return false;
    await this.sink.open(id);
    this.set({ notice: "Kept in the local run history: it stays after AWS forgets it (90 days)." });
    return true;
  };
}
