// Map debugging: a breakpoint inside a Map of 5 items run side by side
// stops one item at a time; the banner says which item and the input its
// state will get; Step moves only that item; the Map items table lists the
// items with their statuses; Continue goes on, item by item, to the end.
import { test } from "node:test";
import assert from "node:assert/strict";
import { node, openStudio, setText, waitFor } from "./studio.mjs";

const flow = JSON.stringify(
  {
    Comment: "Doubles every item.",
    StartAt: "Each item",
    States: {
      "Each item": {
        Type: "Map",
        ItemsPath: "$.items",
        MaxConcurrency: 0,
        ItemProcessor: {
          StartAt: "Double",
          States: {
            Double: { Type: "Pass", Parameters: { "v.$": "States.MathAdd($.v, $.v)" }, Next: "Check" },
            Check: { Type: "Pass", End: true },
          },
        },
        End: true,
      },
    },
  },
  null,
  2,
);

/** The pause banner's words, e.g. "Paused before Double in item 3 of Each item"; "" while none is shown. */
const bannerText = (page) => page.evaluate(() => document.querySelector('[data-testid="run-pause-label"]')?.textContent ?? "");

test("a breakpoint inside a Map: one item paused, stepped alone, the items table, continue to the end", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    await setText(page, flow);
    await node(page, "Double").waitFor();
    await page.getByTestId("tab-run").click();
    await page.getByTestId("run-panel").waitFor();
    await page.getByTestId("run-input").fill(JSON.stringify({ items: [1, 2, 3, 4, 5].map((v) => ({ v })) }));
    assert.equal(await page.getByTestId("run-pause-mode").inputValue(), "one");

    await node(page, "Double").hover();
    await node(page, "Double").getByTestId("breakpoint").first().click();
    await node(page, "Double").locator('[data-testid="breakpoint"].on').waitFor();
    await page.getByTestId("run-start").click();

    // One item stops at Double; which one comes first varies (they run side by side).
    await page.getByTestId("run-pause-banner").waitFor();
    const first = await bannerText(page);
    const m = /^Paused before Double in item (\d) of Each item$/.exec(first);
    assert.ok(m, `banner: ${first}`);
    const item = Number(m[1]);
    assert.equal(await page.getByTestId("run-pause-list").count(), 0, "one item paused, so no list to pick from");
    await page.getByTestId("run-pause-show-input").click();
    assert.deepEqual(JSON.parse(await page.getByTestId("run-pause-input").innerText()), { v: item });
    await s.screenshot("mapdebug-01-paused");

    // Step: that item alone enters Double and stops before Check with the doubled value.
    await page.getByTestId("run-step").click();
    await page.getByTestId("run-pause-label").filter({ hasText: `Paused before Check in item ${item} of Each item` }).waitFor();
    await waitFor("the doubled input", async () => JSON.parse(await page.getByTestId("run-pause-input").innerText()).v === item * 2);
    // Inspect on the paused state shows what it will get, before any visit exists.
    await node(page, "Check").click();
    await page.getByTestId("run-tab-inspect").click();
    const here = page.getByTestId("inspect-paused");
    await here.getByText(`Paused before this state in item ${item} of Each item`).waitFor();
    assert.deepEqual(JSON.parse(await here.locator("pre").innerText()), { v: item * 2 });
    // The siblings did not run past Double: Double was entered once.
    await page.getByTestId("run-tab-events").click();
    await page.getByLabel("Filter by state").selectOption("Double");
    await page.getByLabel("Filter by type").selectOption("PassStateEntered");
    assert.match(await page.getByTestId("event-count").innerText(), /^1 of /);

    // The Map items table: 5 items, one paused, none finished yet.
    await page.getByTestId("run-tab-items").click();
    const rows = page.getByTestId("map-item-row");
    await waitFor("5 item rows", async () => (await rows.count()) === 5);
    // The stepped item is paused, the 4 others wait before the breakpoint.
    const statuses = () => rows.evaluateAll((rs) => rs.map((r) => [Number(r.dataset.index) + 1, r.dataset.status]));
    await waitFor("1 paused and 4 waiting", async () => (await statuses()).filter(([, st]) => st === "waiting").length === 4);
    assert.deepEqual(
      (await statuses()).filter(([, st]) => st === "paused").map(([n]) => n),
      [item],
      `statuses ${JSON.stringify(await statuses())}`,
    );
    await page.getByTestId("map-items-filter").selectOption("paused");
    await waitFor("the paused row alone", async () => (await rows.count()) === 1);
    await page.getByTestId("map-items-filter").selectOption("");
    await s.screenshot("mapdebug-02-items");

    // Continue: the next items stop at Double one by one, in item order.
    const order = [];
    for (;;) {
      const before = await bannerText(page);
      await page.getByTestId("run-continue").click();
      await waitFor("the next pause or the end", async () => {
        const pill = await page.getByTestId("run-status-pill").innerText();
        if (pill === "SUCCEEDED") return true;
        const now = await bannerText(page);
        return now !== "" && now !== before;
      });
      if ((await page.getByTestId("run-status-pill").innerText()) === "SUCCEEDED") break;
      order.push(Number(/item (\d)/.exec(await bannerText(page))[1]));
      assert.ok(order.length <= 4, `paused ${order.length} more times`);
    }
    assert.deepEqual(order, [1, 2, 3, 4, 5].filter((n) => n !== item), "the others stop in item order");
    await waitFor("5 succeeded rows", async () => (await page.locator('[data-testid="map-item-row"][data-status="succeeded"]').count()) === 5);

    // A click drills into one item; "Go to item" finds one.
    await page.getByTestId("map-items-jump").fill("4");
    await page.getByTestId("map-items-jump").press("Enter");
    await page.locator('[data-testid="map-item-row"][data-index="3"][aria-selected="true"]').waitFor();
    assert.equal(await page.getByLabel("Show one iteration of Each item").inputValue(), "3");
    await s.screenshot("mapdebug-03-done");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("speed: the Map items table of 10,000 items", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    const big = JSON.parse(flow);
    big.States["Each item"].ResultPath = null; // the output stays small
    await setText(page, JSON.stringify(big, null, 2));
    await node(page, "Double").waitFor();
    await page.getByTestId("tab-run").click();
    await page.getByTestId("run-type").selectOption("EXPRESS");
    await page.getByTestId("run-input").fill(JSON.stringify({ items: Array.from({ length: 10000 }, (_, v) => ({ v })) }));
    await page.getByTestId("run-start").click();
    await page.locator('[data-testid="run-status-pill"]', { hasText: "SUCCEEDED" }).waitFor({ timeout: 60000 });

    const openMs = await page.evaluate(async () => {
      const t0 = performance.now();
      document.querySelector('[data-testid="run-tab-items"]').click();
      while (!document.querySelector('[data-testid="map-item-row"]')) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t0;
    });
    const count = await page.getByTestId("map-items-count").innerText();
    assert.equal(count, "10000 of 10000 items of Each item");
    const drawn = await page.getByTestId("map-item-row").count();
    assert.ok(drawn < 200, `the table draws the rows in view (${drawn})`);
    const filterMs = await page.evaluate(async () => {
      const sel = document.querySelector('[data-testid="map-items-filter"]');
      const t0 = performance.now();
      sel.value = "succeeded";
      sel.dispatchEvent(new Event("change", { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    });
    await page.getByTestId("map-items-jump").fill("9000");
    await page.getByTestId("map-items-jump").press("Enter");
    await page.locator('[data-testid="map-item-row"][data-index="8999"][aria-selected="true"]').waitFor();
    await s.screenshot("mapdebug-04-items-10000");
    console.log(`# PERF Map items table of 10,000 items: first rows drawn ${openMs.toFixed(0)} ms after opening the tab; ${drawn} rows drawn; filtering by status ${filterMs.toFixed(0)} ms`);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
