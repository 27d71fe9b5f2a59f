import { DEPLOYMENT_EVENTS, parseEmails, type CreateTaskAlertInput, type DeleteTaskAlertInput } from "@/lib/ecs/task-alerts/schema";
import type { Plan, PlanStep } from "@/lib/core/plans/types";

export const TARGET_ID = "sns-alert";

/** The rule's pattern: this cluster's tasks reaching STOPPED, narrowed to a family and to failures as chosen. */
export function alertPattern(input: Pick<CreateTaskAlertInput, "clusterArn" | "family" | "when" | "stopCode">): Record<string, unknown> {
  const detail: Record<string, unknown> = { clusterArn: [input.clusterArn], lastStatus: ["STOPPED"] };
  if (input.family) detail.taskDefinitionArn = [{ prefix: input.clusterArn.replace(/:cluster\/.*$/, `:task-definition/${input.family}:`) }];
  if (input.when === "nonzero") detail.containers = { exitCode: [{ "anything-but": 0 }] };
  if (input.when === "stopCode") detail.stopCode = [input.stopCode];
  return { source: ["aws.ecs"], "detail-type": ["ECS Task State Change"], detail };
}

/** Where this cluster's services' ARNs start: ECS names the service (not the cluster) in a deployment event's resources. */
export function serviceArnPrefix(clusterArn: string, cluster: string): string {
  return clusterArn.replace(/:cluster\/.*$/, `:service/${cluster}/`);
}

/** The rule's pattern for deployment alerts: this cluster's (or one service's) ECS Deployment State Change events. */
export function deploymentAlertPattern(input: Pick<CreateTaskAlertInput, "clusterArn" | "cluster" | "service" | "deploymentEvents">): Record<string, unknown> {
  const prefix = serviceArnPrefix(input.clusterArn, input.cluster);
  return {
    source: ["aws.ecs"],
    "detail-type": ["ECS Deployment State Change"],
    resources: [input.service ? `${prefix}${input.service}` : { prefix }],
    detail: { eventName: [...DEPLOYMENT_EVENTS[input.deploymentEvents]] },
  };
}

/** A deployment event as one sentence: which service, what happened, and ECS's reason. */
export const DEPLOYMENT_TRANSFORMER = {
  InputPathsMap: {
    service: "$.resources[0]",
    event: "$.detail.eventName",
    deployment: "$.detail.deploymentId",
    reason: "$.detail.reason",
    time: "$.time",
  },
  InputTemplate: '"ECS service <service>: <event> at <time> (deployment <deployment>). <reason>"',
};

/** The e-mail's text, read from the event by an input transformer. */
export const ALERT_TRANSFORMER = {
  InputPathsMap: {
    task: "$.detail.taskArn",
    group: "$.detail.group",
    code: "$.detail.stopCode",
    reason: "$.detail.stoppedReason",
    exit: "$.detail.containers[0].exitCode",
    time: "$.time",
  },
  InputTemplate: '"ECS task <task> (<group>) stopped at <time>: <code>, <reason> (exit code <exit>)."',
};

/** What EventBridge needs to publish to a topic it did not create: the topic's policy lets events.amazonaws.com publish. */
function topicPolicy(topicArn: string) {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Sid: "EventBridgePublish", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sns:Publish", Resource: topicArn }],
  });
}

/** The ARN CreateTopic will return, from the cluster's partition and account (the policy names it before it exists). */
export function createdTopicArn(input: Pick<CreateTaskAlertInput, "clusterArn" | "region" | "topicName">): string {
  const [, partition, , , account] = input.clusterArn.split(":");
  return `arn:${partition}:sns:${input.region}:${account}:${input.topicName}`;
}

/**
 * Task state alerts: a topic (created, with its policy letting EventBridge publish, or picked),
 * e-mail subscriptions (each address confirms by mail), and a rule on ECS Task State Change whose
 * SNS target turns the event into a readable sentence.
 */
export function buildCreateTaskAlertPlan(input: CreateTaskAlertInput): Plan {
  const creating = input.topicMode === "create";
  const topicArn = creating ? { $ref: "topic.topicArn" } : input.topicArn;
  const { emails } = parseEmails(input.emails);
  const topicSteps: PlanStep[] = creating
    ? [
        {
          key: "topic",
          service: "sns",
          operation: "CreateTopic",
          description: `Create SNS topic ${input.topicName}`,
          input: { Name: input.topicName, Tags: [{ Key: "portside:managed", Value: "true" }, { Key: "portside:cluster", Value: input.cluster }] },
          produces: { topicArn: "TopicArn" },
          inverse: { service: "sns", operation: "DeleteTopic", description: `Delete SNS topic ${input.topicName} and its subscriptions`, input: { TopicArn: { $ref: "topic.topicArn" } } },
        },
        {
          key: "topicPolicy",
          service: "sns",
          operation: "SetTopicAttributes",
          description: `Let EventBridge publish to ${input.topicName}`,
          dependsOn: ["topic"],
          input: { TopicArn: topicArn, AttributeName: "Policy", AttributeValue: topicPolicy(createdTopicArn(input)) },
        },
      ]
    : [];
  const subscribeSteps: PlanStep[] = emails.map((address, i) => ({
    key: `subscribe${i}`,
    service: "sns",
    operation: "Subscribe",
    description: `Subscribe ${address} by e-mail (AWS mails a confirmation link first)`,
    ...(creating ? { dependsOn: ["topicPolicy"] } : {}),
    input: { TopicArn: topicArn, Protocol: "email", Endpoint: address, ReturnSubscriptionArn: true },
    produces: { subscriptionArn: "SubscriptionArn" },
  }));
  const last = [...topicSteps, ...subscribeSteps].at(-1)?.key;
  const deployments = input.kind === "deployments";
  const what = deployments ? `deployments of ${input.service || `every service of ${input.cluster}`}` : `stopped tasks in ${input.cluster}`;
  return {
    version: 1,
    wizard: "ecs-task-alert",
    title: `Alert on ${what}: ${input.ruleName}`,
    resources: [`ecs:cluster/${input.cluster}`, `events:rule/default/${input.ruleName}`],
    landing: `/ecs/clusters/${encodeURIComponent(input.cluster)}/task-alerts`,
    steps: [
      ...topicSteps,
      ...subscribeSteps,
      {
        key: "rule",
        service: "events",
        operation: "PutRule",
        description: `Create rule ${input.ruleName} on ${deployments ? "ECS Deployment State Change" : "ECS Task State Change"}`,
        ...(last ? { dependsOn: [last] } : {}),
        input: {
          Name: input.ruleName,
          EventBusName: "default",
          EventPattern: JSON.stringify(deployments ? deploymentAlertPattern(input) : alertPattern(input)),
          State: "ENABLED",
          Description: deployments ? `Deployments of ${input.service || input.cluster} by e-mail` : `Stopped tasks of ${input.cluster} by e-mail`,
          Tags: [{ Key: "portside:managed", Value: "true" }, { Key: "portside:cluster", Value: input.cluster }, { Key: "portside:alert", Value: input.kind }],
        },
        produces: { ruleArn: "RuleArn" },
        inverse: { service: "events", operation: "DeleteRule", description: `Delete rule ${input.ruleName}`, input: { Name: input.ruleName, EventBusName: "default" } },
      },
      {
        key: "target",
        service: "events",
        operation: "PutTargets",
        description: deployments ? "Send each deployment event to the topic as a sentence" : "Send each stopped task to the topic as a sentence",
        dependsOn: ["rule"],
        input: { Rule: input.ruleName, EventBusName: "default", Targets: [{ Id: TARGET_ID, Arn: topicArn, InputTransformer: deployments ? DEPLOYMENT_TRANSFORMER : ALERT_TRANSFORMER }] },
        inverse: { service: "events", operation: "RemoveTargets", description: `Remove the topic from rule ${input.ruleName}`, input: { Rule: input.ruleName, EventBusName: "default", Ids: [TARGET_ID] } },
      },
    ],
    ...(creating ? {} : { warnings: ["The topic's access policy must let events.amazonaws.com publish (sns:Publish), or EventBridge's deliveries fail."] }),
  };
}

/** An alert goes as its rule: targets first (EventBridge refuses a rule that has some). The topic and its subscriptions stay. */
export function buildDeleteTaskAlertPlan(input: DeleteTaskAlertInput, targetIds: string[]): Plan {
  const steps: PlanStep[] = [];
  if (targetIds.length) {
    steps.push({ key: "targets", service: "events", operation: "RemoveTargets", description: `Remove the topic from rule ${input.ruleName}`, input: { Rule: input.ruleName, EventBusName: "default", Ids: targetIds } });
  }
  steps.push({
    key: "delete",
    service: "events",
    operation: "DeleteRule",
    description: `Delete rule ${input.ruleName}`,
    ...(targetIds.length ? { dependsOn: ["targets"] } : {}),
    input: { Name: input.ruleName, EventBusName: "default" },
  });
  return {
    version: 1,
    wizard: "ecs-task-alert-delete",
    title: `Delete task alert ${input.ruleName} of ${input.cluster}`,
    resources: [`ecs:cluster/${input.cluster}`, `events:rule/default/${input.ruleName}`],
    landing: `/ecs/clusters/${encodeURIComponent(input.cluster)}/task-alerts`,
    steps,
  };
}
