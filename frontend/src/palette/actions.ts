// Task states for the integrations people use most, each with the right
// Resource ARN, a parameter template to fill in and a timeout: the Task's
// palette entries in the state registry.
import type { PaletteTemplate } from "../states/registry";
import { from, render } from "./params";
import { blank } from "./blanks";

interface TaskSpec {
  id: string;
  label: string;
  description: string;
  keywords: string;
  /** The base name of the new state. */
  name: string;
  resource: string;
  params: Record<string, unknown>;
  timeout: number;
  /** Under JSONPath, where the useful part of the result is. */
  resultSelector?: Record<string, string>;
  retry?: Record<string, unknown>[];
}

const input = from("$", "$states.input");
const id = from("$.id", "$states.input.id");
// The words people replace with their own (see blanks.ts).
const region = blank("REGION");
const account = blank("ACCOUNT_ID");

const lambdaRetry = [
  {
    ErrorEquals: ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"],
    IntervalSeconds: 1,
    MaxAttempts: 3,
    BackoffRate: 2,
  },
];

const specs: TaskSpec[] = [
  {
    id: "lambda-invoke",
    label: "Lambda Invoke",
    description: "Run a Lambda function with the data and keep its answer.",
    keywords: "aws lambda function code invoke call",
    name: "Invoke function",
    resource: "arn:aws:states:::lambda:invoke",
    params: { FunctionName: `arn:aws:lambda:${region}:${account}:function:${blank("FUNCTION_NAME")}`, Payload: input },
    timeout: 60,
    resultSelector: { "Payload.$": "$.Payload" },
    retry: lambdaRetry,
  },
  {
    id: "sns-publish",
    label: "SNS Publish",
    description: "Send a message to everyone subscribed to a topic (email, SMS, apps).",
    keywords: "aws sns notify notification alert email sms text topic message send",
    name: "Send notification",
    resource: "arn:aws:states:::sns:publish",
    params: { TopicArn: `arn:aws:sns:${region}:${account}:${blank("TOPIC_NAME")}`, Message: input },
    timeout: 30,
  },
  {
    id: "sqs-send",
    label: "SQS SendMessage",
    description: "Put a message on a queue for another system to pick up.",
    keywords: "aws sqs queue message send enqueue",
    name: "Queue message",
    resource: "arn:aws:states:::sqs:sendMessage",
    params: { QueueUrl: `https://sqs.${region}.amazonaws.com/${account}/${blank("QUEUE_NAME")}`, MessageBody: input },
    timeout: 30,
  },
  {
    id: "dynamodb-get",
    label: "DynamoDB GetItem",
    description: "Read one record from a DynamoDB table by its key.",
    keywords: "aws dynamodb database table read get item record",
    name: "Get item",
    resource: "arn:aws:states:::dynamodb:getItem",
    params: { TableName: blank("TABLE_NAME"), Key: { id: { S: id } } },
    timeout: 30,
  },
  {
    id: "dynamodb-put",
    label: "DynamoDB PutItem",
    description: "Save a record in a DynamoDB table.",
    keywords: "aws dynamodb database table write save put store item record",
    name: "Save item",
    resource: "arn:aws:states:::dynamodb:putItem",
    params: { TableName: blank("TABLE_NAME"), Item: { id: { S: id }, status: { S: from("$.status", "$states.input.status") } } },
    timeout: 30,
  },
  {
    id: "dynamodb-update",
    label: "DynamoDB UpdateItem",
    description: "Change some fields of a record in a DynamoDB table.",
    keywords: "aws dynamodb database table update change item record",
    name: "Update item",
    resource: "arn:aws:states:::dynamodb:updateItem",
    params: {
      TableName: blank("TABLE_NAME"),
      Key: { id: { S: id } },
      UpdateExpression: "SET #status = :status",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":status": { S: from("$.status", "$states.input.status") } },
    },
    timeout: 30,
  },
  {
    id: "dynamodb-delete",
    label: "DynamoDB DeleteItem",
    description: "Remove a record from a DynamoDB table.",
    keywords: "aws dynamodb database table delete remove item record",
    name: "Delete item",
    resource: "arn:aws:states:::dynamodb:deleteItem",
    params: { TableName: blank("TABLE_NAME"), Key: { id: { S: id } } },
    timeout: 30,
  },
  {
    id: "eventbridge-put",
    label: "EventBridge PutEvents",
    description: "Announce that something happened, for other systems to react to.",
    keywords: "aws eventbridge events bus publish announce",
    name: "Publish event",
    resource: "arn:aws:states:::events:putEvents",
    params: { Entries: [{ EventBusName: "default", Source: "com.example.orders", DetailType: "OrderUpdated", Detail: input }] },
    timeout: 30,
  },
  {
    id: "sfn-start",
    label: "Step Functions StartExecution",
    description: "Run another workflow and wait until it has finished.",
    keywords: "aws step functions states workflow child nested start execution sync",
    name: "Run workflow",
    resource: "arn:aws:states:::states:startExecution.sync:2",
    params: {
      StateMachineArn: `arn:aws:states:${region}:${account}:stateMachine:${blank("STATE_MACHINE_NAME")}`,
      Input: { data: input, "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID": from("$$.Execution.Id", "$states.context.Execution.Id") },
    },
    timeout: 3600,
  },
  {
    id: "ecs-run",
    label: "ECS RunTask",
    description: "Run a container on ECS and wait until it has finished.",
    keywords: "aws ecs fargate container docker run task sync",
    name: "Run container",
    resource: "arn:aws:states:::ecs:runTask.sync",
    params: {
      LaunchType: "FARGATE",
      Cluster: `arn:aws:ecs:${region}:${account}:cluster/${blank("CLUSTER_NAME")}`,
      TaskDefinition: `arn:aws:ecs:${region}:${account}:task-definition/${blank("TASK_DEFINITION")}:1`,
      NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [blank("SUBNET_ID")], AssignPublicIp: "DISABLED" } },
      Overrides: {
        ContainerOverrides: [
          { Name: blank("CONTAINER_NAME"), Environment: [{ Name: "INPUT", Value: from("States.JsonToString($)", "$string($states.input)") }] },
        ],
      },
    },
    timeout: 3600,
  },
  {
    id: "glue-start",
    label: "Glue StartJobRun",
    description: "Run a Glue data job (ETL) and wait until it has finished.",
    keywords: "aws glue etl job data spark sync",
    name: "Run Glue job",
    resource: "arn:aws:states:::glue:startJobRun.sync",
    params: { JobName: blank("JOB_NAME"), Arguments: { "--input": from("$.path", "$states.input.path") } },
    timeout: 7200,
  },
  {
    id: "http-invoke",
    label: "HTTP Task",
    description: "Call a web API (any HTTPS endpoint) and keep its answer.",
    keywords: "http https api rest web endpoint call request",
    name: "Call API",
    resource: "arn:aws:states:::http:invoke",
    params: {
      ApiEndpoint: "https://api.example.com/orders",
      Method: "POST",
      Authentication: { ConnectionArn: `arn:aws:events:${region}:${account}:connection/${blank("CONNECTION_NAME")}/${blank("CONNECTION_ID")}` },
      RequestBody: input,
    },
    timeout: 60,
  },
  {
    id: "aws-sdk",
    label: "AWS SDK call",
    description: "Call any AWS service action (here: read a file from S3; change the service and action).",
    keywords: "aws sdk api any service s3 bucket file object read download getobject call",
    name: "Call AWS",
    resource: "arn:aws:states:::aws-sdk:s3:getObject",
    params: { Bucket: blank("BUCKET_NAME"), Key: from("$.key", "$states.input.key") },
    timeout: 60,
  },
  {
    id: "s3-put",
    label: "S3 PutObject",
    description: "Save the data as a file in an S3 bucket.",
    keywords: "aws s3 bucket file object write save upload store putobject",
    name: "Save file",
    resource: "arn:aws:states:::aws-sdk:s3:putObject",
    params: { Bucket: blank("BUCKET_NAME"), Key: "results/output.json", Body: input },
    timeout: 60,
  },
  {
    id: "ses-send",
    label: "SES SendEmail",
    description: "Send an email to one or more people.",
    keywords: "aws ses sesv2 email mail notify send message",
    name: "Send email",
    resource: "arn:aws:states:::aws-sdk:sesv2:sendEmail",
    params: {
      FromEmailAddress: "sender@example.com",
      Destination: { ToAddresses: from("States.Array($.email)", "[$states.input.email]") },
      Content: { Simple: { Subject: { Data: "Update" }, Body: { Text: { Data: from("States.JsonToString($)", "$string($states.input)") } } } },
    },
    timeout: 30,
  },
  {
    id: "callback",
    label: "Wait for callback",
    description: "Send a message and pause until a person or system answers (approval, manual step).",
    keywords: "callback task token wait for answer approve approval approver human person review sign off manual waitForTaskToken sqs",
    name: "Wait for answer",
    resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
    params: {
      QueueUrl: `https://sqs.${region}.amazonaws.com/${account}/${blank("QUEUE_NAME")}`,
      MessageBody: { input, taskToken: from("$$.Task.Token", "$states.context.Task.Token") },
    },
    timeout: 86400,
  },
];

export const actionEntries: PaletteTemplate[] = specs.map((s) => ({
  id: s.id,
  label: s.label,
  description: s.description,
  keywords: s.keywords,
  build: (lang) => {
    const state: Record<string, unknown> = { Type: "Task", Resource: s.resource };
    state[lang === "JSONata" ? "Arguments" : "Parameters"] = render(lang, s.params);
    if (s.resultSelector) {
      if (lang === "JSONata") state.Output = "{% $states.result.Payload %}";
      else state.ResultSelector = s.resultSelector;
    }
    state.TimeoutSeconds = s.timeout;
    if (s.retry) state.Retry = structuredClone(s.retry);
    return { name: s.name, state };
  },
}));
