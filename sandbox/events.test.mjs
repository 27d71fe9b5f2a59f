// S3 → EventBridge → ECS through the sandbox: an object created in a bucket with EventBridge on
// runs the matching rule's ECS target with the transformed overrides; nothing else does. A task
// stopping is an ECS Task State Change event; an SNS target's message lands in the e-mail outbox.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, DescribeTasksCommand, ECSClient, RegisterTaskDefinitionCommand, RunTaskCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { CreateTopicCommand, ListSubscriptionsByTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import { CloudWatchClient, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { EventBridgeClient, PutEventsCommand, PutRuleCommand, PutTargetsCommand } from "@aws-sdk/client-eventbridge";
import { CreateBucketCommand, GetBucketNotificationConfigurationCommand, PutBucketNotificationConfigurationCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { startSandbox } from "./start.mjs";
import { hasMoto, clientConfig } from "./test-support.mjs";
import { confirmSnsSubscription, resetSandbox, sandboxEvents, setAgent, snsOutbox } from "./client.mjs";

/** Waits for check() to give a non-empty array. */
async function until(check, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value.length) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!hasMoto)("EventBridge delivery", () => {
  let sandbox;
  let s3;
  let events;
  let ecs;
  let clusterArn;
  let td;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false, env: { MOTO_IAM_LOAD_MANAGED_POLICIES: "false" } });
    s3 = new S3Client({ ...clientConfig(sandbox.endpoint), forcePathStyle: true });
    events = new EventBridgeClient(clientConfig(sandbox.endpoint));
    ecs = new ECSClient(clientConfig(sandbox.endpoint));
  }, 60_000);

  afterAll(async () => {
    for (const c of [s3, events, ecs]) c?.destroy();
    await sandbox?.stop();
  });

  beforeEach(async () => {
    await resetSandbox(sandbox.endpoint);
    clusterArn = (await ecs.send(new CreateClusterCommand({ clusterName: "jobs" }))).cluster.clusterArn;
    td = (await ecs.send(new RegisterTaskDefinitionCommand({ family: "ingest", containerDefinitions: [{ name: "app", image: "busybox", memory: 128, essential: true }] }))).taskDefinition;
    await s3.send(new CreateBucketCommand({ Bucket: "uploads" }));
    await events.send(new PutRuleCommand({
      Name: "on-upload",
      EventPattern: JSON.stringify({ source: ["aws.s3"], "detail-type": ["Object Created"], detail: { bucket: { name: ["uploads"] }, object: { key: [{ prefix: "in/" }] } } }),
    }));
    await events.send(new PutTargetsCommand({
      Rule: "on-upload",
      Targets: [{
        Id: "run",
        Arn: clusterArn,
        RoleArn: "arn:aws:iam::123456789012:role/events-ecs",
        EcsParameters: { TaskDefinitionArn: td.taskDefinitionArn, TaskCount: 1, LaunchType: "EC2" },
        InputTransformer: {
          InputPathsMap: { bucket: "$.detail.bucket.name", key: "$.detail.object.key" },
          InputTemplate: '{"containerOverrides":[{"name":"app","environment":[{"name":"S3_BUCKET","value":"<bucket>"},{"name":"S3_KEY","value":"<key>"}]}]}',
        },
      }],
    }));
  });

  it("remembers EventBridgeConfiguration (moto drops it) and runs the target for a matching object only", async () => {
    await s3.send(new PutObjectCommand({ Bucket: "uploads", Key: "in/before.csv", Body: "x" }));
    expect((await sandboxEvents(sandbox.endpoint)).invocations).toEqual([]);

    await s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: "uploads", NotificationConfiguration: { EventBridgeConfiguration: {} } }));
    expect((await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: "uploads" }))).EventBridgeConfiguration).toEqual({});

    await s3.send(new PutObjectCommand({ Bucket: "uploads", Key: "other/skip.csv", Body: "x" }));
    await s3.send(new PutObjectCommand({ Bucket: "uploads", Key: "in/report 1.csv", Body: "hello" }));
    const [invocation] = await until(async () => (await sandboxEvents(sandbox.endpoint)).invocations.filter((i) => i.rule === "on-upload"));
    expect(invocation).toMatchObject({ ok: true, source: "aws.s3", detailType: "Object Created" });
    expect(invocation.tasks).toHaveLength(1);
    const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: "jobs", tasks: invocation.tasks }));
    expect(tasks[0].startedBy).toBe("events-rule/on-upload");
    expect(tasks[0].overrides.containerOverrides).toEqual([
      { name: "app", environment: [{ name: "S3_BUCKET", value: "uploads" }, { name: "S3_KEY", value: "in/report 1.csv" }] },
    ]);
    // The object outside the prefix started nothing.
    expect((await sandboxEvents(sandbox.endpoint)).invocations).toHaveLength(1);
  });

  it("delivers PutEvents entries that match a rule, and records a failed invocation", async () => {
    await events.send(new PutRuleCommand({ Name: "custom", EventPattern: JSON.stringify({ source: ["my.app"], detail: { size: [{ numeric: [">", 10] }] } }) }));
    await events.send(new PutTargetsCommand({
      Rule: "custom",
      Targets: [{ Id: "run", Arn: clusterArn, RoleArn: "arn:aws:iam::123456789012:role/events-ecs", EcsParameters: { TaskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/gone:9", TaskCount: 1 } }],
    }));
    await events.send(new PutEventsCommand({ Entries: [
      { Source: "my.app", DetailType: "t", Detail: JSON.stringify({ size: 5 }) },
      { Source: "my.app", DetailType: "t", Detail: JSON.stringify({ size: 50 }) },
    ] }));
    const [failed] = await until(async () => (await sandboxEvents(sandbox.endpoint)).invocations.filter((i) => i.rule === "custom"));
    expect(failed.ok).toBe(false);
    expect(failed.error).toMatch(/task definition/i);
    expect((await sandboxEvents(sandbox.endpoint)).invocations).toHaveLength(1);
  });
});

describe.skipIf(!hasMoto)("ECS task state changes and SNS e-mail", () => {
  let sandbox;
  let events;
  let ecs;
  let sns;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: false, env: { MOTO_IAM_LOAD_MANAGED_POLICIES: "false" } });
    events = new EventBridgeClient(clientConfig(sandbox.endpoint));
    ecs = new ECSClient(clientConfig(sandbox.endpoint));
    sns = new SNSClient(clientConfig(sandbox.endpoint));
  }, 60_000);

  afterAll(async () => {
    for (const c of [events, ecs, sns]) c?.destroy();
    await sandbox?.stop();
  });

  it("a crashing task's STOPPED event reaches the rule's SNS topic, transformed, in the outbox", async () => {
    await resetSandbox(sandbox.endpoint);
    await setAgent(sandbox.endpoint, { paceMs: 100, tickMs: 20, crashAfterMs: 200 });
    const { clusterArn } = (await ecs.send(new CreateClusterCommand({ clusterName: "alerts" }))).cluster;
    await ecs.send(new RegisterTaskDefinitionCommand({ family: "boom", containerDefinitions: [{ name: "app", image: "example/crash:1", memory: 128, essential: true }] }));
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "ops" }));
    const sub = await sns.send(new SubscribeCommand({ TopicArn, Protocol: "email", Endpoint: "ops@example.com" }));
    // As on AWS: pending until the address follows the link; nothing is mailed to it meanwhile.
    expect(sub.SubscriptionArn).toBe("pending confirmation");
    expect((await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions.map((x) => x.SubscriptionArn)).toEqual(["PendingConfirmation"]);
    await sns.send(new PublishCommand({ TopicArn, Message: "before confirming" }));
    expect((await confirmSnsSubscription(sandbox.endpoint, { topicArn: TopicArn, endpoint: "ops@example.com" })).confirmed).toHaveLength(1);
    expect((await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions[0].SubscriptionArn).toMatch(/^arn:aws:sns:/);
    await events.send(new PutRuleCommand({
      Name: "stopped",
      EventPattern: JSON.stringify({ source: ["aws.ecs"], "detail-type": ["ECS Task State Change"], detail: { clusterArn: [clusterArn], lastStatus: ["STOPPED"], containers: { exitCode: [{ "anything-but": 0 }] } } }),
    }));
    await events.send(new PutTargetsCommand({
      Rule: "stopped",
      Targets: [{ Id: "mail", Arn: TopicArn, InputTransformer: { InputPathsMap: { task: "$.detail.taskArn", code: "$.detail.stopCode", exit: "$.detail.containers[0].exitCode" }, InputTemplate: '"Task <task> stopped: <code>, exit code <exit>."' } }],
    }));
    await ecs.send(new RunTaskCommand({ cluster: "alerts", taskDefinition: "boom", launchType: "EC2" }));
    const [mail] = await until(async () => (await snsOutbox(sandbox.endpoint)).messages);
    expect(mail).toMatchObject({ topicArn: TopicArn, to: "ops@example.com", protocol: "email", via: "events-rule/stopped" });
    expect(mail.message).toMatch(/^"Task arn:aws:ecs:us-east-1:\d{12}:task\/alerts\/\w+ stopped: EssentialContainerExited, exit code 1\."$/);

    await sns.send(new PublishCommand({ TopicArn, Message: "hello", Subject: "Hi" }));
    const all = await until(async () => ((await snsOutbox(sandbox.endpoint)).messages.length > 1 ? (await snsOutbox(sandbox.endpoint)).messages : []));
    expect(all[1]).toMatchObject({ to: "ops@example.com", subject: "Hi", message: "hello", via: "Publish" });
    expect(all.some((m) => m.message === "before confirming")).toBe(false);

    // Deliveries are counted as EventBridge does, per rule, in CloudWatch's AWS/Events.
    const cw = new CloudWatchClient(clientConfig(sandbox.endpoint));
    const q = (id, name) => ({ Id: id, MetricStat: { Metric: { Namespace: "AWS/Events", MetricName: name, Dimensions: [{ Name: "RuleName", Value: "stopped" }] }, Period: 60, Stat: "Sum" } });
    const out = await cw.send(new GetMetricDataCommand({ MetricDataQueries: [q("t", "TriggeredRules"), q("i", "Invocations")], StartTime: new Date(Date.now() - 3_600_000), EndTime: new Date(Date.now() + 60_000) }));
    const sum = (id) => (out.MetricDataResults.find((r) => r.Id === id)?.Values ?? []).reduce((a, b) => a + b, 0);
    expect(sum("t")).toBeGreaterThanOrEqual(1);
    expect(sum("i")).toBeGreaterThanOrEqual(1);
    cw.destroy();
  });

  it("a deployment the circuit breaker rolls back sends ECS Deployment State Change events: FAILED reaches the topic", async () => {
    await resetSandbox(sandbox.endpoint);
    await setAgent(sandbox.endpoint, { paceMs: 100, tickMs: 20, crashAfterMs: 200 });
    await ecs.send(new CreateClusterCommand({ clusterName: "deploys" }));
    const good = (await ecs.send(new RegisterTaskDefinitionCommand({ family: "web", containerDefinitions: [{ name: "app", image: "example/web:1", memory: 128, essential: true }] }))).taskDefinition.taskDefinitionArn;
    const bad = (await ecs.send(new RegisterTaskDefinitionCommand({ family: "web", containerDefinitions: [{ name: "app", image: "example/crash:2", memory: 128, essential: true }] }))).taskDefinition.taskDefinitionArn;
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: "deploys" }));
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: "email", Endpoint: "ops@example.com" }));
    await confirmSnsSubscription(sandbox.endpoint, { topicArn: TopicArn, endpoint: "ops@example.com" });
    await events.send(new PutRuleCommand({
      Name: "deploys-failed",
      EventPattern: JSON.stringify({ source: ["aws.ecs"], "detail-type": ["ECS Deployment State Change"], resources: [{ prefix: "arn:aws:ecs:us-east-1:123456789012:service/deploys/" }], detail: { eventName: ["SERVICE_DEPLOYMENT_FAILED"] } }),
    }));
    await events.send(new PutTargetsCommand({
      Rule: "deploys-failed",
      Targets: [{ Id: "mail", Arn: TopicArn, InputTransformer: { InputPathsMap: { service: "$.resources[0]", event: "$.detail.eventName", reason: "$.detail.reason" }, InputTemplate: '"<service>: <event>. <reason>"' } }],
    }));
    await ecs.send(new CreateServiceCommand({ cluster: "deploys", serviceName: "web", taskDefinition: good, desiredCount: 1, launchType: "EC2", deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } }));
    await until(async () => ((await ecs.send(new DescribeServicesCommand({ cluster: "deploys", services: ["web"] }))).services[0].deployments[0].rolloutState === "COMPLETED" ? [true] : []), 30_000);
    await ecs.send(new UpdateServiceCommand({ cluster: "deploys", service: "web", taskDefinition: bad }));
    const [mail] = await until(async () => (await snsOutbox(sandbox.endpoint)).messages, 30_000);
    expect(mail).toMatchObject({ topicArn: TopicArn, to: "ops@example.com", via: "events-rule/deploys-failed" });
    expect(mail.message).toBe('"arn:aws:ecs:us-east-1:123456789012:service/deploys/web: SERVICE_DEPLOYMENT_FAILED. ECS deployment circuit breaker: task failed to start."');
  }, 60_000);
});
