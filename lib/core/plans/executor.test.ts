import { CreateClusterCommand, DescribeClustersCommand, ECSClient } from "@aws-sdk/client-ecs";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetSandboxCalls, sandboxCalls } from "../../../sandbox/client.mjs";
import { startSandbox, type Sandbox } from "../../../sandbox/start.mjs";
import { createTestDatabase } from "../testing/test-database";
import { clusterPlan } from "../testing/plans";
import type { Plan } from "./types";

// Integration: the executor against a real Postgres (DATABASE_URL, from `npm test`) and the
// sandbox, simulating a process that died at each point of a run.
let sandbox: Sandbox;
let connectionId: string;
let userId: string;

type Db = typeof import("../db/client");
let dbModule: Db;
const db = () => dbModule.db();

let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;

beforeAll(async () => {
  database = await createTestDatabase("executor");
  process.env.PORTSIDE_SECRET_KEY = "test";
  dbModule = await import("../db/client");
  const started = await startSandbox({ port: 0, log: false });
  if (!started) throw new Error("moto_server is not installed; the sandbox is needed for this test");
  sandbox = started;
  userId = (await db().user.create({ data: { email: "x@y.z", name: "X", passwordHash: "-", role: "operator" } })).id;
  connectionId = (await db().connection.create({
    data: { name: "sb", kind: "sandbox", endpointUrl: sandbox.endpoint, defaultRegion: "us-east-1", regions: ["us-east-1"] },
  })).id;
}, 60_000);

afterAll(async () => {
  await db()?.$disconnect();
  await sandbox?.stop();
  await database?.drop();
});

async function recordRun(clusterName: string) {
  const { recordPlanRun } = await import("../audit/runs");
  const plan = clusterPlan(clusterName);
  return recordPlanRun({ userId, connectionId, region: "us-east-1", plan, input: {} });
}

const ecs = () => new ECSClient({ region: "us-east-1", endpoint: sandbox.endpoint, credentials: { accessKeyId: "t", secretAccessKey: "t" }, maxAttempts: 1 });

describe("executeRun after a crash", () => {
  it("resumes a run that died between steps, using the recorded outputs", async () => {
    const { executeRun } = await import("./executor");
    const run = await recordRun("resumed");
    // The first step completed and was recorded; the process died before the second.
    const created = await ecs().send(new CreateClusterCommand({ clusterName: "resumed" }));
    await db().planStep.update({
      where: { runId_index: { runId: run.id, index: 0 } },
      data: { status: "succeeded", response: { cluster: { clusterArn: created.cluster!.clusterArn! } } },
    });
    await db().planRun.update({ where: { id: run.id }, data: { status: "running", startedAt: new Date() } });
    await resetSandboxCalls(sandbox.endpoint);

    await executeRun(run.id);

    const after = await db().planRun.findUniqueOrThrow({ where: { id: run.id }, include: { steps: { orderBy: { index: "asc" } } } });
    expect(after.status).toBe("succeeded");
    expect(after.steps.map((s) => s.status)).toEqual(["succeeded", "succeeded"]);
    expect(after.steps[1]!.request).toMatchObject({ cluster: created.cluster!.clusterArn });
    expect(after.steps[1]!.requestId).toBeTruthy();
    // Only the missing step was sent.
    expect((await sandboxCalls(sandbox.endpoint)).calls).toEqual({ "ecs:PutClusterCapacityProviders": 1 });
    const [cluster] = (await ecs().send(new DescribeClustersCommand({ clusters: ["resumed"] }))).clusters ?? [];
    expect(cluster?.defaultCapacityProviderStrategy).toEqual([
      { capacityProvider: "FARGATE", weight: 1, base: 0 },
      { capacityProvider: "FARGATE_SPOT", weight: 2, base: 0 },
    ]);
  });

  it("marks a run interrupted when a request was in flight, and sends nothing more", async () => {
    const { executeRun } = await import("./executor");
    const run = await recordRun("inflight");
    await db().planStep.update({ where: { runId_index: { runId: run.id, index: 0 } }, data: { status: "running", startedAt: new Date() } });
    await db().planRun.update({ where: { id: run.id }, data: { status: "running", startedAt: new Date() } });
    await resetSandboxCalls(sandbox.endpoint);

    await executeRun(run.id);

    const after = await db().planRun.findUniqueOrThrow({ where: { id: run.id }, include: { steps: { orderBy: { index: "asc" } } } });
    expect(after.status).toBe("interrupted");
    expect(after.error).toMatch(/Interrupted at step 1 \(CreateCluster\)/);
    expect(after.steps.map((s) => s.status)).toEqual(["unknown", "skipped"]);
    expect((await sandboxCalls(sandbox.endpoint)).total).toBe(0);
  });

  it("waits for a resource to be ready, reporting progress, and resumes a wait after a restart", async () => {
    const { executeRun } = await import("./executor");
    const { recordPlanRun } = await import("../audit/runs");
    const plan = {
      version: 1 as const,
      wizard: "test",
      title: "wait",
      resources: [],
      steps: [
        {
          key: "cluster",
          service: "ecs",
          operation: "CreateCluster",
          description: "Create",
          input: { clusterName: "waited" },
          produces: { arn: "cluster.clusterArn" },
          waitFor: {
            service: "ecs",
            operation: "DescribeClusters",
            input: { clusters: [{ $ref: "cluster.arn" }] },
            path: "clusters.0.status",
            success: ["ACTIVE"],
            description: "cluster waited to become ACTIVE",
            intervalMs: 50,
          },
        },
      ],
    };
    const run = await recordPlanRun({ userId, connectionId, region: "us-east-1", plan, input: {} });
    await executeRun(run.id);
    const step = await db().planStep.findFirstOrThrow({ where: { runId: run.id } });
    expect(step.status).toBe("succeeded");
    expect(step.progress).toMatch(/^Waiting for cluster waited to become ACTIVE: ACTIVE · \d+ ms$/);

    // A restart while waiting: the answer was recorded, so only the wait resumes.
    const again = await recordPlanRun({ userId, connectionId, region: "us-east-1", plan, input: {} });
    await db().planStep.updateMany({
      where: { runId: again.id },
      data: { status: "running", startedAt: new Date(), response: { cluster: { clusterArn: step.response && (step.response as { cluster: { clusterArn: string } }).cluster.clusterArn } } },
    });
    await db().planRun.update({ where: { id: again.id }, data: { status: "running" } });
    await resetSandboxCalls(sandbox.endpoint);
    await executeRun(again.id);
    expect((await db().planRun.findUniqueOrThrow({ where: { id: again.id } })).status).toBe("succeeded");
    expect((await sandboxCalls(sandbox.endpoint)).calls).toEqual({ "ecs:DescribeClusters": 1 });
  });

  it("sends a request that takes an idempotency token again after a restart, with the same token", async () => {
    const { executeRun } = await import("./executor");
    const { recordPlanRun } = await import("../audit/runs");
    const schedule = {
      key: "schedule",
      service: "scheduler",
      operation: "CreateSchedule",
      description: "Create schedule resent",
      input: {
        Name: "resent",
        ScheduleExpression: "rate(5 minutes)",
        FlexibleTimeWindow: { Mode: "OFF" },
        Target: { Arn: "arn:aws:ecs:us-east-1:123456789012:cluster/x", RoleArn: "arn:aws:iam::123456789012:role/x" },
      },
    };
    const plan = { version: 1 as const, wizard: "test", title: "resend", resources: [], steps: [schedule] };
    const run = await recordPlanRun({ userId, connectionId, region: "us-east-1", plan, input: {} });
    // The process died after marking the step running, before AWS answered.
    await db().planStep.updateMany({ where: { runId: run.id }, data: { status: "running", startedAt: new Date() } });
    await db().planRun.update({ where: { id: run.id }, data: { status: "running", startedAt: new Date() } });
    await resetSandboxCalls(sandbox.endpoint);

    await executeRun(run.id);

    const after = await db().planRun.findUniqueOrThrow({ where: { id: run.id }, include: { steps: true } });
    expect(after.status).toBe("succeeded");
    expect((await sandboxCalls(sandbox.endpoint)).calls).toEqual({ "scheduler:CreateSchedule": 1 });
    const token = (after.steps[0]!.request as { ClientToken?: string }).ClientToken;
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    // The same run and step always carry the same token: what AWS deduplicates on.
    const { withIdempotencyToken } = await import("./idempotency");
    expect(withIdempotencyToken("scheduler", "CreateSchedule", {}, run.id, "schedule").ClientToken).toBe(token);
  });

  it("leaves a finished run alone when the queue delivers it again", async () => {
    const { executeRun } = await import("./executor");
    const run = await recordRun("twice");
    await executeRun(run.id);
    await resetSandboxCalls(sandbox.endpoint);
    await executeRun(run.id);
    expect((await db().planRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("succeeded");
    expect((await sandboxCalls(sandbox.endpoint)).total).toBe(0);
  });
});

describe("executeRun with a step that may be refused for a while", () => {
  // IAM eventual consistency, emulated by the sandbox (sandbox/iam-propagation.mjs): RunInstances
  // on an instance profile created less than 2.5 s ago is refused as EC2 refuses it.
  const profilePlan = (name: string, retry: boolean) => ({
    version: 1 as const,
    wizard: "test",
    title: `launch with ${name}`,
    resources: [],
    steps: [
      { key: "profile", service: "iam", operation: "CreateInstanceProfile", description: "profile", input: { InstanceProfileName: name } },
      {
        key: "instance",
        service: "ec2",
        operation: "RunInstances",
        description: "launch",
        dependsOn: ["profile"],
        input: { ImageId: "ami-12c6146b", InstanceType: "t3.micro", MinCount: 1, MaxCount: 1, IamInstanceProfile: { Name: name } },
        ...(retry ? { retryOn: { codes: ["InvalidParameterValue"], messageIncludes: "Invalid IAM Instance Profile", attempts: 6, firstDelayMs: 500, maxDelayMs: 2000, why: "IAM propagation" } } : {}),
      },
    ],
  });
  const propagation = (delayMs: number) =>
    fetch(`${sandbox.endpoint}/_sandbox/iam-propagation`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ delayMs }) }).then((r) => r.json());

  it("sends RunInstances again until EC2 sees the new instance profile, then succeeds", async () => {
    const { executeRun } = await import("./executor");
    const { recordPlanRun } = await import("../audit/runs");
    await propagation(2500);
    try {
      const run = await recordPlanRun({ userId, connectionId, region: "us-east-1", plan: profilePlan("retried-profile", true), input: {} });
      await resetSandboxCalls(sandbox.endpoint);
      await executeRun(run.id);
      const after = await db().planRun.findUniqueOrThrow({ where: { id: run.id }, include: { steps: { orderBy: { index: "asc" } } } });
      expect(after.status).toBe("succeeded");
      expect(after.steps[1]!.response).toMatchObject({ Instances: [{ InstanceId: expect.stringMatching(/^i-/) }] });
      expect(after.steps[1]!.progress).toMatch(/^InvalidParameterValue: IAM propagation\. Attempt \d of 6 refused; sending again in/);
      const calls = (await sandboxCalls(sandbox.endpoint)).calls;
      expect(calls["ec2:RunInstances"]).toBeGreaterThanOrEqual(2);
      expect((await propagation(2500)).refused).toBe(calls["ec2:RunInstances"]! - 1);
    } finally {
      await propagation(0);
    }
  }, 30_000);

  it("fails at once, as before, on a step that does not name the error", async () => {
    const { executeRun } = await import("./executor");
    const { recordPlanRun } = await import("../audit/runs");
    await propagation(60_000);
    try {
      const run = await recordPlanRun({ userId, connectionId, region: "us-east-1", plan: profilePlan("unretried-profile", false), input: {} });
      await resetSandboxCalls(sandbox.endpoint);
      await executeRun(run.id);
      const after = await db().planRun.findUniqueOrThrow({ where: { id: run.id }, include: { steps: { orderBy: { index: "asc" } } } });
      expect(after.status).toBe("failed");
      expect(after.steps[1]!.errorCode).toBe("InvalidParameterValue");
      expect((await sandboxCalls(sandbox.endpoint)).calls["ec2:RunInstances"]).toBe(1);
    } finally {
      await propagation(0);
    }
  });
});

describe("executeRun with binary request members", () => {
  it("decodes a { $base64 } Body to bytes for S3 and records only its description", async () => {
    const { executeRun } = await import("./executor");
    const { recordPlanRun } = await import("../audit/runs");
    const { blob64 } = await import("./blobs");
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80, 0x0a, 0x0d, 0x7f]);
    const plan: Plan = {
      version: 1,
      wizard: "test-blob",
      title: "Upload bytes",
      resources: [],
      landing: "/",
      steps: [
        { key: "bucket", service: "s3", operation: "CreateBucket", description: "bucket", input: { Bucket: "blob-bucket" } },
        { key: "put", service: "s3", operation: "PutObject", description: "bytes", dependsOn: ["bucket"], input: { Bucket: "blob-bucket", Key: "b.zip", Body: blob64(bytes, "zip") } },
      ],
    };
    const run = await recordPlanRun({ userId, connectionId, region: "us-east-1", plan, input: {} });
    await executeRun(run.id);
    const after = await db().planRun.findUniqueOrThrow({ where: { id: run.id }, include: { steps: { orderBy: { index: "asc" } } } });
    expect(after.status).toBe("succeeded");
    expect(JSON.stringify(after.steps[1]!.request)).toMatch(/"Body":"<zip: 10 bytes, sha256 [0-9a-f]{64}>"/);
    const s3 = new S3Client({ region: "us-east-1", endpoint: sandbox.endpoint, forcePathStyle: true, credentials: { accessKeyId: "t", secretAccessKey: "t" }, maxAttempts: 1 });
    const got = await s3.send(new GetObjectCommand({ Bucket: "blob-bucket", Key: "b.zip" }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(bytes)).toBe(true);
  });
});
