// The flow states: how the work moves, not what it does.
import type { PaletteEntry, QueryLanguage } from "./entry";

const rule = (lang: QueryLanguage) =>
  lang === "JSONata" ? { Condition: "{% $states.input.status = 'approved' %}" } : { Variable: "$.status", StringEquals: "approved" };

export const flowEntries: PaletteEntry[] = [
  {
    id: "pass",
    label: "Pass",
    group: "Flow",
    type: "Pass",
    description: "Pass the data on, reshaping it on the way.",
    keywords: "transform shape data placeholder",
    build: () => ({ name: "Pass", state: { Type: "Pass" } }),
  },
  {
    id: "choice",
    label: "Choice",
    group: "Flow",
    type: "Choice",
    description: "Pick the next step from the data, like an if/else.",
    keywords: "if else branch decide condition rule",
    build: (lang) => ({ name: "Choice", state: { Type: "Choice", Choices: [rule(lang)] } }),
  },
  {
    id: "wait",
    label: "Wait",
    group: "Flow",
    type: "Wait",
    description: "Pause for a while, or until a given time.",
    keywords: "delay sleep pause timer",
    build: () => ({ name: "Wait", state: { Type: "Wait", Seconds: 60 } }),
  },
  {
    id: "parallel",
    label: "Parallel",
    group: "Flow",
    type: "Parallel",
    description: "Run several paths at the same time and wait for all of them.",
    keywords: "fan out concurrent branches together",
    build: () => ({
      name: "Parallel",
      state: {
        Type: "Parallel",
        Branches: [
          { StartAt: "Branch A", States: { "Branch A": { Type: "Pass", End: true } } },
          { StartAt: "Branch B", States: { "Branch B": { Type: "Pass", End: true } } },
        ],
      },
    }),
  },
  {
    id: "map",
    label: "Map",
    group: "Flow",
    type: "Map",
    description: "Repeat steps for every item in a list.",
    keywords: "loop for each iterate items batch",
    build: (lang) => ({
      name: "Map",
      state: {
        Type: "Map",
        ...(lang === "JSONata" ? { Items: "{% $states.input.items %}" } : { ItemsPath: "$.items" }),
        MaxConcurrency: 10,
        ItemProcessor: {
          ProcessorConfig: { Mode: "INLINE" },
          StartAt: "Process item",
          States: { "Process item": { Type: "Pass", End: true } },
        },
      },
    }),
  },
  {
    id: "succeed",
    label: "Succeed",
    group: "Flow",
    type: "Succeed",
    description: "Stop here: the work is done.",
    keywords: "end finish stop success",
    build: () => ({ name: "Succeed", state: { Type: "Succeed" } }),
  },
  {
    id: "fail",
    label: "Fail",
    group: "Flow",
    type: "Fail",
    description: "Stop here and report an error.",
    keywords: "end error stop failure abort",
    build: () => ({ name: "Fail", state: { Type: "Fail", Error: "WorkflowFailed", Cause: "Say here what went wrong." } }),
  },
];
