// The cloud link as the frontend sees it: typed wrappers over the Go
// `Cloud` service (app/cloud.go). The only module besides studio.ts that
// reaches the bindings. Until the generated frontend/wailsjs/go/app/Cloud
// exists, the calls go through window.go.app.Cloud by name, so a build
// without the service says so in words instead of failing to compile.

import type { Diagnostic, TestStateRequest, TestStateResult } from "./studio";

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
  /** The caller's ARN: who AWS thinks you are. */
  arn: string;
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
}

export interface DeployRequest {
  /** The workflow file; its studio.json holds the config and what was last seen. */
  path: string;
  text: string;
  config: DeployConfig;
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
  loadConfig(path: string, name: string): Promise<DeployConfig>;
  saveConfig(path: string, config: DeployConfig): Promise<void>;
  /** The IAM policy the IaC exporter would write for this definition. */
  draftPolicy(name: string, text: string): Promise<string>;
  validate(text: string): Promise<CloudDiagnostic[]>;
  deployed(path: string, name: string): Promise<DeployedMachine>;
  deploy(request: DeployRequest): Promise<DeployResult>;
  /** Writes the deployed definition into the workflow file (atomic) and returns it. */
  pull(path: string, name: string): Promise<string>;
  listExecutions(machineArn: string, status: string, nameContains: string, nextToken: string): Promise<ExecutionPage>;
  startExecution(machineArn: string, name: string, input: string): Promise<ExecutionDetail>;
  describeExecution(arn: string): Promise<ExecutionDetail>;
  /** GetExecutionHistory, all pages, as {"events":[…]} JSON. */
  executionHistory(arn: string): Promise<string>;
  stopExecution(arn: string, error: string, cause: string): Promise<void>;
  redriveExecution(arn: string): Promise<void>;
  /** AWS's TestState, asked with the same request the local panel builds (Studio.TestState's arguments). */
  testState(text: string, state: string, request: TestStateRequest): Promise<TestStateResult>;
}

type Bound = Record<string, (...args: unknown[]) => Promise<unknown>>;

/** Thrown when this build has no cloud service bound. */
export const notBuiltIn = "This build of the studio has no cloud link (the Go Cloud service is missing).";

function bound(): Bound | null {
  const w = globalThis as unknown as { go?: { app?: { Cloud?: Bound } } };
  return w.go?.app?.Cloud ?? null;
}

function call<T>(method: string, ...args: unknown[]): Promise<T> {
  const svc = bound();
  const fn = svc?.[method];
  if (!fn) return Promise.reject(notBuiltIn);
  return fn(...args) as Promise<T>;
}

/** Whether the Go side offers the cloud link at all. */
export const cloudAvailable = (): boolean => bound() !== null;

export const cloud: CloudBackend = {
  profiles: () => call<CloudProfile[] | null>("Profiles").then((p) => p ?? []),
  regions: () => call<string[] | null>("Regions").then((r) => r ?? []),
  connect: (profile, region, endpoint) => call("Connect", profile, region, endpoint),
  disconnect: () => call("Disconnect"),
  roles: () => call<CloudRole[] | null>("Roles").then((r) => r ?? []),
  loadConfig: (path, name) => call("LoadConfig", path, name),
  saveConfig: (path, config) => call("SaveConfig", path, config),
  draftPolicy: (name, text) => call("DraftPolicy", name, text),
  validate: (text) => call<CloudDiagnostic[] | null>("Validate", text).then((d) => d ?? []),
  deployed: (path, name) => call("Deployed", path, name),
  deploy: (request) => call("Deploy", request),
  pull: (path, name) => call("Pull", path, name),
  listExecutions: (machineArn, status, nameContains, nextToken) =>
    call<ExecutionPage>("ListExecutions", machineArn, status, nameContains, nextToken).then((p) => ({ executions: p.executions ?? [], nextToken: p.nextToken ?? "" })),
  startExecution: (machineArn, name, input) => call("StartExecution", machineArn, name, input),
  describeExecution: (arn) => call("DescribeExecution", arn),
  executionHistory: (arn) => call("ExecutionHistory", arn),
  stopExecution: (arn, error, cause) => call("StopExecution", arn, error, cause),
  redriveExecution: (arn) => call("RedriveExecution", arn),
  testState: (text, state, request) => call("TestState", text, state, request),
};
