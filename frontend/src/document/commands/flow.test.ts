// The flow commands (the way on from a state, the start, a state added
// unconnected, an arrow's end moved) and the reconnection of states an
// edit cut off: the exact text each gives in JSON and in YAML, and one
// undo through the store back to the very same bytes.
import { describe, expect, test } from "vitest";
import approvalJson from "../testdata/approval.asl.json?raw";
import approvalYaml from "../testdata/approval.asl.yaml?raw";
import nestedJson from "../testdata/nested.asl.json?raw";
import { openText } from "../open";
import { DocumentStore } from "../store";
import type { Format } from "../textdoc";
import { cutOff, outermost, reachable } from "../reach";
import { EditGuard } from "../guard";
import type { Command } from "./template";
import { addState, setNext, setStart } from "./flow";
import { retarget } from "./connect";
import { insertStateAfter } from "./insert";
import { keepConnected } from "./reconnect";

/** Applies [old, new] snippet replacements; each old must occur exactly once. */
function patch(text: string, changes: [string, string][]): string {
  for (const [from, to] of changes) {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`snippet not found exactly once: ${JSON.stringify(from)}`);
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  return text;
}

const stop = { name: "Stop", state: { Type: "Fail", Error: "Stopped" } };
const askCatchJson = '"Next": "Approved?",\n      "Catch": [\n        {\n          "ErrorEquals": ["States.ALL"],\n          "Next": "%s"\n        }\n      ]\n';
const askCatchYaml = "    Next: Approved? # wait for the answer\n    Catch:\n      - ErrorEquals:\n          - States.ALL\n        Next: %s\n";
const fill = (s: string, to: string) => s.replace("%s", to);

interface Case {
  name: string;
  cmd: Command;
  json: [string, string][];
  yaml: [string, string][];
  select?: string[];
}

const cases: Case[] = [
  {
    name: "then go to: End becomes Next",
    cmd: setNext("/States/Notify", "Rejected"),
    json: [['"End": true', '"Next": "Rejected"']],
    yaml: [["End: true", "Next: Rejected"]],
    select: ["/States/Notify"],
  },
  {
    name: "end here: Next becomes End",
    cmd: setNext("/States/Carry out", null),
    json: [['"Next": "Notify"', '"End": true']],
    yaml: [["Next: Notify", "End: true"]],
  },
  {
    name: "then go to another step",
    cmd: setNext("/States/Carry out", "Rejected"),
    json: [['"Next": "Notify"', '"Next": "Rejected"']],
    yaml: [["Next: Notify", "Next: Rejected"]],
  },
  {
    name: "set as start",
    cmd: setStart("/States/Approved?"),
    json: [['"StartAt": "Ask"', '"StartAt": "Approved?"']],
    yaml: [["StartAt: Ask", "StartAt: Approved?"]],
    select: ["/States/Approved?"],
  },
  {
    name: "a step added unconnected goes last",
    cmd: addState("", { name: "Log", state: { Type: "Pass" } }),
    json: [['"Error": "Rejected"\n    }\n', '"Error": "Rejected"\n    },\n    "Log": {\n      "Type": "Pass",\n      "End": true\n    }\n']],
    yaml: [["    Error: Rejected\n", "    Error: Rejected\n  Log:\n    Type: Pass\n    End: true\n"]],
    select: ["/States/Log"],
  },
  {
    name: "an arrow's end dragged to another step",
    cmd: retarget("/States/Approved?/Choices/0/Next", "/States/Notify"),
    json: [['"Next": "Carry out"', '"Next": "Notify"']],
    yaml: [["Next: Carry out", "Next: Notify"]],
  },
  {
    name: "the arrow to the end dragged to a step",
    cmd: retarget("/States/Notify>end", "/States/Rejected"),
    json: [['"End": true', '"Next": "Rejected"']],
    yaml: [["End: true", "Next: Rejected"]],
  },
  {
    name: "the start arrow dragged to a step",
    cmd: retarget("start", "/States/Approved?"),
    json: [['"StartAt": "Ask"', '"StartAt": "Approved?"']],
    yaml: [["StartAt: Ask", "StartAt: Approved?"]],
  },
  {
    name: "reconnect: the new target's free end goes on to the step cut off",
    cmd: keepConnected(retarget("/States/Approved?/Default", "/States/Notify")),
    json: [
      ['"Default": "Rejected"', '"Default": "Notify"'],
      ['"End": true', '"Next": "Rejected"'],
    ],
    yaml: [
      ["Default: Rejected", "Default: Notify"],
      ["End: true", "Next: Rejected"],
    ],
  },
  {
    name: "reconnect: a Task's Next dragged to a Fail keeps its way on and catches to the Fail",
    cmd: keepConnected(retarget("/States/Ask/Next", "/States/Rejected")),
    json: [['"Next": "Approved?"\n', fill(askCatchJson, "Rejected")]],
    yaml: [["    Next: Approved? # wait for the answer\n", fill(askCatchYaml, "Rejected")]],
  },
  {
    name: "reconnect: a Fail added after a Task becomes what it does when it fails",
    cmd: keepConnected(insertStateAfter("/States/Ask", stop)),
    json: [
      ['"Next": "Approved?"\n', fill(askCatchJson, "Stop")],
      ['    "Approved?": {', '    "Stop": {\n      "Type": "Fail",\n      "Error": "Stopped"\n    },\n    "Approved?": {'],
    ],
    yaml: [
      ["    Next: Approved? # wait for the answer\n", fill(askCatchYaml, "Stop")],
      ["  Approved?:\n", "  Stop:\n    Type: Fail\n    Error: Stopped\n  Approved?:\n"],
    ],
    select: ["/States/Stop"],
  },
  {
    name: "reconnect: a Fail added after a Pass waits unconnected",
    cmd: keepConnected(insertStateAfter("/States/Carry out", stop)),
    json: [['    "Notify": {', '    "Stop": {\n      "Type": "Fail",\n      "Error": "Stopped"\n    },\n    "Notify": {']],
    yaml: [["  Notify:\n", "  Stop:\n    Type: Fail\n    Error: Stopped\n  Notify:\n"]],
  },
];

const fixtures: Record<Format, string> = { json: approvalJson, yaml: approvalYaml };

describe.each(["json", "yaml"] as const)("%s", (format) => {
  test.each(cases)("$name", (c) => {
    const before = fixtures[format];
    const want = patch(before, format === "json" ? c.json : c.yaml);
    const d = openText(before, format);
    const select = c.cmd(d);
    expect(d.text).toBe(want);
    if (c.select) expect(select).toEqual(c.select);

    const store = new DocumentStore(before, format);
    expect(store.run(c.name, c.cmd)).toMatchObject({ ok: true });
    expect(store.snapshot().text).toBe(want);
    expect(store.undo()).toBe(c.name);
    expect(store.snapshot().text).toBe(before);
    expect(store.redo()).toBe(c.name);
    expect(store.snapshot().text).toBe(want);
  });
});

describe("refused", () => {
  const refusals: [string, Command, RegExp][] = [
    ["then go to from a Choice", setNext("/States/Approved?", "Notify"), /Choice/],
    ["then go to from a Fail", setNext("/States/Rejected", "Notify"), /ends the workflow/],
    ["then go to a step that is not there", setNext("/States/Ask", "Nope"), /no step called "Nope"/],
    ["a Choice added unconnected", addState("", { name: "C", state: { Type: "Choice", Choices: [{}] } }), /Choice needs/],
    ["reconnect what cannot be", keepConnected(retarget("/States/Carry out/Next", "/States/Rejected")), /“Notify” cannot be reconnected/],
  ];
  test.each(refusals)("%s", (_, cmd, message) => {
    const store = new DocumentStore(approvalJson, "json");
    const out = store.run("x", cmd);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error).toMatch(message);
    expect(store.snapshot().text).toBe(approvalJson);
  });

  test("the start arrow cannot go into a branch", () => {
    const store = new DocumentStore(nestedJson, "json");
    expect(store.run("x", retarget("start", "/States/Fan out/Branches/0/States/A"))).toMatchObject({ ok: false, error: /not at a step inside a branch/ });
  });
});

test("a step added to an empty workflow is its start", () => {
  const blank = '{\n  "Comment": "New",\n  "StartAt": "",\n  "States": {}\n}\n';
  const d = openText(blank, "json");
  expect(addState("", { name: "Log", state: { Type: "Pass" } })(d)).toEqual(["/States/Log"]);
  expect(d.text).toBe('{\n  "Comment": "New",\n  "StartAt": "Log",\n  "States": {\n    "Log": {\n      "Type": "Pass",\n      "End": true\n    }\n  }\n}\n');
});

describe("reach", () => {
  test("into branches and processors of reached states only", () => {
    const doc = JSON.parse(nestedJson);
    expect([...reachable(doc)]).toEqual(["/States/Fan out", "/States/Fan out/Branches/0/States/A", "/States/Each", "/States/Each/ItemProcessor/States/Item"]);
    const after = structuredClone(doc);
    after.States["Fan out"].Next = "Fan out";
    // The Map and the step inside it are cut off; people are told of the Map.
    const cut = cutOff(doc, after);
    expect(cut.map((s) => s.name)).toEqual(["Each", "Item"]);
    expect(outermost(cut).map((s) => s.name)).toEqual(["Each"]);
  });
});

describe("the guard asks before cutting states off", () => {
  const setup = () => {
    const store = new DocumentStore(approvalJson, "json");
    const guard = new EditGuard(store);
    return { store, guard };
  };

  test("an edit that cuts nothing off runs at once", () => {
    const { store, guard } = setup();
    expect(guard.run("Connect", retarget("/States/Notify>end", "/States/Rejected"))).toMatchObject({ ok: true });
    expect(store.snapshot().undoLabel).toBe("Connect");
    expect(guard.snapshot()).toBeNull();
  });

  test("the question names what would be cut off and what reconnecting does", () => {
    const { store, guard } = setup();
    const done: unknown[] = [];
    expect(guard.run("Connect", retarget("/States/Ask/Next", "/States/Rejected"), (o) => done.push(o))).toBe("asking");
    expect(store.snapshot().text).toBe(approvalJson);
    expect(guard.snapshot()).toEqual({
      label: "Connect",
      cut: ["Approved?", "Carry out", "Notify"],
      reconnect: ["“Ask” goes on to “Approved?” as before, and to “Rejected” when it fails."],
    });
    expect(guard.answer("reconnect")).toMatchObject({ ok: true });
    expect(guard.snapshot()).toBeNull();
    expect(done).toHaveLength(1);
    expect(store.snapshot().text).toBe(patch(approvalJson, [['"Next": "Approved?"\n', fill(askCatchJson, "Rejected")]]));
    expect(store.undo()).toBe("Connect");
    expect(store.snapshot().text).toBe(approvalJson);
  });

  test("cut them off does the edit as asked; cancel does nothing", () => {
    const { store, guard } = setup();
    guard.run("Connect", retarget("/States/Ask/Next", "/States/Rejected"));
    guard.answer("cut");
    expect(store.snapshot().text).toBe(patch(approvalJson, [['"Next": "Approved?"', '"Next": "Rejected"']]));
    store.undo();
    const done: unknown[] = [];
    guard.run("Connect", retarget("/States/Ask/Next", "/States/Rejected"), (o) => done.push(o));
    expect(guard.answer("cancel")).toBeNull();
    expect(done).toEqual([]);
    expect(store.snapshot().text).toBe(approvalJson);
    expect(store.snapshot().undoLabel).toBeUndefined();
  });

  test("when they cannot be reconnected, it says so", () => {
    const { guard } = setup();
    guard.run("Set as start", setStart("/States/Approved?"));
    expect(guard.snapshot()).toEqual({ label: "Set as start", cut: ["Ask"], reconnect: null });
    expect(guard.answer("reconnect")).toBeNull();
  });

  test("a refused edit is not asked about", () => {
    const { guard } = setup();
    expect(guard.run("x", setNext("/States/Approved?", "Notify"))).toMatchObject({ ok: false });
    expect(guard.snapshot()).toBeNull();
  });
});
