// What a step's card says about it: the sidecar description, else its ASL
// Comment, else one line made from its type and fields ("Waits 10
// seconds", "Calls Lambda function charge"); and its open comment threads.
import type { NoteThread, NotesFile } from "../backend/studio";
import { descriptionOf, entryOf } from "../notes/notesStore";

type Obj = Record<string, unknown>;

export interface StepWords {
  text: string;
  /** Where the words come from: the notes, the ASL Comment, or made here. */
  from: "description" | "comment" | "generated";
}

export function stepWords(notes: NotesFile | null, name: string, type: string, state: Obj | undefined): StepWords {
  const comment = typeof state?.Comment === "string" ? state.Comment : "";
  const described = descriptionOf(notes, name, "");
  if (described) return { text: described, from: "description" };
  if (comment) return { text: comment, from: "comment" };
  return { text: plainLine(type, state ?? {}), from: "generated" };
}

/** The threads on a state still open (not resolved), with at least one comment. */
export function openThreads(notes: NotesFile | null, name: string): NoteThread[] {
  return (entryOf(notes, name)?.threads ?? []).filter((t) => !t.resolved && t.comments.length > 0);
}

/** One plain sentence of what a state does, from its type and fields. */
export function plainLine(type: string, s: Obj): string {
  switch (type) {
    case "Task":
      return taskLine(s);
    case "Wait":
      return waitLine(s);
    case "Pass":
      return s.Result !== undefined || s.Output !== undefined ? "Sets fixed data and passes it on" : "Passes the data on to the next step";
    case "Choice": {
      const n = Array.isArray(s.Choices) ? s.Choices.length : 0;
      return `Chooses the next step by ${n} rule${n === 1 ? "" : "s"}${typeof s.Default === "string" ? `, otherwise goes to ${s.Default}` : ""}`;
    }
    case "Parallel": {
      const n = Array.isArray(s.Branches) ? s.Branches.length : 0;
      return `Runs ${n} branch${n === 1 ? "" : "es"} at the same time`;
    }
    case "Map": {
      const at = typeof s.MaxConcurrency === "number" && s.MaxConcurrency > 0 ? `, ${s.MaxConcurrency} at a time` : "";
      return `Runs the steps inside for each item${at}`;
    }
    case "Succeed":
      return "Ends the workflow successfully";
    case "Fail":
      return typeof s.Error === "string" ? `Stops the workflow with the error ${s.Error}` : "Stops the workflow as failed";
    default:
      return type ? `A ${type} step` : "A step";
  }
}

function waitLine(s: Obj): string {
  if (typeof s.Seconds === "number") return `Waits ${duration(s.Seconds)}`;
  if (typeof s.Timestamp === "string") return `Waits until ${s.Timestamp}`;
  if (s.SecondsPath !== undefined || typeof s.Seconds === "string") return "Waits as long as the data says";
  if (s.TimestampPath !== undefined) return "Waits until the time the data says";
  return "Waits";
}

function duration(sec: number): string {
  const unit = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  if (sec >= 3600 && sec % 3600 === 0) return unit(sec / 3600, "hour");
  if (sec >= 60 && sec % 60 === 0) return unit(sec / 60, "minute");
  return unit(sec, "second");
}

/** Service names as AWS writes them. */
const services: Record<string, string> = {
  lambda: "Lambda",
  dynamodb: "DynamoDB",
  sns: "SNS",
  sqs: "SQS",
  s3: "S3",
  states: "Step Functions",
  ecs: "ECS",
  batch: "Batch",
  glue: "Glue",
  events: "EventBridge",
  eventbridge: "EventBridge",
  apigateway: "API Gateway",
  http: "an HTTP endpoint",
  bedrock: "Bedrock",
  sagemaker: "SageMaker",
  athena: "Athena",
  codebuild: "CodeBuild",
  emr: "EMR",
};

function taskLine(s: Obj): string {
  const resource = typeof s.Resource === "string" ? s.Resource : "";
  const args = (s.Parameters ?? s.Arguments) as Obj | undefined;
  // arn:aws:lambda:region:account:function:NAME — a Lambda called directly.
  const direct = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(resource);
  if (direct) return `Calls Lambda function ${direct[1]}`;
  const activity = /^arn:[^:]+:states:[^:]*:[^:]*:activity:(.+)$/.exec(resource);
  if (activity) return `Waits for the activity ${activity[1]} to be done by a worker`;
  // arn:aws:states:::SERVICE:ACTION[.sync|.waitForTaskToken], or aws-sdk:SERVICE:ACTION.
  const m = /^arn:[^:]+:states:::(?:aws-sdk:)?([^:]+):([^.]+)(?:\.(\w+))?/.exec(resource);
  if (!m) return resource ? `Calls ${resource}` : "Does a task";
  const [, svc, action, mode] = m;
  const service = services[svc] ?? svc;
  const wait = mode === "sync" ? " and waits for it to finish" : mode === "waitForTaskToken" ? " and waits for an answer" : "";
  if (svc === "lambda") {
    const fn = typeof args?.FunctionName === "string" ? lastPart(args.FunctionName) : "";
    return `Calls Lambda function${fn ? ` ${fn}` : ""}${wait}`;
  }
  const table = typeof args?.TableName === "string" ? ` on table ${args.TableName}` : "";
  return `Calls ${service} ${action}${table}${wait}`;
}

/** "arn:aws:lambda:us-east-1:1:function:charge:$LATEST" -> "charge"; a plain name stays. */
function lastPart(fn: string): string {
  const m = /function:([^:]+)/.exec(fn);
  return m ? m[1] : fn;
}
