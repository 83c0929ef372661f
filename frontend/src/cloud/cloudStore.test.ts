import { describe, expect, it, vi } from "vitest";
import { CloudStore, configProblems, defaultConfig, firstPollMs, machineNameFor, type Clock } from "./cloudStore";
import { FakeCloud } from "./fakeCloud";

/** A clock the test moves by hand. */
class FakeClock implements Clock {
  pending: { ms: number; fn: () => void }[] = [];
  after(ms: number, fn: () => void) {
    const t = { ms, fn };
    this.pending.push(t);
    return () => void (this.pending = this.pending.filter((x) => x !== t));
  }
  /** Fires the next timer; its delay. */
  async tick(): Promise<number> {
    const t = this.pending.shift();
    if (!t) return -1;
    t.fn();
    await new Promise((r) => setTimeout(r, 0));
    return t.ms;
  }
}

const role = "arn:aws:iam::123456789012:role/flow-role";
const flow = '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}';

async function setup(opts: { path?: string; inTemplate?: boolean } = {}) {
  const cloud = new FakeCloud();
  const clock = new FakeClock();
  const sink = { show: vi.fn(async () => true), open: vi.fn(async () => undefined) };
  const store = new CloudStore(cloud, sink, clock);
  store.setWorkflow({ path: opts.path ?? "/p/order.asl.json", name: "order.asl.json", text: flow, inTemplate: opts.inTemplate ?? false });
  return { cloud, clock, sink, store };
}

async function connected(opts?: { path?: string; inTemplate?: boolean }) {
  const s = await setup(opts);
  await s.store.actions.loadProfiles();
  await s.store.actions.connect();
  s.store.actions.editConfig({ roleArn: role });
  return s;
}

describe("CloudStore", () => {
  it("is offline until the person connects: nothing is sent before", async () => {
    const { cloud, store } = await setup();
    expect(store.snapshot().connection).toBeNull();
    expect(cloud.calls).toEqual([]);
    await store.actions.loadProfiles();
    expect(store.snapshot().form).toEqual({ profile: "default", region: "us-east-1", endpoint: "" });
    expect(await store.actions.connect()).toBe(true);
    expect(store.snapshot().connection?.account).toBe("123456789012");
    expect(store.snapshot().config?.name).toBe("order");
  });

  it("says a failed connection in plain words and stays offline", async () => {
    const { cloud, store } = await setup();
    cloud.failNext = { method: "connect", message: "failed to refresh cached credentials, the SSO session has expired or is invalid: token has expired" };
    expect(await store.actions.connect()).toBe(false);
    expect(store.snapshot().connection).toBeNull();
    expect(store.snapshot().error?.plain).toMatch(/sign-in has expired/);
    expect(store.snapshot().error?.exact).toMatch(/token has expired/);
  });

  it("lists roles from IAM, never through an endpoint standing in for AWS, and a failure is only a note", async () => {
    const { cloud, store } = await connected();
    await store.actions.loadRoles();
    expect(store.snapshot().roles).toHaveLength(1);
    cloud.failNext = { method: "roles", message: "api error AccessDenied: not authorized to perform: iam:ListRoles" };
    await store.actions.loadRoles();
    expect(store.snapshot().rolesNote).toMatch(/not allowed.*Paste the role's ARN/);
    expect(store.snapshot().error).toBeNull();
    await store.actions.disconnect();
    store.actions.setForm({ endpoint: "http://127.0.0.1:8083" });
    await store.actions.connect();
    const before = cloud.calls.filter((c) => c === "roles").length;
    await store.actions.loadRoles();
    expect(cloud.calls.filter((c) => c === "roles").length).toBe(before);
  });

  it("saves the deploy settings beside the workflow and reads them back", async () => {
    const { cloud, store } = await connected();
    store.actions.editConfig({ type: "EXPRESS", tracing: true });
    expect(store.snapshot().configChanged).toBe(true);
    expect(await store.actions.saveConfig()).toBe(true);
    expect(cloud.configs.get("/p/order.asl.json")).toMatchObject({ name: "order", type: "EXPRESS", tracing: true, roleArn: role });
    await store.actions.disconnect();
    await store.actions.connect();
    expect(store.snapshot().config?.type).toBe("EXPRESS");
  });

  it("creates on the first deploy (saving the settings first), then shows what is deployed before updating", async () => {
    const { cloud, store } = await connected();
    const first = await store.actions.planDeploy();
    expect(first?.deployed.exists).toBe(false);
    expect(cloud.configs.get("/p/order.asl.json")?.roleArn).toBe(role);
    expect(await store.actions.confirmDeploy(false)).toBe(true);
    expect(store.snapshot().notice).toMatch(/Created order/);
    const second = await store.actions.planDeploy();
    expect(second?.deployed.definition).toBe(flow);
    expect(cloud.calls.filter((c) => c === "deploy")).toHaveLength(1);
  });

  it("refuses to overwrite a deployed definition changed since it was last seen unless confirmed", async () => {
    const { cloud, store } = await connected();
    await store.actions.planDeploy();
    await store.actions.confirmDeploy(false);
    cloud.machines.get("order")!.changed = true;
    const plan = await store.actions.planDeploy();
    expect(plan?.overwrites).toBe(true);
    expect(await store.actions.confirmDeploy(false)).toBe(false);
    expect(store.snapshot().error?.plain).toMatch(/changed the deployed workflow/);
    expect(cloud.calls.filter((c) => c === "deploy")).toHaveLength(1);
    expect(await store.actions.confirmDeploy(true)).toBe(true);
    expect(cloud.calls.filter((c) => c === "deploy")).toHaveLength(2);
  });

  it("sends a workflow inside a template to the template's own deploy", async () => {
    const { cloud, store } = await connected({ path: "", inTemplate: true });
    expect(await store.actions.planDeploy()).toBeNull();
    expect(store.snapshot().error?.plain).toMatch(/template's own tool/);
    expect(cloud.calls).not.toContain("plan");
  });

  it("asks for the values of ${Name} placeholders before planning, and sends them", async () => {
    const { cloud, store } = await connected();
    store.setWorkflow({ path: "/p/order.asl.json", name: "order.asl.json", text: flow.replace('"Pass"', '"Pass","Comment":"${Stage}"'), inTemplate: false });
    expect(await store.actions.planDeploy()).toBeNull();
    expect(store.snapshot()).toMatchObject({ placeholders: ["Stage"], section: "settings" });
    expect(store.snapshot().error?.todo).toMatch(/\$\{Stage\}/);
    expect(cloud.calls).not.toContain("plan");
    store.actions.setSubstitution("Stage", "prod");
    expect(await store.actions.planDeploy()).not.toBeNull();
    expect(cloud.planned).toEqual({ Stage: "prod" });
  });

  it("does not deploy with incomplete settings", async () => {
    const { cloud, store } = await connected();
    store.actions.editConfig({ roleArn: "" });
    expect(await store.actions.planDeploy()).toBeNull();
    expect(store.snapshot().error?.todo).toMatch(/role/);
    expect(cloud.calls).not.toContain("plan");
  });

  it("starts an execution, follows it with back-off, and stops polling when it ends", async () => {
    const { cloud, clock, sink, store } = await connected();
    await store.actions.planDeploy();
    await store.actions.confirmDeploy(false);
    expect(await store.actions.start("first", '{"a":1}')).toBe(true);
    const arn = store.snapshot().watched!.executionArn;
    expect(store.snapshot().following).toBe(true);
    expect(sink.show).toHaveBeenCalledTimes(1);
    // Nothing new: the next poll waits twice as long.
    expect(await clock.tick()).toBe(firstPollMs);
    expect(await clock.tick()).toBe(firstPollMs * 2);
    expect(sink.show).toHaveBeenCalledTimes(1);
    cloud.advance(arn, "PassStateEntered");
    expect(await clock.tick()).toBe(firstPollMs * 4);
    expect(sink.show).toHaveBeenCalledTimes(2);
    // The history grew: back to the first delay; the diagram gets the whole history.
    expect(clock.pending[0].ms).toBe(firstPollMs);
    expect(JSON.parse((sink.show.mock.lastCall as unknown as [string, string])[1]).events.map((e: { type: string }) => e.type)).toEqual(["ExecutionStarted", "PassStateEntered"]);
    cloud.advance(arn, "ExecutionSucceeded", "SUCCEEDED");
    await clock.tick();
    expect(store.snapshot().watched?.status).toBe("SUCCEEDED");
    expect(store.snapshot().following).toBe(false);
    expect(clock.pending).toHaveLength(0);
  });

  it("runs an EXPRESS machine synchronously and explains that AWS keeps no steps", async () => {
    const { cloud, sink, store } = await connected();
    store.actions.editConfig({ type: "EXPRESS" });
    await store.actions.planDeploy();
    await store.actions.confirmDeploy(false);
    expect(await store.actions.start("", '{"a":1}')).toBe(true);
    expect(store.snapshot()).toMatchObject({ express: true, following: false, watched: { status: "SUCCEEDED", output: '{"a":1}' } });
    expect(sink.show).not.toHaveBeenCalled();
    expect(cloud.calls).not.toContain("eventsSince");
  });

  it("refuses input that is not JSON without calling AWS", async () => {
    const { cloud, store } = await connected();
    expect(await store.actions.start("", "{nope")).toBe(false);
    expect(store.snapshot().error?.plain).toMatch(/not JSON/);
    expect(cloud.calls).not.toContain("startExecution");
  });

  it("lists with a status filter and a name search, stops and redrives", async () => {
    const { cloud, store } = await connected();
    await store.actions.planDeploy();
    await store.actions.confirmDeploy(false);
    await store.actions.start("alpha", "{}");
    await store.actions.start("beta", "{}");
    const beta = store.snapshot().watched!.executionArn;
    cloud.advance(beta, "ExecutionFailed", "FAILED");
    store.actions.setFilter("FAILED", "");
    await store.actions.listExecutions();
    expect(store.snapshot().executions.map((e) => e.name)).toEqual(["beta"]);
    store.actions.setFilter("", "alp");
    await store.actions.listExecutions();
    expect(store.snapshot().executions.map((e) => e.name)).toEqual(["alpha"]);
    await store.actions.redrive(beta);
    expect(store.snapshot().watched).toMatchObject({ name: "beta", status: "RUNNING", redriveCount: 1 });
    await store.actions.stop(beta);
    expect(store.snapshot().watched?.status).toBe("ABORTED");
    await store.actions.redrive(store.snapshot().executions[0].executionArn);
    expect(store.snapshot().error?.plain).toMatch(/will not redrive/);
  });

  it("opens an execution by ARN and keeps its history locally", async () => {
    const { cloud, sink, store } = await connected();
    await store.actions.planDeploy();
    await store.actions.confirmDeploy(false);
    await store.actions.start("x", "{}");
    const arn = store.snapshot().watched!.executionArn;
    expect(await store.actions.open(`  ${arn} `)).toBe(true);
    expect(await store.actions.keepLocally(arn)).toBe(true);
    expect(sink.open).toHaveBeenCalledWith("run-of-x");
    expect(cloud.calls).toContain("keepExecution");
    expect(await store.actions.open(arn + "-missing")).toBe(false);
    expect(store.snapshot().error?.plain).toMatch(/no execution with that ARN/);
  });

  it("keeps AWS's verdict with the text it was for", async () => {
    const { store } = await connected();
    await store.actions.validate();
    expect(store.snapshot()).toMatchObject({ aws: [], validatedText: flow, notice: "AWS accepts this definition." });
  });

  it("drops what belonged to the previous workflow when another opens", async () => {
    const { store } = await connected();
    await store.actions.validate();
    store.setWorkflow({ path: "/p/other.asl.json", name: "other.asl.json", text: flow, inTemplate: false });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.snapshot().aws).toBeNull();
    expect(store.snapshot().config?.name).toBe("other");
  });
});

describe("deploy settings", () => {
  it.each([
    ["order.asl.json", "order"],
    ["order flow.asl.yaml", "order-flow"],
    ["/a/b/über.json", "ber"],
    ["...json", "workflow"],
  ])("names %s as %s", (file, name) => expect(machineNameFor(file)).toBe(name));

  it("says what is missing", () => {
    const c = { ...defaultConfig("a.asl.json"), logLevel: "ALL" as const, alias: "live" };
    const p = configProblems(c);
    expect(p).toHaveLength(3);
    expect(configProblems({ ...c, roleArn: role, logDestination: "arn:aws:logs:us-east-1:123456789012:log-group:x:*", publish: true })).toEqual([]);
  });
});
