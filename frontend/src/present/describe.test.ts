import { describe, expect, it } from "vitest";
import type { NotesFile } from "../backend/studio";
import { openThreads, plainLine, stepWords } from "./describe";

describe("plainLine", () => {
  it.each([
    ["Wait", { Seconds: 10 }, "Waits 10 seconds"],
    ["Wait", { Seconds: 1 }, "Waits 1 second"],
    ["Wait", { Seconds: 120 }, "Waits 2 minutes"],
    ["Wait", { Seconds: 7200 }, "Waits 2 hours"],
    ["Wait", { SecondsPath: "$.delay" }, "Waits as long as the data says"],
    ["Wait", { Timestamp: "2026-12-24T00:00:00Z" }, "Waits until 2026-12-24T00:00:00Z"],
    ["Task", { Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "arn:aws:lambda:us-east-1:1:function:charge:$LATEST" } }, "Calls Lambda function charge"],
    ["Task", { Resource: "arn:aws:states:::lambda:invoke", Arguments: { FunctionName: "charge" } }, "Calls Lambda function charge"],
    ["Task", { Resource: "arn:aws:lambda:us-east-1:123:function:charge" }, "Calls Lambda function charge"],
    ["Task", { Resource: "arn:aws:states:::dynamodb:updateItem", Parameters: { TableName: "Inventory" } }, "Calls DynamoDB updateItem on table Inventory"],
    ["Task", { Resource: "arn:aws:states:::sns:publish" }, "Calls SNS publish"],
    ["Task", { Resource: "arn:aws:states:::aws-sdk:s3:getObject" }, "Calls S3 getObject"],
    ["Task", { Resource: "arn:aws:states:::ecs:runTask.sync" }, "Calls ECS runTask and waits for it to finish"],
    ["Task", { Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken" }, "Calls SQS sendMessage and waits for an answer"],
    ["Task", { Resource: "arn:aws:states:us-east-1:1:activity:review" }, "Waits for the activity review to be done by a worker"],
    ["Pass", {}, "Passes the data on to the next step"],
    ["Pass", { Result: { a: 1 } }, "Sets fixed data and passes it on"],
    ["Choice", { Choices: [{}, {}], Default: "Ship" }, "Chooses the next step by 2 rules, otherwise goes to Ship"],
    ["Parallel", { Branches: [{}, {}, {}] }, "Runs 3 branches at the same time"],
    ["Map", { MaxConcurrency: 5 }, "Runs the steps inside for each item, 5 at a time"],
    ["Succeed", {}, "Ends the workflow successfully"],
    ["Fail", { Error: "OrderInvalid" }, "Stops the workflow with the error OrderInvalid"],
  ])("%s %j", (type, state, want) => {
    expect(plainLine(type, state)).toBe(want);
  });
});

const notes: NotesFile = {
  version: 1,
  workflow: {},
  states: {
    Charge: {
      description: "Takes the money from the customer's card.",
      threads: [
        { id: "t1", comments: [{ id: "c1", author: "Ana", time: "2026-12-01T10:00:00Z", text: "Which card if there are two?" }] },
        { id: "t2", resolved: true, comments: [{ id: "c2", author: "Bo", time: "2026-12-01T11:00:00Z", text: "Done" }] },
      ],
    },
  },
};

describe("stepWords", () => {
  const task = { Type: "Task", Comment: "Charges the card.", Resource: "arn:aws:states:::lambda:invoke" };
  it("prefers the description, then the Comment, then a made line", () => {
    expect(stepWords(notes, "Charge", "Task", task)).toEqual({ text: "Takes the money from the customer's card.", from: "description" });
    expect(stepWords(notes, "Other", "Task", task)).toEqual({ text: "Charges the card.", from: "comment" });
    expect(stepWords(null, "Other", "Wait", { Seconds: 10 })).toEqual({ text: "Waits 10 seconds", from: "generated" });
  });

  it("lists only the open threads", () => {
    expect(openThreads(notes, "Charge").map((t) => t.id)).toEqual(["t1"]);
    expect(openThreads(notes, "Other")).toEqual([]);
    expect(openThreads(null, "Charge")).toEqual([]);
  });
});
