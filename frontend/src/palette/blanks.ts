// The words a step added from the palette holds until someone puts their
// own values there (arn:aws:sns:REGION:ACCOUNT_ID:TOPIC_NAME), each with what
// belongs there. Templates write them with blank(), so a misspelt one does
// not compile.
//
// The validator warns about any left in a workflow (PLACEHOLDER_NOT_FILLED),
// in the studio and in `stepstudio validate`: blanks.test.ts writes the
// blanks the palette's templates actually hold to
// schema/palette_placeholders.json, which the Go schema embeds, and fails
// when that file no longer matches the templates.

export const blanks = {
  REGION: "your AWS Region, such as eu-west-1",
  ACCOUNT_ID: "your 12-digit AWS account ID",
  FUNCTION_NAME: "the name of the Lambda function",
  TOPIC_NAME: "the name of the SNS topic",
  QUEUE_NAME: "the name of the SQS queue",
  TABLE_NAME: "the name of the DynamoDB table",
  STATE_MACHINE_NAME: "the name of the workflow to run",
  CLUSTER_NAME: "the name of the ECS cluster",
  TASK_DEFINITION: "the name of the ECS task definition",
  SUBNET_ID: "a subnet of your VPC, such as subnet-0abc…",
  CONTAINER_NAME: "the name of the container in the task definition",
  JOB_NAME: "the name of the Glue job",
  CONNECTION_NAME: "the name of the EventBridge connection that holds the API's credentials",
  CONNECTION_ID: "the ID of that connection",
  BUCKET_NAME: "the name of the S3 bucket",
} as const;

export type Blank = keyof typeof blanks;

/** A blank in a template: the word itself, checked against the list above. */
export function blank(word: Blank): string {
  return word;
}

/** The runs of letters, digits and underscores in s: how the validator splits a value into words. */
export function words(s: string): string[] {
  return s.match(/[A-Za-z0-9_]+/g) ?? [];
}

/** Every string value in v (not keys), depth first. */
export function stringValues(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(stringValues);
  if (v === null || typeof v !== "object") return [];
  return Object.values(v).flatMap(stringValues);
}

/** The blanks that the given states hold, in the order of the list above. */
export function blanksIn(states: unknown[]): Blank[] {
  const found = new Set(states.flatMap(stringValues).flatMap(words));
  return (Object.keys(blanks) as Blank[]).filter((w) => found.has(w));
}
