// The cloud link as the frontend sees it: typed wrappers over the Go
// `Cloud` service (app/cloud.go), in the shapes the Cloud tab uses. With
// studio.ts, the only module that imports the bindings.
import * as CloudAPI from "../../wailsjs/go/app/Cloud";
import type { app, cloud as goCloud, sidecar } from "../../wailsjs/go/models";
import { exportPreview, type Diagnostic, type TestStateRequest, type TestStateResult } from "./studio";

/** A named profile from the shared AWS config and credentials files. */
export interface CloudProfile {
  name: string;
  /** The profile's own region, "" when it has none. */
  region: string;
  /** Signs in through IAM Identity Center (SSO): its token can expire. */
  sso?: boolean;
}

/** Where the studio is connected, and as whom (STS GetCallerIdentity). */
export interface CloudConnection {
  profile: string;
  region: string;
  /** The endpoint override, "" for AWS itself. */
  endpoint: string;
  account: string;
  /** The caller's ARN: who AWS thinks you are ("" with an endpoint override: STS is AWS's). */
  arn: string;
  /** Why who you are could not be read, in words; "" when it was. */
  identityNote: string;
}

export type MachineType = "STANDARD" | "EXPRESS";
export type LogLevel = "OFF" | "ALL" | "ERROR" | "FATAL";

/** How the workflow is deployed; kept in NAME.studio.json (never credentials). */
export interface DeployConfig {
  name: string;
  type: MachineType;
  roleArn: string;
  logLevel: LogLevel;
  /** A CloudWatch Logs log group ARN; needed unless logLevel is OFF. */
  logDestination: string;
  includeExecutionData: boolean;
  tracing: boolean;
  /** A KMS key id or ARN; "" for the AWS-owned key. */
  kmsKeyId: string;
  publish: boolean;
  /** The alias moved to the new version, "" for none. */
  alias: string;
}

export interface CloudRole {
  name: string;
  arn: string;
}

/** One finding of ValidateStateMachineDefinition, as AWS words it. */
export interface CloudDiagnostic {
  severity: "ERROR" | "WARNING";
  code: string;
  message: string;
  /** The JSON pointer AWS names ("/States/Pay/Next"), "" when it names none. */
  location: string;
  /** Where in the text, when the Go side located it already. */
  range?: Diagnostic["range"];
}

/** The state machine of that name as it is in AWS now. */
export interface DeployedMachine {
  exists: boolean;
  arn: string;
  type: MachineType | "";
  definition: string;
  revisionId: string;
  updateDate: string;
  /** Changed in AWS since this project last pulled or deployed it. */
  changedSinceLastSeen: boolean;
  /** Why it counts as changed, in words ("" when it does not). */
  changedWhy: string;
  /** The deployed definition is the one in the editor already. */
  same: boolean;
}

export interface DeployRequest {
  /** The workflow file; its studio.json holds the config and what was last seen. */
  path: string;
  text: string;
  config: DeployConfig;
  /** Values of the definition's ${Name} placeholders, as the person confirmed them. */
  substitutions: Record<string, string>;
  /** Deploy even though the deployed definition changed since it was last seen. */
  overwriteChanged: boolean;
}

export interface DeployResult {
  arn: string;
  created: boolean;
  revisionId: string;
  versionArn: string;
  aliasArn: string;
}

export type ExecutionStatus = "RUNNING" | "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED" | "PENDING_REDRIVE";

export interface ExecutionItem {
  executionArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: string;
  stopDate?: string;
  redriveCount?: number;
  mapRunArn?: string;
}

export interface ExecutionDetail extends ExecutionItem {
  /** An EXPRESS execution: AWS keeps no step history for it. */
  express?: boolean;
  /** What AWS keeps of its steps, in words (EXPRESS: CloudWatch Logs). */
  historyNote?: string;
  stateMachineArn: string;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  redriveStatus?: string;
  redriveStatusReason?: string;
}

export interface ExecutionPage {
  executions: ExecutionItem[];
  nextToken: string;
}

/** The Go service's methods, as the UI uses them; a fake stands in for tests. */
export interface CloudBackend {
  profiles(): Promise<CloudProfile[]>;
  regions(): Promise<string[]>;
  connect(profile: string, region: string, endpoint: string): Promise<CloudConnection>;
  disconnect(): Promise<void>;
  roles(): Promise<CloudRole[]>;
  /** The deploy section of the workflow's NAME.studio.json; name "" when it has none. */
  loadConfig(path: string): Promise<DeployConfig>;
  saveConfig(path: string, config: DeployConfig): Promise<void>;
  /** The IAM policy the IaC exporter drafts for this definition (pretty JSON and notes). */
  draftPolicy(name: string, text: string): Promise<string>;
  validate(text: string, type: MachineType): Promise<CloudDiagnostic[]>;
  /** The definition's ${Name} placeholders (IaC substitutions) a deploy needs values for. */
  placeholders(text: string): Promise<string[]>;
  /** What is deployed under the saved settings of the workflow at path, against text (placeholders filled in). */
  plan(path: string, text: string, substitutions: Record<string, string>): Promise<DeployedMachine>;
  deploy(request: DeployRequest): Promise<DeployResult>;
  /** Writes the deployed definition into the workflow file (atomic) and returns it. */
  pull(path: string): Promise<string>;
  /** machine: a name or an ARN. */
  listExecutions(machine: string, status: string, nameContains: string, nextToken: string): Promise<ExecutionPage>;
  /** sync: StartSyncExecution (EXPRESS), the result at once. */
  startExecution(machine: string, name: string, input: string, sync: boolean): Promise<ExecutionDetail>;
  describeExecution(arn: string): Promise<ExecutionDetail>;
  /** The history's events after event id after, oldest first (newest-first pages until a seen one: one page a poll). */
  eventsSince(arn: string, after: number): Promise<unknown[]>;
  stopExecution(arn: string, error: string, cause: string): Promise<void>;
  redriveExecution(arn: string): Promise<void>;
  /** Keeps the execution's whole history as a local run of workflow; the run's id. */
  keepExecution(workflow: string, definition: string, arn: string): Promise<string>;
  /** AWS's TestState, asked with the same request the local panel builds; roleArn when the state is not mocked. */
  testState(text: string, state: string, request: TestStateRequest, roleArn: string): Promise<TestStateResult>;
}

/** AWS's commercial regions, for the picker (a region not listed can be typed). */
export const awsRegions = [
  "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "ca-west-1", "sa-east-1", "mx-central-1",
  "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2",
  "ap-south-1", "ap-south-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2",
  "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ap-east-1", "me-south-1", "me-central-1", "il-central-1", "af-south-1",
];

/** Whether the Go side offers the cloud link at all (a page without the bindings has none). */
export const cloudAvailable = (): boolean => !!(globalThis as unknown as { go?: { app?: { Cloud?: unknown } } }).go?.app?.Cloud;

function fromSidecar(d: sidecar.Deploy): DeployConfig {
  return {
    name: d.name ?? "",
    type: d.type === "EXPRESS" ? "EXPRESS" : "STANDARD",
    roleArn: d.roleArn ?? "",
    logLevel: (d.logging?.level as LogLevel) || "OFF",
    logDestination: d.logging?.destination ?? "",
    includeExecutionData: !!d.logging?.includeExecutionData,
    tracing: !!d.tracing,
    kmsKeyId: d.kmsKeyId ?? "",
    publish: false,
    alias: "",
  };
}

function toSidecar(c: DeployConfig): sidecar.Deploy {
  const logging = c.logLevel === "OFF" && !c.logDestination ? undefined : { level: c.logLevel, includeExecutionData: c.includeExecutionData, destination: c.logDestination };
  return { name: c.name, type: c.type, roleArn: c.roleArn, logging, tracing: c.tracing, kmsKeyId: c.kmsKeyId } as sidecar.Deploy;
}

function fromExecution(e: goCloud.Execution): ExecutionDetail {
  return { ...e, status: e.status as ExecutionStatus, startDate: e.startDate ?? "", input: e.input ?? "" };
}

function fromConnection(c: app.Connection): CloudConnection {
  return {
    profile: c.settings.profile,
    region: c.region || c.settings.region,
    endpoint: c.settings.endpointUrl,
    account: c.identity?.account ?? "",
    arn: c.identity?.arn ?? "",
    identityNote: c.identityProblem ? `${c.identityProblem.title} ${c.identityProblem.action}` : c.local ? "An endpoint standing in for AWS cannot say who you are." : "",
  };
}

/** The drafted policy as an IAM policy document, its notes after. */
function policyText(p: { statements: { sid: string; actions: string[]; resources: string[] }[]; notes: string[] }): string {
  const doc = { Version: "2012-10-17", Statement: (p.statements ?? []).map((s) => ({ Sid: s.sid, Effect: "Allow", Action: s.actions, Resource: s.resources })) };
  return JSON.stringify(doc, null, 2) + (p.notes?.length ? "\n\n" + p.notes.map((n) => `• ${n}`).join("\n") : "");
}

export const cloud: CloudBackend = {
  profiles: async () => ((await CloudAPI.Profiles()) ?? []).map((p) => ({ name: p.name, region: p.region ?? "", sso: p.kind === "sso" })),
  regions: async () => awsRegions,
  connect: async (profile, region, endpoint) => fromConnection(await CloudAPI.Connect({ profile, region, endpointUrl: endpoint })),
  disconnect: () => CloudAPI.Disconnect(),
  roles: async () => ((await CloudAPI.Roles()) ?? []).map((r) => ({ name: r.name, arn: r.arn })),
  loadConfig: async (path) => fromSidecar(await CloudAPI.DeployConfig(path)),
  saveConfig: async (path, config) => void (await CloudAPI.SaveDeployConfig(path, toSidecar(config))),
  draftPolicy: async (name, text) => {
    const r = await exportPreview(text, { target: "sam", name, substitutions: [], inline: true, express: false });
    return policyText(r.policy);
  },
  validate: async (text, type) => ((await CloudAPI.Validate(text, type)).diagnostics ?? []) as CloudDiagnostic[],
  placeholders: async (text) => (await CloudAPI.Placeholders(text)) ?? [],
  plan: async (path, text, substitutions) => {
    const p = await CloudAPI.PlanDeploy(path, text, substitutions);
    return {
      exists: !p.create,
      arn: p.arn ?? p.deployed?.arn ?? "",
      type: (p.deployed?.type as MachineType) || "",
      definition: p.deployed?.definition ?? "",
      revisionId: p.deployed?.revisionId ?? "",
      updateDate: p.deployed?.config?.pulled?.updateDate ?? "",
      changedSinceLastSeen: p.changed,
      changedWhy: p.changedWhy ?? "",
      same: p.same,
    };
  },
  deploy: async (r) => {
    const out = await CloudAPI.Deploy(r.path, r.text, { force: r.overwriteChanged, publish: r.config.publish, alias: r.config.alias || undefined, substitutions: r.substitutions });
    return { arn: out.arn, created: out.created, revisionId: out.revisionId ?? "", versionArn: out.versionArn ?? "", aliasArn: out.aliasArn ?? "" };
  },
  pull: async (path) => (await CloudAPI.Pull(path, "")).definition,
  listExecutions: async (machine, status, nameContains, nextToken) => {
    const p = await CloudAPI.ListExecutions(machine, { status: status || undefined, nameContains: nameContains || undefined, nextToken: nextToken || undefined });
    return { executions: (p.executions ?? []).map(fromExecution), nextToken: p.nextToken ?? "" };
  },
  startExecution: async (machine, name, input, sync) => fromExecution(await CloudAPI.StartExecution(machine, { name: name || undefined, input, sync })),
  describeExecution: async (arn) => fromExecution(await CloudAPI.DescribeExecution(arn)),
  eventsSince: async (arn, after) => ((await CloudAPI.ExecutionEventsSince(arn, after)).events ?? []) as unknown[],
  stopExecution: (arn, error, cause) => CloudAPI.StopExecution(arn, error, cause),
  redriveExecution: async (arn) => void (await CloudAPI.RedriveExecution(arn)),
  keepExecution: async (workflow, definition, arn) => (await CloudAPI.PullExecution(workflow, definition, arn)).id,
  testState: async (text, state, request, roleArn) => {
    const response = await CloudAPI.TestStateInAWS(text, state, request as unknown as app.TestStateRequest, roleArn);
    return { request, response } as unknown as TestStateResult;
  },
};
