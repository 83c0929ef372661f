// A cloud backend in memory, for the store's tests: one account, state
// machines by name, executions whose histories the test moves on by hand.
import type { CloudBackend, DeployConfig, ExecutionDetail } from "../backend/cloud";

export interface FakeMachine {
  arn: string;
  definition: string;
  revisionId: string;
  changed: boolean;
  type: "STANDARD" | "EXPRESS";
}

export class FakeCloud implements CloudBackend {
  machines = new Map<string, FakeMachine>();
  executions = new Map<string, { detail: ExecutionDetail; events: unknown[] }>();
  configs = new Map<string, DeployConfig>();
  calls: string[] = [];
  /** The next call of this method fails with this message. */
  failNext: { method: string; message: string } | null = null;

  private step(method: string) {
    this.calls.push(method);
    if (this.failNext?.method === method) {
      const m = this.failNext.message;
      this.failNext = null;
      throw m;
    }
  }

  async profiles() {
    this.step("profiles");
    return [{ name: "dev", region: "eu-west-1" }, { name: "default", region: "us-east-1" }];
  }
  async regions() {
    this.step("regions");
    return ["us-east-1", "eu-west-1"];
  }
  async connect(profile: string, region: string, endpoint: string) {
    this.step("connect");
    return { profile, region, endpoint, account: "123456789012", arn: `arn:aws:iam::123456789012:user/${profile}`, identityNote: "" };
  }
  async disconnect() {
    this.step("disconnect");
  }
  async roles() {
    this.step("roles");
    return [{ name: "flow-role", arn: "arn:aws:iam::123456789012:role/flow-role" }];
  }
  async loadConfig(path: string) {
    this.step("loadConfig");
    return this.configs.get(path) ?? ({ name: "" } as DeployConfig);
  }
  async saveConfig(path: string, config: DeployConfig) {
    this.step("saveConfig");
    this.configs.set(path, config);
  }
  async draftPolicy() {
    this.step("draftPolicy");
    return '{"Version":"2012-10-17","Statement":[]}';
  }
  async validate(text: string) {
    this.step("validate");
    return text.includes("NoEnd") ? [{ severity: "ERROR" as const, code: "MISSING_END_STATE", message: "Workflow has no terminal state", location: "/States/NoEnd" }] : [];
  }
  async placeholders(text: string) {
    this.step("placeholders");
    return [...new Set([...text.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]))];
  }
  /** The substitutions of the last plan. */
  planned: Record<string, string> = {};
  async plan(path: string, text: string, substitutions: Record<string, string>) {
    this.step("plan");
    this.planned = substitutions;
    // As the Go side: the saved settings name the machine.
    const name = this.configs.get(path)?.name ?? "";
    const m = this.machines.get(name);
    return m
      ? { exists: true, arn: m.arn, type: m.type, definition: m.definition, revisionId: m.revisionId, updateDate: "2026-12-01T00:00:00Z", changedSinceLastSeen: m.changed, changedWhy: m.changed ? "changed in the console" : "", same: m.definition === text }
      : { exists: false, arn: "", type: "" as const, definition: "", revisionId: "", updateDate: "", changedSinceLastSeen: false, changedWhy: "", same: false };
  }
  async deploy(r: { path: string; text: string; config: DeployConfig; overwriteChanged: boolean }) {
    this.step("deploy");
    if (this.configs.get(r.path)?.name !== r.config.name) throw "deploy settings not saved";
    const old = this.machines.get(r.config.name);
    if (old?.changed && !r.overwriteChanged) throw "ConflictException: changed since last seen";
    const arn = `arn:aws:states:us-east-1:123456789012:stateMachine:${r.config.name}`;
    this.machines.set(r.config.name, { arn, definition: r.text, revisionId: String(Number(old?.revisionId ?? 0) + 1), changed: false, type: r.config.type });
    return { arn, created: !old, revisionId: "1", versionArn: r.config.publish ? `${arn}:1` : "", aliasArn: r.config.alias ? `${arn}:${r.config.alias}` : "" };
  }
  async pull(path: string) {
    this.step("pull");
    return this.machines.get(this.configs.get(path)?.name ?? "")?.definition ?? "";
  }
  /** A name or an ARN, as the Go side takes. */
  private arnOf(machine: string) {
    return machine.startsWith("arn:") ? machine : this.machines.get(machine)?.arn ?? "";
  }
  async listExecutions(machine: string, status: string, nameContains: string) {
    this.step("listExecutions");
    const machineArn = this.arnOf(machine);
    const all = [...this.executions.values()].map((e) => e.detail).filter((d) => d.stateMachineArn === machineArn);
    return { executions: all.filter((d) => (!status || d.status === status) && d.name.includes(nameContains)), nextToken: "" };
  }
  async startExecution(machine: string, name: string, input: string, sync: boolean) {
    this.step("startExecution");
    const machineArn = this.arnOf(machine);
    if (!machineArn) throw `StateMachineDoesNotExist: ${machine}`;
    if (sync) return { executionArn: machineArn.replace(":stateMachine:", ":express:") + ":x", name: name || "x", status: "SUCCEEDED" as const, startDate: "", stateMachineArn: machineArn, input, output: input, express: true };
    const n = name || `run-${this.executions.size + 1}`;
    const arn = machineArn.replace(":stateMachine:", ":execution:") + ":" + n;
    const detail: ExecutionDetail = { executionArn: arn, name: n, status: "RUNNING", startDate: "2026-12-07T00:00:00Z", stateMachineArn: machineArn, input };
    this.executions.set(arn, { detail, events: [{ id: 1, type: "ExecutionStarted" }] });
    return detail;
  }
  async describeExecution(arn: string) {
    this.step("describeExecution");
    const e = this.executions.get(arn);
    if (!e) throw `ExecutionDoesNotExist: ${arn}`;
    return { ...e.detail };
  }
  async eventsSince(arn: string, after: number) {
    this.step("eventsSince");
    return (this.executions.get(arn)?.events ?? []).slice(after);
  }
  async stopExecution(arn: string) {
    this.step("stopExecution");
    const e = this.executions.get(arn)!;
    e.detail.status = "ABORTED";
    e.events.push({ id: e.events.length + 1, type: "ExecutionAborted" });
  }
  async redriveExecution(arn: string) {
    this.step("redriveExecution");
    const e = this.executions.get(arn)!;
    if (e.detail.status !== "FAILED") throw "ExecutionNotRedrivable: not failed";
    e.detail.status = "RUNNING";
    e.detail.redriveCount = (e.detail.redriveCount ?? 0) + 1;
    e.events.push({ id: e.events.length + 1, type: "ExecutionRedriven" });
  }
  async keepExecution(_workflow: string, _definition: string, arn: string) {
    this.step("keepExecution");
    if (!this.executions.has(arn)) throw `ExecutionDoesNotExist: ${arn}`;
    return `run-of-${arn.split(":").pop()}`;
  }
  async testState(_text: string, _state: string, request: { input?: string }) {
    this.step("testState");
    return { request, response: { status: "SUCCEEDED", output: request.input ?? "{}" } };
  }

  /** Moves an execution on: appends an event and sets its status. */
  advance(arn: string, type: string, status?: ExecutionDetail["status"]) {
    const e = this.executions.get(arn)!;
    e.events.push({ id: e.events.length + 1, type });
    if (status) e.detail.status = status;
  }
}
