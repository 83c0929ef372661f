// The headless studio is safe to leave running: requests with a foreign
// Host (DNS rebinding), a foreign Origin (another site's page) or without
// this launch's key are refused, on every route and on the IPC websocket
// through which the page opens and saves files (app/devguard). Checked
// with raw HTTP and with a real Chromium visiting an attacker's page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { appURL } from "./studio.mjs";

const studio = new URL(appURL);
const port = Number(studio.port);
const key = studio.searchParams.get("stepstudio-key");

/** Sends one raw request to the studio; resolves to its status and headers. */
function send(path, headers) {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers, method: "GET" });
    req.on("response", (res) => {
      res.resume();
      resolve({ status: res.statusCode, headers: res.headers });
    });
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode, headers: res.headers });
    });
    req.on("error", reject);
    req.end();
  });
}

const upgrade = {
  Connection: "Upgrade",
  Upgrade: "websocket",
  "Sec-WebSocket-Version": "13",
  "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
};

test("the printed address carries a 256-bit key", () => {
  assert.match(key ?? "", /^[0-9a-f]{64}$/);
});

test("raw requests: only the studio's own tab gets through", async () => {
  const own = `127.0.0.1:${port}`;
  const swap = await send(`/?stepstudio-key=${key}`, { Host: own });
  assert.equal(swap.status, 303, "the key in the address is exchanged for a cookie");
  assert.equal(swap.headers.location, "/", "and leaves the address bar");
  const cookie = swap.headers["set-cookie"][0];
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  const session = cookie.split(";")[0];

  const cases = [
    ["own tab: page", "/", { Host: own, Cookie: session }, 200],
    ["own tab: IPC websocket", "/wails/ipc", { ...upgrade, Host: own, Origin: `http://${own}`, Cookie: session }, 101],
    ["no key: page", "/", { Host: own }, 403],
    ["no key: IPC websocket", "/wails/ipc", { ...upgrade, Host: own, Origin: `http://${own}` }, 403],
    ["no key: reload route", "/wails/reload", { Host: own }, 403],
    ["no key: asset folder route", "/wails/assetdir", { Host: own }, 403],
    ["foreign Origin with the key", "/wails/ipc", { ...upgrade, Host: own, Origin: "http://evil.example", Cookie: session }, 403],
    ["another local port's page with the key", "/wails/ipc", { ...upgrade, Host: own, Origin: "http://127.0.0.1:8080", Cookie: session }, 403],
    ["foreign Host (DNS rebinding) with the key", "/", { Host: `evil.example:${port}`, Cookie: session }, 403],
    ["foreign Host on the websocket", "/wails/ipc", { ...upgrade, Host: `evil.example:${port}`, Origin: `http://evil.example:${port}`, Cookie: session }, 403],
    ["a wrong key", "/?stepstudio-key=" + "0".repeat(64), { Host: own }, 403],
  ];
  for (const [what, path, headers, want] of cases) {
    const { status } = await send(path, headers);
    console.log(`  ${what}: ${status}`);
    assert.equal(status, want, what);
  }
});

test("a real browser: another site's page cannot reach the studio, even with the user's cookie", async () => {
  // evil.example resolves to this machine, as an attacker's DNS would make it.
  const attacker = createServer((req, res) => {
    res.setHeader("Content-Type", "text/html");
    res.end("<!doctype html><title>evil</title>");
  });
  await new Promise((r) => attacker.listen(0, "127.0.0.1", r));
  const evilPort = attacker.address().port;
  const profile = mkdtempSync(join(tmpdir(), "stepstudio-guard-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--host-resolver-rules=MAP evil.example 127.0.0.1",
    ],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // The user has the studio open: the browser holds its cookie.
    await page.goto(appURL);
    await page.waitForSelector("text=Stepstudio", { timeout: 15000 }).catch(() => {});
    assert.ok((await context.cookies()).some((c) => c.name === `stepstudio-${port}`), "the studio set its cookie");

    for (const origin of [`http://evil.example:${evilPort}`, `http://127.0.0.1:${evilPort}`]) {
      await page.goto(`${origin}/`);
      const got = await page.evaluate(async (studioPort) => {
        const ws = await new Promise((resolve) => {
          const s = new WebSocket(`ws://127.0.0.1:${studioPort}/wails/ipc`);
          s.onopen = () => resolve("open");
          s.onerror = () => resolve("refused");
          setTimeout(() => resolve("timeout"), 5000);
        });
        return ws;
      }, port);
      console.log(`  page on ${origin}: IPC websocket ${got}`);
      assert.equal(got, "refused", `a page on ${origin} opened the IPC websocket`);
    }

    // DNS rebinding: the attacker's name now points at the studio's port.
    const res = await page.goto(`http://evil.example:${port}/`);
    console.log(`  DNS-rebound name: ${res.status()}`);
    assert.equal(res.status(), 403);
  } finally {
    await context.close();
    attacker.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
