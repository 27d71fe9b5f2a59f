import type { Plan } from "./types";

/**
 * IAM action names of the requests Portside sends. A plan names a service by Portside's client
 * key (`elbv2`, `appautoscaling`); IAM names it by its service prefix (`elasticloadbalancing`,
 * `application-autoscaling`), which is what a policy must say. A unit test keeps this table
 * complete for every client in lib/core/aws/services.ts.
 */
export const IAM_PREFIX: Record<string, string> = {
  appautoscaling: "application-autoscaling",
  apprunner: "apprunner",
  autoscaling: "autoscaling",
  cloudwatch: "cloudwatch",
  ec2: "ec2",
  ecr: "ecr",
  ecrpublic: "ecr-public",
  ecs: "ecs",
  eks: "eks",
  elasticbeanstalk: "elasticbeanstalk",
  elbv2: "elasticloadbalancing",
  events: "events",
  iam: "iam",
  logs: "logs",
  s3: "s3",
  sns: "sns",
  scheduler: "scheduler",
  secretsmanager: "secretsmanager",
  sqs: "sqs",
  ssm: "ssm",
  sts: "sts",
};

// Where IAM's action name is not the API operation's.
const IAM_ACTION_NAME: Record<string, string> = {
  "s3:PutBucketNotificationConfiguration": "PutBucketNotification",
  "s3:GetBucketNotificationConfiguration": "GetBucketNotification",
};

export function iamAction(service: string, operation: string): string {
  const prefix = IAM_PREFIX[service] ?? service;
  return `${prefix}:${IAM_ACTION_NAME[`${prefix}:${operation}`] ?? operation}`;
}

// A request that hands a role to a service (a task's execution role, a schedule's role, an EKS
// cluster's role, an instance profile's role given to EC2) also needs iam:PassRole on that role.
function passesRole(value: unknown, depth = 0): boolean {
  if (depth > 8 || !value || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((v) => passesRole(v, depth + 1));
  return Object.entries(value).some(([key, v]) => (/(rolearn|^iaminstanceprofile)$/i.test(key) && v !== undefined && v !== "") || passesRole(v, depth + 1));
}

// Tags sent with a create are authorized separately: the create also needs the service's
// tagging action (AWS: "tag on create"). The request field that carries them, per service.
const TAG_ON_CREATE: Record<string, { field: string; action: (operation: string) => string }> = {
  elbv2: { field: "Tags", action: () => "AddTags" },
  ec2: { field: "TagSpecifications", action: () => "CreateTags" },
  ecs: { field: "tags", action: () => "TagResource" },
  eks: { field: "tags", action: () => "TagResource" },
  logs: { field: "tags", action: () => "TagResource" },
  apprunner: { field: "Tags", action: () => "TagResource" },
  sqs: { field: "tags", action: () => "TagQueue" },
  cloudwatch: { field: "Tags", action: () => "TagResource" },
  appautoscaling: { field: "Tags", action: () => "TagResource" },
  autoscaling: { field: "Tags", action: () => "CreateOrUpdateTags" },
  events: { field: "Tags", action: () => "TagResource" },
  sns: { field: "Tags", action: () => "TagResource" },
  iam: { field: "Tags", action: (operation) => operation.replace(/^Create/, "Tag") },
  ecr: { field: "tags", action: () => "TagResource" },
  ecrpublic: { field: "tags", action: () => "TagResource" },
  elasticbeanstalk: { field: "Tags", action: () => "AddTags" },
};

function tagsOnCreate(service: string, operation: string, input: Record<string, unknown>): string | null {
  const rule = TAG_ON_CREATE[service];
  // EC2's RunInstances creates (and tags) instances and volumes too.
  if (!rule || !(/^(Create|Register|Put)/.test(operation) || operation === "RunInstances")) return null;
  const tags = input[rule.field];
  const present = Array.isArray(tags) ? tags.length > 0 : Boolean(tags && typeof tags === "object" && Object.keys(tags).length > 0);
  return present ? iamAction(service, rule.action(operation)) : null;
}

/**
 * Every IAM action the plan needs: its requests, the reads it waits on, the tagging action of a
 * create that sends tags, and PassRole where a role is handed over.
 */
export function planPermissions(plan: Plan): string[] {
  const actions = new Set<string>();
  for (const step of plan.steps) {
    actions.add(iamAction(step.service, step.operation));
    const tagging = tagsOnCreate(step.service, step.operation, step.input);
    if (tagging) actions.add(tagging);
    if (step.waitFor) actions.add(iamAction(step.waitFor.service, step.waitFor.operation));
    if (passesRole(step.input)) actions.add("iam:PassRole");
  }
  return [...actions].sort();
}

/** The permissions as an identity policy a person can attach (resources left to them to narrow). */
export function permissionsPolicy(actions: string[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "PortsidePlan", Effect: "Allow", Action: actions, Resource: "*" }] }, null, 2);
}
