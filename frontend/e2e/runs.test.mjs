// Visual runs: run the example with tasks answered by hand and mocks,
// watch states change on the diagram, break and step, inspect a state,
// approve a callback, re-run from a state, replay and import a stored run;
// then measure a 10,000-item Map and a 10,000-iteration loop.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { artifacts, node, openStudio, setText, statusOf, waitStatus } from "./studio.mjs";


async function waitRun(page, status, timeoutMs = 15000) {
  await page.locator(`[data-testid="run-status-pill"]`, { hasText: status }).waitFor({ timeout: timeoutMs });
}

/** The id of the run the status pill shows, "" when none. */
async function shownRun(page) {
  const pill = page.getByTestId("run-status-pill");
  return (await pill.count()) ? ((await pill.getAttribute("data-run")) ?? "") : "";
}

/** Waits until a run other than before is shown with status (draws are throttled). */
async function waitNewRun(page, before, status, timeoutMs = 15000) {
  await page.locator(`[data-testid="run-status-pill"]:not([data-run="${before}"])`, { hasText: status }).waitFor({ timeout: timeoutMs });
}

async function openRunTab(s) {
  await s.page.getByTestId("state-node").first().waitFor();
  await s.page.getByTestId("tab-run").click();
  await s.page.getByTestId("run-panel").waitFor();
}

/** Answers the pending task of state with a result. */
async function answer(page, state, output) {
  const card = page.locator(`[data-testid="pending"][data-state="${state}"]`).first();
  await card.waitFor({ timeout: 10000 });
  await card.getByTestId("pending-output").fill(output);
  await card.getByTestId("pending-send").click();
}

const happyMocks = JSON.stringify({
  StateMachines: {
    "order-process": {
      TestCases: {
        Happy: {
          "Validate order": "Valid",
          "Reserve stock": "Reserved",
          "Charge card": "Charged",
          "Send confirmation": "Sent",
        },
      },
    },
  },
  MockedResponses: {
    Valid: { "0": { Return: { Payload: { valid: true, total: 42 } } } },
    Reserved: { "0-9": { Return: { ok: true } } },
    Charged: { "0": { Return: { Payload: { charged: 42 } } } },
    Sent: { "0": { Return: { MessageId: "m-1" } } },
  },
});

async function useMocks(page) {
  await page.locator(".run-setup summary", { hasText: "Mock file" }).click();
  await page.getByLabel("Mock file (AWS MockConfigFile JSON)").fill(happyMocks);
  await page.getByTestId("test-case").selectOption("Happy");
}

test("run the example, answering its tasks by hand, and watch the states change", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await openRunTab(s);
    // The input defaults to the example's sample input.
    assert.match(await page.getByTestId("run-input").inputValue(), /ORD-1042/);
    await page.getByTestId("run-start").click();
    await answer(page, "Validate order", '{"Payload": {"valid": true, "total": 42}}');
    await waitStatus(page, "Validate order", "succeeded");
    await waitStatus(page, "Is the order valid?", "succeeded");
    // The Map asks for each item's reservation; it shows its progress.
    await page.locator('[data-testid="pending"][data-state="Reserve stock"]').first().waitFor();
    await s.screenshot("runs-01-manual-task");
    await answer(page, "Reserve stock", '{"reserved": 1}');
    await page.getByTestId("run-map-progress").filter({ hasText: "1 of 2" }).waitFor();
    await answer(page, "Reserve stock", '{"reserved": 2}');
    // Both Parallel branches wait side by side.
    await page.locator('[data-testid="pending"][data-state="Charge card"]').waitFor();
    await page.locator('[data-testid="pending"][data-state="Send confirmation"]').waitFor();
    await waitStatus(page, "Charge card", "running");
    await waitStatus(page, "Send confirmation", "running");
    await s.screenshot("runs-02-parallel-waiting");
    await answer(page, "Send confirmation", '{"MessageId": "m-1"}');
    await answer(page, "Charge card", '{"Payload": {"charged": 42}}');
    await waitRun(page, "SUCCEEDED");
    for (const st of ["Validate order", "Reserve items", "Charge and notify", "Order complete"]) {
      await waitStatus(page, st, "succeeded");
    }
    assert.equal(await statusOf(page, "Reject order"), null, "a state not reached has no status");
    assert.ok((await page.locator("path.run-taken").count()) >= 5, "the path taken is highlighted");
    await s.screenshot("runs-03-succeeded");

    // Inspect: a state's input and each stage.
    await node(page, "Validate order").click();
    const inspect = page.getByTestId("inspect");
    await inspect.getByText("What the task returned").waitFor();
    const text = await inspect.innerText();
    assert.match(text, /ORD-1042/);
    assert.match(text, /"total": 42[,\s}]/); // the hand answer (the input has 42.5)
    assert.match(text, /validation/); // the output after ResultPath
    // The stages the history does not record come from the engine.
    const stage = (label) => inspect.getByTestId("stage").filter({ hasText: label }).first().innerText();
    assert.match(await stage("(ResultSelector)"), /"valid": true,\s+"total": 42/);
    assert.match(await stage("(ResultPath)"), /"validation": \{/);
    assert.match(await stage("(InputPath)"), /No InputPath/);
    assert.match(await inspect.getByTestId("inspect-status").innerText(), /Succeeded in \d+ ms/);
    await s.screenshot("runs-04-inspect");

    // Events in AWS's format, filtered by state; a timeline of durations.
    await page.getByTestId("run-tab-events").click();
    await page.getByLabel("Filter by state").selectOption("Validate order");
    const types = await page.getByTestId("event-row").locator("td:nth-child(2)").allInnerTexts();
    assert.deepEqual(types, ["TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited"]);
    await page.getByTestId("run-tab-timeline").click();
    assert.ok((await page.getByTestId("timeline").locator(".tl-row").count()) >= 8);
    // The execution as a whole: its status, input and output.
    await page.getByTestId("run-tab-execution").click();
    const exec = page.getByTestId("execution-info");
    assert.match(await exec.innerText(), /SUCCEEDED/);
    assert.match(await page.getByTestId("execution-input").innerText(), /ORD-1042/);
    assert.match(await page.getByTestId("execution-output").innerText(), /"charged": 42/);
    await s.screenshot("runs-04c-execution");
    await s.screenshot("runs-04b-timeline");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("set a breakpoint, step, continue; re-run from a state", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await openRunTab(s);
    await useMocks(page);
    // A breakpoint is a dot in the node's gutter.
    await node(page, "Reserve items").locator(".container-head").hover();
    await node(page, "Reserve items").getByTestId("breakpoint").first().click();
    await node(page, "Reserve items").locator('[data-testid="breakpoint"].on').waitFor();
    await page.getByTestId("run-debug").click();
    await page.getByText("Paused before Reserve items").waitFor();
    await waitStatus(page, "Reserve items", "paused");
    await waitStatus(page, "Validate order", "succeeded");
    assert.equal(await statusOf(page, "Reserve stock"), null);
    await s.screenshot("runs-05-breakpoint");
    // Step: into the Map, then pause before the next state.
    await page.getByTestId("run-step").click();
    await page.getByText(/Paused before Reserve stock/).waitFor();
    await s.screenshot("runs-06-stepped");
    // F5 continues, as in a debugger; no breakpoint is left: on to the end.
    await page.keyboard.press("F5");
    await waitRun(page, "SUCCEEDED");

    // Re-run from "Charge and notify" with its recorded input.
    await node(page, "Charge and notify").locator(".container-head").click();
    const first = await shownRun(page);
    await page.getByTestId("rerun").click();
    await waitNewRun(page, first, "SUCCEEDED");
    assert.equal(await statusOf(page, "Validate order"), null, "the re-run starts at the state");
    await waitStatus(page, "Charge and notify", "succeeded");
    await page.getByTestId("run-tab-history").click();
    await page.getByText("from Charge and notify").first().waitFor();
    await s.screenshot("runs-07-rerun");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

const approval = JSON.stringify(
  {
    Comment: "Waits for a person to approve the order.",
    StartAt: "Ask approval",
    States: {
      "Ask approval": {
        Type: "Task",
        Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        Parameters: {
          QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/approvals",
          MessageBody: { "token.$": "$$.Task.Token", "order.$": "$.orderId" },
        },
        Next: "Approved?",
      },
      "Approved?": {
        Type: "Choice",
        Choices: [{ Variable: "$.approved", BooleanEquals: true, Next: "Ship" }],
        Default: "Rejected",
      },
      Ship: { Type: "Succeed" },
      Rejected: { Type: "Fail", Error: "NotApproved", Cause: "The approver said no." },
    },
  },
  null,
  2,
);

test("approve a callback task; reject it in a second run", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    await setText(page, approval);
    await node(page, "Ask approval").waitFor();
    await openRunTab(s);
    await page.getByTestId("run-start").click();
    const card = page.locator('[data-testid="pending"][data-kind="callback"]');
    await card.waitFor();
    await card.getByText("Input it was given").click();
    assert.match(await card.innerText(), /"token": "[0-9a-f-]{36}"/);
    await card.getByRole("button", { name: "Heartbeat" }).click();
    await s.screenshot("runs-08-callback-pending");
    await card.getByTestId("pending-output").fill('{"approved": true}');
    await card.getByTestId("pending-send").click();
    await waitRun(page, "SUCCEEDED");
    await waitStatus(page, "Ship", "succeeded");

    await page.getByTestId("run-start").click();
    await card.waitFor();
    await card.getByText("Reject with an error").click();
    await card.getByTestId("pending-error").fill("Declined");
    await card.getByTestId("pending-send").click();
    await waitRun(page, "FAILED");
    await waitStatus(page, "Ask approval", "failed");
    // Inspect opens on the state that failed, with its error.
    await page.getByTestId("inspect").getByText("Failed here").waitFor();
    assert.match(await page.getByTestId("inspect-error").innerText(), /Declined/);
    await s.screenshot("runs-09-callback-rejected");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("replay a stored run with the scrubber; export it and import it back", { skip: !process.env.STEPSTUDIO_DIALOG_ANSWERS && "needs STEPSTUDIO_DIALOG_ANSWERS (scripts/e2e.sh sets it)" }, async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await openRunTab(s);
    await useMocks(page);
    await page.getByTestId("run-start").click();
    await waitRun(page, "SUCCEEDED");
    // A fresh page (as after a restart) lists the run and replays it.
    await page.reload();
    await openRunTab(s);
    await page.getByTestId("run-tab-history").click();
    const runs = page.getByTestId("history-run");
    await runs.first().waitFor();
    await runs.first().getByTestId("history-open").click();
    await waitRun(page, "SUCCEEDED");
    const scrub = page.getByTestId("run-scrubber");
    const total = Number(await scrub.getAttribute("max"));
    // Back to the moment the Map started: the states after it not reached yet.
    const events = await page.evaluate(async () => {
      const list = await window.go.app.Runs.List("order-process.asl.json");
      return (await window.go.app.Runs.Snapshot(list[0].id, 0)).events.map((e) => e.type);
    });
    const mapStarted = events.indexOf("MapStateStarted") + 1;
    await scrub.fill(String(mapStarted));
    await waitStatus(page, "Reserve items", "running");
    await waitStatus(page, "Validate order", "succeeded");
    assert.equal(await statusOf(page, "Charge card"), null);
    await s.screenshot("runs-10-replay-scrubbed");
    await scrub.fill(String(total));
    await waitStatus(page, "Order complete", "succeeded");
    // Replay plays it again from the start, one state at a time.
    await page.getByTestId("run-replay").click();
    await waitStatus(page, "Validate order", "running", 5000);
    assert.equal(await statusOf(page, "Order complete"), null);
    await waitStatus(page, "Reserve items", "running", 10000);
    await page.getByTestId("run-replay").click(); // pause
    const at = Number(await scrub.inputValue());
    await page.waitForTimeout(800);
    assert.equal(Number(await scrub.inputValue()), at, "a paused replay stays put");
    await scrub.fill(String(total));

    // Export through the save dialog (answered by the test, see
    // app/files_desktop.go), then import the file's history.
    const out = join(mkdtempSync(join(tmpdir(), "stepstudio-runs-")), "order.history.json");
    writeFileSync(process.env.STEPSTUDIO_DIALOG_ANSWERS, out);
    await runs.first().getByRole("button", { name: "Export" }).click();
    await page.getByTestId("history-message").filter({ hasText: "Saved to" }).waitFor();
    const exported = JSON.parse(readFileSync(out, "utf8"));
    assert.equal(exported.events.length, total);
    assert.equal(exported.events[0].type, "ExecutionStarted");
    await page.locator(".history-import summary").click();
    await page.getByTestId("import-text").fill(JSON.stringify(exported));
    await page.getByTestId("import").click();
    await page.getByText("imported").first().waitFor();
    await waitRun(page, "SUCCEEDED");
    // The pasted history is cleared once imported.
    for (let i = 0; i < 50 && (await page.getByTestId("import-text").inputValue()) !== ""; i++) await page.waitForTimeout(100);
    await waitStatus(page, "Order complete", "succeeded");
    // A history that is not one is refused with a message where the user looks.
    await page.getByTestId("import-text").fill('{"events": []}');
    await page.getByTestId("import").click();
    await page.getByTestId("run-error").filter({ hasText: "no events" }).waitFor();
    await s.screenshot("runs-11-imported");
    // Delete the imported run: it leaves the list.
    await page.getByTestId("run-error").getByRole("button", { name: "Dismiss" }).click();
    const before = await runs.count();
    await runs.first().getByRole("button", { name: /Delete/ }).click();
    for (let i = 0; i < 50 && (await runs.count()) !== before - 1; i++) await page.waitForTimeout(100);
    assert.equal(await runs.count(), before - 1);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("mock a task from the diagram: when called, return this", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await openRunTab(s);
    await node(page, "Validate order").click();
    const editor = page.locator(".mock-editor");
    await editor.getByLabel("New test case name").fill("Invalid order");
    await editor.getByRole("button", { name: "Use" }).click();
    await editor.getByRole("button", { name: "Add a call" }).click();
    await editor.getByLabel("Call 1 result").fill('{"Payload": {"valid": false, "total": 0}}');
    await editor.getByTestId("mock-save").click();
    await editor.getByText("Kept with this workflow").waitFor();
    await s.screenshot("runs-12a-mock-editor");
    // The mock file now holds the test case in AWS's shape, and the run uses it.
    await page.locator(".run-setup summary", { hasText: "Mock file" }).click();
    const file = JSON.parse(await page.getByTestId("mock-code").innerText());
    assert.deepEqual(file.MockedResponses["Validate order (Invalid order)"], { 0: { Return: { Payload: { valid: false, total: 0 } } } });
    assert.equal(await page.getByTestId("test-case").inputValue(), "Invalid order");
    await page.getByTestId("run-start").click();
    await waitRun(page, "FAILED");
    await waitStatus(page, "Reject order", "failed");
    assert.equal(await statusOf(page, "Reserve items"), null);
    assert.match(await page.locator(".run-status-bar").innerText(), /OrderInvalid/);
    await s.screenshot("runs-12b-mocked-run");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("bad input is refused where the user looks", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await openRunTab(s);
    await page.getByTestId("run-input").fill('{"orderId": ');
    await page.getByText("The input is not valid JSON").first().waitFor();
    await page.getByTestId("run-start").click();
    await page.getByTestId("run-error").filter({ hasText: "input is not valid JSON" }).waitFor();
    // Over AWS's 256 KiB: said as it is typed, and no run starts.
    await page.getByTestId("run-input").fill(JSON.stringify({ text: "x".repeat(300 * 1024) }));
    await page.locator(".field-error", { hasText: "can be at most 256 KiB" }).waitFor();
    await page.getByTestId("run-input").fill("{}");
    await page.locator(".run-setup summary", { hasText: "Mock file" }).click();
    // The mock file is checked as it is typed, located: JSON first, then against the workflow.
    const mockCode = page.getByLabel("Mock file (AWS MockConfigFile JSON)");
    await mockCode.fill('{"StateMachines": {"x": {"TestCases": {"T": {"A": ');
    await page.locator(".mock-code .cm-lintRange-error, .mock-code .cm-lintPoint-error").first().waitFor({ state: "attached" });
    await mockCode.fill('{"StateMachines": {"x": {"TestCases": {"T": {"Validate Order": "ok", "Release items": "ok"}}}}, "MockedResponses": {"ok": {"0": {"Return": {}}}}}');
    const lint = page.getByTestId("mock-problems");
    await lint.filter({ hasText: 'did you mean "Validate order"' }).waitFor();
    await lint.filter({ hasText: 'mocks "Release items", a Pass state' }).waitFor();
    console.log(`mock file problems as typed: ${(await lint.innerText()).replace(/\s+/g, " ").slice(0, 300)}`);
    // Completion: Ctrl+Space inside a test case offers the workflow's Task states.
    await mockCode.fill('{"StateMachines": {"x": {"TestCases": {"T": {"');
    await mockCode.press("End");
    await mockCode.press("Control+Space");
    await page.locator(".cm-tooltip-autocomplete li", { hasText: "Validate order" }).first().waitFor();
    await mockCode.press("Escape");
    await mockCode.fill('{"StateMachines": {"x": {"TestCases": {"T": {"A": "Nope"}}}}}');
    await page.getByTestId("test-case").selectOption("T");
    await page.getByTestId("run-start").click();
    await page.getByTestId("run-error").filter({ hasText: "mock file has errors" }).waitFor();
    await s.screenshot("runs-12-bad-input");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

// --- Speed: big runs from the studio, with the UI responsive meanwhile.

const bigMap = JSON.stringify({
  Comment: "A Map over every item of the input.",
  StartAt: "Each item",
  States: {
    "Each item": {
      Type: "Map",
      ItemsPath: "$.items",
      MaxConcurrency: 0,
      ItemProcessor: {
        StartAt: "Double",
        States: { Double: { Type: "Pass", Parameters: { "v.$": "States.MathAdd($, $)" }, End: true } },
      },
      ResultPath: null,
      End: true,
    },
  },
});

const bigLoop = JSON.stringify({
  Comment: "Counts to n, one state at a time.",
  QueryLanguage: "JSONata",
  StartAt: "Start",
  States: {
    Start: { Type: "Pass", Assign: { i: 0 }, Next: "Count" },
    Count: { Type: "Pass", Assign: { i: "{% $i + 1 %}" }, Next: "More?" },
    "More?": { Type: "Choice", Choices: [{ Condition: "{% $i < $states.input.n %}", Next: "Count" }], Default: "Done" },
    Done: { Type: "Pass", Output: "{% $i %}", End: true },
  },
});

/** The app's process id: the one listening on the studio's port. */
function appPid() {
  const port = new URL(process.env.STUDIO_URL ?? "http://127.0.0.1:34115").port;
  const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const m = out.match(/pid=(\d+)/);
  return m ? Number(m[1]) : null;
}

function procKiB(pid, field) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))[1]);
}
const peakRSS = (pid) => procKiB(pid, "VmHWM") / 1024;

/** A process's CPU time so far (user + system), in ms. */
function cpuMs(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0; // gone
  }
}

/**
 * CPU time so far of the app and of this test's browser processes by
 * Chromium's process type (renderer, browser, gpu-process...): on a
 * shared 2-core machine, what each side costs says more than wall time.
 */
function cpuByProcess(appPid) {
  const children = new Map();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1].split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone meanwhile
    }
  }
  const out = { app: appPid ? cpuMs(appPid) : 0 };
  const walk = (root, typeOf) => {
    for (const q = [root]; q.length; ) {
      for (const k of children.get(q.pop()) ?? []) {
        let cmd = "";
        try {
          cmd = readFileSync(`/proc/${k}/cmdline`, "utf8");
        } catch {
          continue;
        }
        const type = typeOf(cmd);
        out[type] = (out[type] ?? 0) + cpuMs(k);
        q.push(k);
      }
    }
  };
  walk(process.pid, (cmd) => cmd.match(/--type=([a-z-]+)/)?.[1] ?? "browser");
  // The app's own window (WebKitGTK) renders the studio too.
  if (appPid) walk(appPid, (cmd) => `window ${cmd.split("/").pop().split("\0")[0]}`);
  return out;
}
const MiB = 1024 * 1024;

/** The page's used JS heap in bytes, after a full garbage collection. */
async function jsHeap(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  return (await cdp.send("Runtime.getHeapUsage")).usedSize;
}

/**
 * `stepstudio run`'s wall time for the same definition and input, from the
 * command line: the binary the browser tests run (the app's own executable),
 * median of three so one busy moment of a shared machine does not decide it.
 */
function cliRunMs(pid, definition, input) {
  const dir = mkdtempSync(join(tmpdir(), "scale-"));
  writeFileSync(join(dir, "def.asl.json"), definition);
  writeFileSync(join(dir, "input.json"), input);
  const times = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    execFileSync(`/proc/${pid}/exe`, ["run", join(dir, "def.asl.json"), "--input", join(dir, "input.json"), "--type", "express"], {
      stdio: ["ignore", "ignore", "inherit"],
      maxBuffer: 256 * MiB,
    });
    times.push(performance.now() - t0);
  }
  rmSync(dir, { recursive: true, force: true });
  return times.sort((a, b) => a - b)[1];
}

/** Filters the events table by state and times it until the next frame is drawn. */
function filterEventsMs(page, state) {
  return page.evaluate(async (state) => {
    const sel = document.querySelector('[aria-label="Filter by state"]');
    const t0 = performance.now();
    sel.value = state;
    sel.dispatchEvent(new Event("change", { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0;
  }, state);
}

/**
 * Runs the current document once and waits until it is fully shown (the
 * pill ended, every event counted, shownText drawn), timed by a watcher in
 * the page from the Run click's input event, with no polling delay of the
 * test's own. With clicking, a control is clicked every 100 ms during the
 * run and each click's time to the next frame is kept.
 */
async function runOnce(page, want, shownText, clicking) {
  const pill = page.getByTestId("run-status-pill");
  const before = (await pill.count()) ? await pill.getAttribute("data-run") : "";
  await page.evaluate(
    ([want, shownText, before]) => {
      window.__latency = [];
      window.__shown = null;
      window.__watching?.abort();
      window.__watching = new AbortController();
      document.addEventListener(
        "click",
        (e) => {
          const t = e.timeStamp;
          requestAnimationFrame(() => window.__latency.push(performance.now() - t));
          if (e.target.closest?.('[data-testid="run-start"]')) {
            const watch = () => {
              const el = document.querySelector('[data-testid="run-status-pill"]');
              const pill = el && el.getAttribute("data-run") !== before ? el.textContent : "";
              const n = Number(document.querySelector('[data-testid="event-count"]')?.textContent?.match(/of (\d+) events/)?.[1] ?? 0);
              const extra = !shownText || [...document.querySelectorAll('[data-testid="run-map-progress"]')].some((el) => el.textContent.includes(shownText));
              if (/SUCCEEDED|FAILED/.test(pill) && n >= want && extra) window.__shown = performance.now() - t;
              else requestAnimationFrame(watch);
            };
            requestAnimationFrame(watch);
          }
        },
        { capture: true, signal: window.__watching.signal },
      );
    },
    [want, shownText, before],
  );
  const started = Date.now();
  await page.getByTestId("run-start").click();
  await page.locator(`[data-testid="run-status-pill"]:not([data-run="${before}"])`).waitFor();
  if (clicking) {
    const toggle = page.getByText("Real-time waits");
    let done = false;
    while (!done && Date.now() - started < 120000) {
      await toggle.click();
      await page.waitForTimeout(100);
      done = (await page.locator('[data-testid="run-status-pill"]', { hasText: /SUCCEEDED|FAILED/ }).count()) > 0;
    }
  }
  await page.waitForFunction(() => window.__shown !== null, null, { timeout: 120000 });
  const elapsed = Date.now() - started;
  await waitRun(page, "SUCCEEDED", 5000);
  const lat = (await page.evaluate(() => window.__latency)).slice(1).sort((a, b) => a - b);
  // The whole run is inspectable afterwards: every event is in the table's count.
  await page.waitForFunction(
    ([want]) => Number(document.querySelector('[data-testid="event-count"]')?.textContent?.match(/of (\d+) events/)?.[1] ?? 0) >= want,
    [want],
    { timeout: 60000 },
  );
  return { shownMs: Math.round(await page.evaluate(() => window.__shown)), elapsed, lat };
}

/**
 * Runs the current document twice: once left alone, then clicking a control
 * every 100 ms to measure how long each click takes to be handled and drawn
 * (from the input event to the next frame). Prints, side by side, the
 * studio's time until the run is fully shown (status, event count and
 * the Map's count when shownText is given) against `stepstudio run`'s time for the
 * same definition and input (issue 15's target: within 2× plus 0.5 s), and
 * the memory it grew by over both runs: the app's resident set (VmRSS) plus
 * the page's JS heap after a garbage collection (target: under 150 MB). Figures are
 * printed, not asserted: the machines are shared.
 */
async function measureRun(s, label, definition, input, expectEvents, shownText = "") {
  const { page } = s;
  const pid = appPid();
  const cli = pid ? cliRunMs(pid, definition, input) : NaN;
  await page.getByTestId("run-input").fill(input);
  // The events tab stays open during the run, so its count is drawn as
  // events arrive.
  await page.getByTestId("run-tab-events").click();
  const cdp = await page.context().newCDPSession(page);
  const heapBefore = await jsHeap(cdp);
  const rssBefore = pid ? procKiB(pid, "VmRSS") / 1024 : NaN;
  // E2E_PROFILE=1 samples the page's JS during the run and writes the
  // functions that took the most time to artifacts/ (build with
  // --minify false to read their names).
  if (process.env.E2E_PROFILE) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
    await cdp.send("Profiler.start");
  }
  // Two runs: the first left alone, for the time until it is fully shown,
  // the CPU and the memory; the second with a click every 100 ms, for how
  // long clicks take meanwhile (Playwright's clicks cost the page CPU of
  // their own, which the first figure should not carry).
  const cpuBefore = cpuByProcess(pid);
  const first = await runOnce(page, expectEvents, shownText, false);
  const cpuAfter = cpuByProcess(pid);
  const cpu = Object.entries(cpuAfter)
    .map(([k, v]) => [k, v - (cpuBefore[k] ?? 0)])
    .filter(([, v]) => v >= 10)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  const { shownMs, elapsed } = first;
  const clicked = await runOnce(page, expectEvents, shownText, true);
  const lat = clicked.lat;
  const count = page.getByTestId("event-count");
  const total = Number((await count.innerText()).match(/of (\d+) events/)[1]);
  assert.ok(total >= expectEvents, `${label}: ${total} events, want at least ${expectEvents}`);
  if (process.env.E2E_PROFILE) {
    const { profile } = await cdp.send("Profiler.stop");
    const self = new Map();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = profile.timeDeltas;
    profile.samples.forEach((id, i) => {
      const f = byId.get(id).callFrame;
      const k = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber}`;
      self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
    });
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${v.toFixed(0)} ms ${k}`);
    writeFileSync(join(artifacts, `profile-${label.replace(/\W+/g, "_")}.txt`), top.join("\n"));
  }
  const heapAfter = await jsHeap(cdp);
  const rssAfter = pid ? procKiB(pid, "VmRSS") / 1024 : NaN;
  await cdp.detach();
  const rss = pid ? peakRSS(pid) : NaN;
  const grew = rssAfter - rssBefore + (heapAfter - heapBefore) / MiB;
  const target = 2 * cli + 500;
  const p = (q) => lat[Math.min(lat.length - 1, Math.floor(q * lat.length))] ?? NaN;
  console.log(
    `# PERF ${label}: \`stepstudio run\` ${cli.toFixed(0)} ms; studio fully shown ${shownMs} ms (done ${elapsed} ms; ${clicked.shownMs} ms in a second run clicked every 100 ms), ` +
      `target 2×run+0.5 s = ${target.toFixed(0)} ms: ${shownMs <= target ? "met" : "NOT met"}; ${total} events; ` +
      `memory grew ${grew.toFixed(0)} MiB (app VmRSS ${rssBefore.toFixed(0)}→${rssAfter.toFixed(0)} MiB, ` +
      `JS heap ${(heapBefore / MiB).toFixed(0)}→${(heapAfter / MiB).toFixed(0)} MiB), target 150 MB: ${grew * MiB < 150e6 ? "met" : "NOT met"}; ` +
      `click latency while running (n=${lat.length}) median ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms, max ${(lat.at(-1) ?? NaN).toFixed(1)} ms; ` +
      `app peak RSS (VmHWM) ${rss.toFixed(0)} MiB; CPU used until shown, ms: ${cpu}`,
  );
  await page.getByTestId("run-tab-inspect").click();
  return { elapsed, shownMs, cli, grew, total, median: p(0.5), p95: p(0.95), max: lat.at(-1), rss, n: lat.length };
}

test("a run that fails on a bad path shows where: the state, the field and the code", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    const text = JSON.stringify(
      {
        StartAt: "Prepare",
        States: {
          Prepare: { Type: "Pass", Next: "Ship" },
          Ship: { Type: "Pass", Parameters: { "address.$": "$.customer.address" }, End: true },
        },
      },
      null,
      2,
    );
    await setText(page, text);
    await openRunTab(s);
    await page.getByTestId("run-input").fill("{}");
    await page.getByTestId("run-start").click();
    await waitRun(page, "FAILED");
    // The state failed (no "Cancelled"), and Inspect says so with the error.
    await waitStatus(page, "Ship", "failed");
    await page.getByTestId("inspect").getByText("Failed here").waitFor();
    assert.match(await page.getByTestId("inspect-error").innerText(), /States\.Runtime/);
    const locate = page.getByTestId("run-error-locate");
    const line = text.split("\n").findIndex((l) => l.includes("address.$")) + 1;
    assert.equal(await locate.innerText(), `Show where (line ${line})`);
    await locate.click();
    // The failing state is selected in the inspector and the code selects the failing key.
    await page.getByTestId("inspector-state").getByText("Ship", { exact: true }).waitFor();
    await page.getByTestId("code-view").waitFor();
    // The code view selects the failing key (its line is the active one) and
    // the inspector puts the cursor in the Parameters field.
    const active = page.getByTestId("code-view").locator(".cm-activeLine");
    await active.filter({ hasText: '"address.$": "$.customer.address"' }).waitFor();
    await page.getByTestId("code-view").locator(".cm-selectionBackground").first().waitFor({ state: "attached" });
    const focused = await page.evaluate(() => document.activeElement?.closest("label, .field, [data-field]")?.textContent ?? "");
    assert.match(focused, /Parameters/);
    await s.screenshot("runs-12-failure-located");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("speed: a Map over 10,000 items and a 10,000-iteration loop", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    await setText(page, bigMap);
    await node(page, "Each item").waitFor();
    await openRunTab(s);
    const items = JSON.stringify({ items: Array.from({ length: 10000 }, (_, i) => i) });
    // As on AWS, a STANDARD run stops at 25,000 history events and says so.
    await page.getByTestId("run-type").selectOption("STANDARD");
    await page.getByTestId("run-input").fill(items);
    await page.getByTestId("run-start").click();
    await waitRun(page, "FAILED", 60000);
    await page.getByText(/maximum number of history events \(25000\)/).first().waitFor();
    // EXPRESS has no history limit: the large runs below use it.
    await page.getByTestId("run-type").selectOption("EXPRESS");
    const map = await measureRun(s, "Map over 10,000 items", bigMap, items, 40000, "10000 of 10000");
    // Drill into one iteration: its Pass state visited once.
    await page.getByLabel("Show one iteration of Each item").fill("9999");
    await node(page, "Double").locator('[data-testid="run-status"][data-status="succeeded"]').waitFor();
    await node(page, "Double").click();
    await page.getByTestId("inspect").getByText('"v": 19998').first().waitFor(); // what it worked on (Parameters) and its output
    await s.screenshot("runs-13-map-10000");
    await page.getByLabel("Show one iteration of Each item").fill("");
    // Without the drill-in: 10,000 visits of Double, picked by number, each saying its Map item.
    await page.locator(".visit-picker", { hasText: "of 10000" }).waitFor();
    await page.getByTestId("visit-number").fill("5000");
    // Items run side by side, so the 5,000th visit is of some item near the 5,000th: it says which.
    await page.getByTestId("visit-item").filter({ hasText: /^item \d+ of Each item$/ }).waitFor();
    assert.equal(await page.getByTestId("visit-number").inputValue(), "5000");
    // The events table and the timeline draw only the rows in view; filtering is quick.
    await page.getByTestId("run-tab-events").click();
    const rendered = await page.getByTestId("event-row").count();
    assert.ok(rendered < 200, `the events table draws the rows in view, not all (${rendered} drawn)`);
    const filterMs = await filterEventsMs(page, "Double");
    const filtered = await page.getByTestId("event-count").innerText();
    assert.match(filtered, /^20000 of \d+ events/, "Double's 10,000 visits have 20,000 events");
    await page.getByTestId("events-scroll").evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.getByTestId("event-row").last().waitFor();
    await page.getByTestId("run-tab-timeline").click();
    const tlRows = await page.getByTestId("timeline").locator(".tl-row").count();
    const tlHead = await page.getByTestId("timeline").locator(".muted").first().innerText();
    assert.ok(tlRows < 200 && /10001 state visits/.test(tlHead), `the timeline lists every visit and draws those in view (${tlHead}; ${tlRows} rows drawn)`);
    // Rows name their Map item; which item's Double comes first depends on
    // how the items' goroutines were scheduled (item 1's is not always
    // among the rows drawn at the top on a loaded machine).
    await page.getByTestId("timeline").locator(".tl-name", { hasText: /^Double · item \d+ of Each item$/ }).first().waitFor();
    console.log(`# PERF events table of the 10,000-item Map: ${rendered} rows drawn of ${filtered.match(/of (\d+)/)[1]}; filtering by state ${filterMs.toFixed(0)} ms; timeline ${tlRows} rows drawn (${tlHead})`);
    await page.getByTestId("run-tab-events").click();
    await page.getByLabel("Filter by state").selectOption("");
    await page.getByTestId("run-tab-inspect").click();

    await setText(page, bigLoop);
    await node(page, "Count").waitFor();
    await page.getByTestId("run-type").selectOption("EXPRESS");
    const loop = await measureRun(s, "loop of 10,000 iterations", bigLoop, '{"n": 10000}', 40000);
    await waitStatus(page, "Done", "succeeded");
    await s.screenshot("runs-14-loop-10000");
    // Latency figures are printed above (target: under 100 ms), never
    // asserted: timings on shared machines are noise, not verdicts. What is
    // asserted is that the UI kept handling clicks while the runs went on
    // (a click every 100 ms: a run of 0.6 s leaves room for only a few).
    for (const [name, m] of [["map", map], ["loop", loop]]) {
      assert.ok(m.n >= 1, `${name}: no click was handled while running`);
    }
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("speed: 100,000 events (a Map over 25,000 items) scroll and filter", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    await setText(page, bigMap);
    await node(page, "Each item").waitFor();
    await openRunTab(s);
    await page.getByTestId("run-type").selectOption("EXPRESS");
    const items = JSON.stringify({ items: Array.from({ length: 25000 }, (_, i) => i) });
    await measureRun(s, "Map over 25,000 items", bigMap, items, 100000, "25000 of 25000");
    await page.getByTestId("run-tab-events").click();
    // Scrolls the table from top to bottom in 240 frames, a step per frame,
    // and times each frame: smooth is about 16.7 ms a frame.
    const frames = await page.getByTestId("events-scroll").evaluate(
      (el) =>
        new Promise((resolve) => {
          const steps = 240;
          const step = (el.scrollHeight - el.clientHeight) / steps;
          const times = [];
          let last = performance.now();
          let i = 0;
          const tick = (now) => {
            times.push(now - last);
            last = now;
            if (++i > steps) return resolve(times.slice(1));
            el.scrollTop = i * step;
            requestAnimationFrame(tick);
          };
          el.scrollTop = 0;
          requestAnimationFrame((now) => {
            last = now;
            requestAnimationFrame(tick);
          });
        }),
    );
    const rendered = await page.getByTestId("event-row").count();
    assert.ok(rendered < 200, `the events table draws the rows in view, not all (${rendered} drawn)`);
    const filterMs = await filterEventsMs(page, "Double");
    const filtered = await page.getByTestId("event-count").innerText();
    assert.match(filtered, /^50000 of \d+ events/, "Double's 25,000 visits have 50,000 events");
    const sorted = [...frames].sort((a, b) => a - b);
    const q = (x) => sorted[Math.min(sorted.length - 1, Math.floor(x * sorted.length))];
    console.log(
      `# PERF events table of ${filtered.match(/of (\d+)/)[1]} events: scrolled top to bottom in ${frames.length} frames, ` +
        `frame time median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms; ` +
        `${rendered} rows drawn; filtering by state ${filterMs.toFixed(0)} ms (target under 100 ms)`,
    );
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
