// Everything the studio knows about each ASL state type, in one place: what
// people see (name, a plain sentence, icon, colour), how the type behaves in
// a workflow (how it leaves, whether it retries and catches errors, whether
// it holds steps of its own), what the palette offers to add it, and which
// parts of the inspector edit it. The canvas, the palette, the inspector and
// the editing rules (document/commands) all read it; nothing else decides
// these things by comparing type names.
//
// Plain data and small functions, no React: document commands use it too.
import type { StateTemplate } from "../document/commands/template";
import { stateColour } from "../theme/colours";
import { actionEntries } from "../palette/actions";
import { blank } from "../palette/blanks";

export type QueryLanguage = "JSONPath" | "JSONata";

export type StateType = "Task" | "Pass" | "Choice" | "Wait" | "Parallel" | "Map" | "Succeed" | "Fail";

/** How a state leaves: by Next or End, by a Choice's rules and Default, or not at all (it ends the workflow). */
export type Exit = "next" | "choice" | "none";

/** The inspector's form parts; inspector/StateForm.tsx draws each, inspector/fields.ts lists the keys each shows. */
export type FormPart = "task" | "choice" | "wait" | "map" | "parallel" | "pass" | "fail";

/** One thing the palette can add: the words people see and the state it adds, in the machine's query language. */
export interface PaletteTemplate {
  id: string;
  /** The name shown in the palette. */
  label: string;
  /** One plain line for someone who does not write code. */
  description: string;
  /** Extra words people search by (service names, verbs). */
  keywords: string;
  build(lang: QueryLanguage): StateTemplate;
}

export interface StateKind {
  /** The ASL Type. */
  type: string;
  label: string;
  /** One plain sentence for someone who never saw ASL. */
  description: string;
  /** SVG path data of its glyph, drawn in a 24×24 box with a round stroke. */
  icon: string;
  /** Its CSS colour (a theme variable from theme/colours.json). */
  colour: string;
  exit: Exit;
  /** It takes Retry and Catch. */
  handlesErrors: boolean;
  /** The steps it holds: a Parallel's branches, a Map's item processor; steps can be dropped into it. */
  holds: "branches" | "items" | null;
  /** The palette's group for its entries, and the entries. */
  palette: { group: "Flow" | "Actions"; entries: readonly PaletteTemplate[] };
  /** Its own fields in the inspector: inside Configuration (what a Task calls), or in a section of their own. */
  inspector: { configuration?: FormPart; section?: FormPart };
  /** The input and output fields it has, in ASL's order of processing, per query language. */
  io: Record<QueryLanguage, readonly string[]>;
}

/** A new Choice rule going to next: the placeholder people then edit. */
export function newChoiceRule(lang: QueryLanguage, next?: string): Record<string, unknown> {
  const rule: Record<string, unknown> =
    lang === "JSONata" ? { Condition: "{% $states.input.status = 'approved' %}" } : { Variable: "$.status", StringEquals: "approved" };
  if (next !== undefined) rule.Next = next;
  return rule;
}

const passIcon = "M4 12h14 M13 7l5 5-5 5";
/** Input and output fields of the states that only pass data on (Choice, Wait). */
const passOnIO = { JSONPath: ["InputPath", "OutputPath", "Assign"], JSONata: ["Output", "Assign"] } as const;

/** How a type is written below: its flow entry (named and described as the type), or Task's integrations. */
type KindSpec = Omit<StateKind, "type" | "colour" | "palette"> & {
  palette: (Pick<PaletteTemplate, "id" | "keywords" | "build"> & { more?: readonly PaletteTemplate[] }) | { actions: readonly PaletteTemplate[] };
};

const kinds: Record<StateType, KindSpec> = {
  Task: {
    label: "Task",
    description: "Do one piece of work: call an AWS service, a Lambda function or a web API.",
    icon: "M4 4h16v16H4z M8 9h8 M8 13h8 M8 17h5",
    exit: "next",
    handlesErrors: true,
    holds: null,
    palette: { actions: actionEntries },
    inspector: { configuration: "task" },
    io: { JSONPath: ["InputPath", "ResultSelector", "ResultPath", "OutputPath", "Assign"], JSONata: ["Output", "Assign"] },
  },
  Pass: {
    label: "Pass",
    description: "Pass the data on, reshaping it on the way.",
    icon: passIcon,
    exit: "next",
    handlesErrors: false,
    holds: null,
    palette: { id: "pass", keywords: "transform shape data placeholder set variable assign", build: () => ({ name: "Pass", state: { Type: "Pass" } }) },
    inspector: { section: "pass" },
    io: { JSONPath: ["InputPath", "Parameters", "ResultPath", "OutputPath", "Assign"], JSONata: ["Output", "Assign"] },
  },
  Choice: {
    label: "Choice",
    description: "Pick the next step from the data, like an if/else.",
    icon: "M12 3l9 9-9 9-9-9z",
    exit: "choice",
    handlesErrors: false,
    holds: null,
    palette: {
      id: "choice",
      keywords: "if else otherwise branch decide decision condition rule route switch",
      build: (lang) => ({ name: "Choice", state: { Type: "Choice", Choices: [newChoiceRule(lang)] } }),
    },
    inspector: { section: "choice" },
    io: passOnIO,
  },
  Wait: {
    label: "Wait",
    description: "Pause for a while, or until a given time.",
    icon: "M12 3a9 9 0 1 0 0.01 0 M12 7v5l3 3",
    exit: "next",
    handlesErrors: false,
    holds: null,
    palette: { id: "wait", keywords: "delay sleep pause timer wait later schedule", build: () => ({ name: "Wait", state: { Type: "Wait", Seconds: 60 } }) },
    inspector: { section: "wait" },
    io: passOnIO,
  },
  Parallel: {
    label: "Parallel",
    description: "Run several paths at the same time and wait for all of them.",
    icon: "M7 4v16 M12 4v16 M17 4v16",
    exit: "next",
    handlesErrors: true,
    holds: "branches",
    palette: {
      id: "parallel",
      keywords: "fan out concurrent branches together at once same time",
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
    inspector: { section: "parallel" },
    io: { JSONPath: ["InputPath", "Parameters", "ResultSelector", "ResultPath", "OutputPath", "Assign"], JSONata: ["Arguments", "Output", "Assign"] },
  },
  Map: {
    label: "Map",
    description: "Repeat steps for every item in a list.",
    icon: "M4 6h16 M4 12h16 M4 18h16 M2 6h0 M2 12h0 M2 18h0",
    exit: "next",
    handlesErrors: true,
    holds: "items",
    palette: {
      id: "map",
      keywords: "loop for each every repeat iterate items list array batch",
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
      more: [
        {
          id: "map-s3",
          label: "Map over an S3 file",
          description: "Repeat steps for every row of a CSV file (or every file in a folder) in an S3 bucket, at large scale.",
          keywords: "distributed map s3 bucket file csv json jsonl lines rows folder objects loop for each every repeat large scale batch",
          build: (lang) => ({
            name: "Map over file",
            state: {
              Type: "Map",
              ItemReader: {
                Resource: "arn:aws:states:::s3:getObject",
                ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "FIRST_ROW" },
                [lang === "JSONata" ? "Arguments" : "Parameters"]: { Bucket: blank("BUCKET_NAME"), Key: "data/items.csv" },
              },
              MaxConcurrency: 100,
              ItemProcessor: {
                ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "EXPRESS" },
                StartAt: "Process row",
                States: { "Process row": { Type: "Pass", End: true } },
              },
            },
          }),
        },
      ],
    },
    inspector: { section: "map" },
    io: { JSONPath: ["InputPath", "ResultSelector", "ResultPath", "OutputPath", "Assign"], JSONata: ["Output", "Assign"] },
  },
  Succeed: {
    label: "Succeed",
    description: "Stop here: the work is done.",
    icon: "M5 12l5 5 9-10",
    exit: "none",
    handlesErrors: false,
    holds: null,
    palette: { id: "succeed", keywords: "end finish stop success done", build: () => ({ name: "Succeed", state: { Type: "Succeed" } }) },
    inspector: {},
    io: { JSONPath: ["InputPath", "OutputPath"], JSONata: ["Output"] },
  },
  Fail: {
    label: "Fail",
    description: "Stop here and report an error.",
    icon: "M6 6l12 12 M18 6L6 18",
    exit: "none",
    handlesErrors: false,
    holds: null,
    palette: {
      id: "fail",
      keywords: "end error fail failure stop abort reject",
      build: () => ({ name: "Fail", state: { Type: "Fail", Error: "WorkflowFailed", Cause: "Say here what went wrong." } }),
    },
    inspector: { section: "fail" },
    io: { JSONPath: [], JSONata: [] },
  },
};

/** Every state type, in the palette's order (Task's integrations come after the flow states). */
export const stateKinds: readonly StateKind[] = (Object.keys(kinds) as StateType[]).map((type) => {
  const k = kinds[type];
  // A flow state's palette entry is named and described as the state.
  const palette: StateKind["palette"] =
    "actions" in k.palette
      ? { group: "Actions", entries: k.palette.actions }
      : { group: "Flow", entries: [{ id: k.palette.id, keywords: k.palette.keywords, build: k.palette.build, label: k.label, description: k.description }, ...(k.palette.more ?? [])] };
  return { ...k, type, colour: stateColour(type), palette };
});

const byType = new Map(stateKinds.map((k) => [k.type, k]));

/** What the studio makes of a type it does not know: a step that passes data on. */
function unknownKind(type: string): StateKind {
  return {
    type,
    label: type || "Unknown",
    description: "A kind of step Stepstudio does not know; edit it in the code.",
    icon: passIcon,
    colour: stateColour(type),
    exit: "next",
    handlesErrors: false,
    holds: null,
    palette: { group: "Flow", entries: [] },
    inspector: {},
    io: passOnIO,
  };
}

/** The kind of a state's Type, whatever the document holds there. */
export function stateKind(type: unknown): StateKind {
  return byType.get(String(type ?? "")) ?? unknownKind(String(type ?? ""));
}

/** True for the types that end the workflow (Succeed, Fail): no Next, no End, nothing after them. */
export function isTerminal(type: unknown): boolean {
  return stateKind(type).exit === "none";
}

/** True for the types that take Retry and Catch. */
export function handlesErrors(type: unknown): boolean {
  return stateKind(type).handlesErrors;
}
