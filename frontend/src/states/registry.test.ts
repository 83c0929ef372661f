import { describe, expect, test } from "vitest";
import { handlesErrors, isTerminal, newChoiceRule, stateKind, stateKinds } from "./registry";
import colours from "../theme/colours.json";

const types = ["Task", "Pass", "Choice", "Wait", "Parallel", "Map", "Succeed", "Fail"];

describe("the state registry", () => {
  test("knows every ASL state type, once", () => {
    expect(stateKinds.map((k) => k.type)).toEqual(types);
    for (const k of stateKinds) {
      expect(k.description.length, k.type).toBeGreaterThan(10);
      expect(k.icon, k.type).toMatch(/^M/);
      expect(k.colour, k.type).toBe(`var(--${(colours.stateTypes as Record<string, string>)[k.type]})`);
    }
  });

  test("only Succeed and Fail end the workflow; only a Choice leaves by rules", () => {
    expect(types.filter(isTerminal)).toEqual(["Succeed", "Fail"]);
    expect(types.filter((t) => stateKind(t).exit === "choice")).toEqual(["Choice"]);
  });

  test("only Task, Parallel and Map handle errors; Parallel and Map hold steps", () => {
    expect(types.filter(handlesErrors)).toEqual(["Task", "Parallel", "Map"]);
    expect(stateKind("Parallel").holds).toBe("branches");
    expect(stateKind("Map").holds).toBe("items");
    expect(types.filter((t) => stateKind(t).holds === null)).toEqual(["Task", "Pass", "Choice", "Wait", "Succeed", "Fail"]);
  });

  test("a type it does not know passes data on and draws as a Pass", () => {
    const k = stateKind("Activity");
    expect(k).toMatchObject({ type: "Activity", label: "Activity", exit: "next", handlesErrors: false, holds: null, icon: stateKind("Pass").icon });
    expect(k.colour).toBe("var(--type-flow)");
    expect(stateKind(undefined).label).toBe("Unknown");
    expect(isTerminal(42)).toBe(false);
  });

  test("flow states are offered in the palette under their own name and words; Tasks as integrations", () => {
    for (const t of types.filter((t) => t !== "Task")) {
      const k = stateKind(t);
      expect(k.palette.group).toBe("Flow");
      expect([k.palette.entries[0].label, k.palette.entries[0].description]).toEqual([k.label, k.description]);
      expect(k.palette.entries[0].build("JSONPath").state.Type).toBe(t);
    }
    expect(stateKind("Map").palette.entries.map((e) => e.id)).toEqual(["map", "map-s3"]);
    expect(stateKind("Task").palette.group).toBe("Actions");
    expect(stateKind("Task").palette.entries.length).toBeGreaterThan(10);
  });

  test("a new Choice rule is written in the state's language", () => {
    expect(newChoiceRule("JSONPath", "B")).toEqual({ Variable: "$.status", StringEquals: "approved", Next: "B" });
    expect(newChoiceRule("JSONata")).toEqual({ Condition: "{% $states.input.status = 'approved' %}" });
  });
});
