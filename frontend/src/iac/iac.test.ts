import { describe, expect, it } from "vitest";
import { machineNameOf, nameProblems, rowsFrom, toOptions } from "./exportForm";
import { documentName, openableFirst, relativeTo, whereDefined } from "./machines";
import type { ExportCandidate, IaCMachine } from "../backend/studio";

const cand = (name: string, kind = "arn", value = "arn:aws:sns:us-east-1:123456789012:" + name): ExportCandidate =>
  ({ name, kind, value, uses: ["/States/A/Parameters/TopicArn"] }) as ExportCandidate;

describe("export form", () => {
  it("accepts letters and digits, rejects bad and duplicate names", () => {
    const rows = rowsFrom([cand("Orders"), cand("Alerts"), cand("Third")]);
    expect(nameProblems(rows).size).toBe(0);
    rows[1].name = "Orders";
    rows[2].name = "9lives";
    const p = nameProblems(rows);
    expect(p.get(1)).toMatch(/row 1/);
    expect(p.get(2)).toMatch(/starting with a letter/);
    rows[1].enabled = false; // a value kept hard-coded needs no name
    expect(nameProblems(rows).has(1)).toBe(false);
  });

  it("sends disabled rows with an empty name and leaves placeholders to the exporter", () => {
    const rows = rowsFrom([cand("Orders"), cand("Alerts"), cand("Existing", "placeholder", "")]);
    rows[0].name = "OrderTopic";
    rows[1].enabled = false;
    const o = toOptions("sam", "orders", rows, true, false);
    expect(o.substitutions.map((s) => s.name)).toEqual(["OrderTopic", ""]);
    expect(o.substitutions[1].value).toBe("arn:aws:sns:us-east-1:123456789012:Alerts");
    expect(o).toMatchObject({ target: "sam", name: "orders", inline: true, express: false });
  });

  it("names the machine after its file", () => {
    expect(machineNameOf("/x/order-process.asl.json")).toBe("order-process");
    expect(machineNameOf("Flow.yaml")).toBe("Flow");
    expect(machineNameOf("")).toBe("state-machine");
  });
});

const machine = (m: Partial<IaCMachine>): IaCMachine =>
  ({ id: "M", type: "AWS::Serverless::StateMachine", origin: "Definition", file: "/p/template.yaml", line: 5, format: "yaml", substitutions: [], ...m }) as IaCMachine;

describe("machine picker", () => {
  it("says where each definition lives", () => {
    expect(whereDefined(machine({}), "/p/template.yaml")).toBe("Definition, line 5");
    expect(whereDefined(machine({ origin: "DefinitionUri", file: "/p/statemachine/a.asl.json" }), "/p/template.yaml")).toBe(
      "DefinitionUri → statemachine/a.asl.json",
    );
    expect(relativeTo("/elsewhere/a.json", "/p/template.yaml")).toBe("/elsewhere/a.json");
  });

  it("lists openable machines first, keeping template order", () => {
    const ms = [machine({ id: "A", problem: "in S3" }), machine({ id: "B" }), machine({ id: "C" })];
    expect(openableFirst(ms).map((m) => m.id)).toEqual(["B", "C", "A"]);
  });

  it("titles a machine with its template", () => {
    expect(documentName("Orders", "/p/infra/template.yaml")).toBe("Orders · template.yaml");
  });
});
